package dev.bulwark.ledger.state.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import org.junit.jupiter.api.Test;

class NodeCodecTest {
  private static final Hash H1 = Keccak.hash(new byte[] {1});
  private static final Hash H2 = Keccak.hash(new byte[] {2});

  @Test
  void internalNodeRoundTripsItsChildrenLeafFlagsAndLeafKeys() {
    Hash leafKey = Keccak.hash(new byte[] {3});
    Slots slots = new Slots();
    slots.set(0x3, new ChildRef(H1, leafKey));
    slots.set(0xe, ChildRef.internal(H2));
    slots.set(0x7, ChildRef.internal(H1));
    slots.set(0x7, null);
    InternalNode node = NodeCodec.internal(slots);
    assertThat(node.encoding()).hasSize(5 + 64);
    assertThat(node.storedBytes()).hasSize(5 + 64 + 32);
    assertThat(node.hash()).isEqualTo(TreeFixtures.sha256(node.encoding()));

    InternalNode stored = (InternalNode) NodeCodec.decodeStored(node.storedBytes(), node.hash());
    assertThat(Slots.of(stored).mask()).isEqualTo(1 << 0x3 | 1 << 0xe);
    assertThat(Slots.of(stored).get(0xe)).isEqualTo(ChildRef.internal(H2));
    assertThat(stored.child(0x3)).isEqualTo(new ChildRef(H1, leafKey));
    assertThat(stored.child(0x4)).isNull();

    // A proof carries only the hashed part: flags and hashes, no leaf keys.
    InternalNode canonical = (InternalNode) NodeCodec.decode(node.encoding());
    assertThat(canonical.hash()).isEqualTo(node.hash());
    assertThat(canonical.childHash(0x3)).isEqualTo(H1);
    assertThat(canonical.leafChild(0x3)).isTrue();
    assertThat(canonical.leafChild(0xe)).isFalse();
    assertThat(canonical.childHash(0x0)).isNull();
    assertThatThrownBy(() -> NodeCodec.decode(node.storedBytes()))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> NodeCodec.decodeStored(node.encoding(), node.hash()))
        .isInstanceOf(DecodeException.class).hasMessageContaining("expected 101");
  }

  @Test
  void leafRoundTripsKeyAndValue() {
    LeafNode leaf = NodeCodec.leaf(H1, Bytes.fromHex("0xbeef"));
    LeafNode decoded = (LeafNode) NodeCodec.decode(leaf.encoding());
    assertThat(decoded.key()).isEqualTo(H1);
    assertThat(decoded.value()).isEqualTo(Bytes.fromHex("0xbeef"));
    assertThat(decoded.hash())
        .isEqualTo(leaf.hash())
        .isEqualTo(TreeFixtures.sha256(leaf.encoding()));
    assertThat(decoded.hasKey(H1)).isTrue();
    assertThat(decoded.hasKey(H2)).isFalse();
  }

  @Test
  void hashBlocksCountSha256CompressionsIncludingPadding() {
    // SHA-256 appends 0x80 and an 8-byte length: 55 bytes fit one 64-byte block, 56 need two.
    assertThat(NodeCodec.hashBlocks(0)).isEqualTo(1);
    assertThat(NodeCodec.hashBlocks(55)).isEqualTo(1);
    assertThat(NodeCodec.hashBlocks(56)).isEqualTo(2);
    assertThat(NodeCodec.hashBlocks(5 + 16 * Hash.SIZE)).isEqualTo(9);
  }

  @Test
  void nibblesReadHighHalfFirst() {
    Hash key = Hash.fromHex("0xa5" + "00".repeat(30) + "0f");
    assertThat(NodeCodec.nibble(key, 0)).isEqualTo(0xa);
    assertThat(NodeCodec.nibble(key, 1)).isEqualTo(0x5);
    assertThat(NodeCodec.nibble(key, 63)).isEqualTo(0xf);
  }

  @Test
  void malformedAndNonCanonicalNodesAreRejected() {
    String h = H1.bytes().toUnprefixedHex();
    assertBad("0x", "empty");
    assertBad("0x02", "unknown");
    assertBad("0x00" + "11".repeat(31), "too short");
    assertBad("0x0100", "too short");
    assertBad("0x0100000000", "non-canonical"); // no children
    assertBad("0x0100010001" + h, "non-canonical"); // a lone leaf child must be pulled up
    assertBad("0x0100010002" + h, "empty slot"); // leaf flag without a child
    assertBad("0x0100030000" + h, "bytes for 2 children");
    assertThat(NodeCodec.decode(Bytes.fromHex("0x0100010000" + h).toArray()))
        .isInstanceOf(InternalNode.class); // one internal child: a shared long prefix
  }

  private static void assertBad(String hex, String message) {
    assertThatThrownBy(() -> NodeCodec.decode(Bytes.fromHex(hex).toArray()))
        .isInstanceOf(DecodeException.class).hasMessageContaining(message);
  }
}
