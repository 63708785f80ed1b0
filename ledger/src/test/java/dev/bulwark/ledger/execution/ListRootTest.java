package dev.bulwark.ledger.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RFC 6962-shaped list commitment. */
class ListRootTest {
  private static byte[] item(int i) {
    return new byte[] {(byte) i, (byte) (i >> 8)};
  }

  private static byte[] leaf(int i) {
    return Keccak.hash256(new byte[] {0}, item(i));
  }

  private static byte[] node(byte[] l, byte[] r) {
    return Keccak.hash256(new byte[] {1}, l, r);
  }

  @Test
  void emptyListHasEthereumsEmptyTrieRoot() {
    assertThat(ListRoot.of(List.of()))
        .isEqualTo(
            Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
  }

  @Test
  void shapeSplitsAtTheLargestPowerOfTwo() {
    assertThat(ListRoot.of(List.of(item(0)))).isEqualTo(Hash.of(leaf(0)));
    assertThat(ListRoot.of(List.of(item(0), item(1), item(2))))
        .isEqualTo(Hash.of(node(node(leaf(0), leaf(1)), leaf(2))));
    assertThat(ListRoot.of(List.of(item(0), item(1), item(2), item(3), item(4))))
        .isEqualTo(Hash.of(node(node(node(leaf(0), leaf(1)), node(leaf(2), leaf(3))), leaf(4))));
  }

  @Test
  void distinctListsHaveDistinctRoots() {
    Set<Hash> roots = new HashSet<>();
    List<byte[]> items = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      assertThat(roots.add(ListRoot.of(items))).isTrue();
      items.add(item(n));
    }
    assertThat(ListRoot.of(List.of(item(1), item(0))))
        .isNotEqualTo(ListRoot.of(List.of(item(0), item(1))));
    // An inner node's preimage offered as a single item does not collide with the pair.
    byte[] fake = new byte[64];
    System.arraycopy(leaf(0), 0, fake, 0, 32);
    System.arraycopy(leaf(1), 0, fake, 32, 32);
    assertThat(ListRoot.of(List.of(fake))).isNotEqualTo(ListRoot.of(List.of(item(0), item(1))));
  }
}
