package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/** Stateless check of a {@link MerkleProof} against a root: needs no store. */
final class ProofVerifier {
  private ProofVerifier() {}

  /** True iff {@code proof} shows {@code key -> value} under {@code root} (null = absent). */
  static boolean verify(Hash root, Hash key, Bytes value, MerkleProof proof) {
    List<Bytes> path = proof.nodes();
    if (root.equals(MerkleStateTree.EMPTY_ROOT)) {
      return path.isEmpty() && value == null;
    }
    Hash expected = root;
    Boolean expectLeaf = null; // unknown for the root
    for (int depth = 0; depth < path.size(); depth++) {
      byte[] enc = path.get(depth).toArray();
      Node node;
      try {
        node = NodeCodec.decode(enc);
      } catch (DecodeException e) {
        return false;
      }
      boolean isLeaf = node instanceof LeafNode;
      if (!node.hash().equals(expected) || expectLeaf != null && expectLeaf != isLeaf) {
        return false;
      }
      boolean last = depth == path.size() - 1;
      if (node instanceof LeafNode leaf) {
        if (!last) {
          return false;
        }
        // The leaf owns this key's whole prefix: another key here proves ours absent.
        return leaf.hasKey(key) ? leaf.value().equals(value) : value == null;
      }
      if (depth >= 2 * Hash.SIZE) {
        return false;
      }
      InternalNode internal = (InternalNode) node;
      int nibble = NodeCodec.nibble(key, depth);
      Hash child = internal.childHash(nibble);
      if (child == null) {
        return last && value == null;
      }
      if (last) {
        return false; // the path stops before the key's slot is decided
      }
      expected = child;
      expectLeaf = internal.leafChild(nibble);
    }
    return false;
  }
}
