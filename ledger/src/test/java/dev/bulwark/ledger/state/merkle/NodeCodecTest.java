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
  void internalNodeRoundTripsItsChildrenAndLeafFlags() {
    ChildRef[] children = new ChildRef[16];
    children[0x3] = new ChildRef(H1, true);
    children[0xe] = new ChildRef(H2, false);
    InternalNode node = NodeCodec.internal(children);
    assertThat(node.encoding()).hasSize(5 + 64);
    assertThat(node.hash()).isEqualTo(Keccak.hash(node.encoding()));
    InternalNode decoded = (InternalNode) NodeCodec.decode(node.encoding());
    assertThat(decoded.children()).containsExactly(children);
    assertThat(decoded.child(0x3)).isEqualTo(new ChildRef(H1, true));
    assertThat(decoded.child(0x4)).isNull();
  }

  @Test
  void leafRoundTripsKeyAndValue() {
    LeafNode leaf = NodeCodec.leaf(H1, Bytes.fromHex("0xbeef"));
    LeafNode decoded = (LeafNode) NodeCodec.decode(leaf.encoding());
    assertThat(decoded.key()).isEqualTo(H1);
    assertThat(decoded.value()).isEqualTo(Bytes.fromHex("0xbeef"));
    assertThat(decoded.hash()).isEqualTo(leaf.hash());
    assertThat(decoded.hasKey(H1)).isTrue();
    assertThat(decoded.hasKey(H2)).isFalse();
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
