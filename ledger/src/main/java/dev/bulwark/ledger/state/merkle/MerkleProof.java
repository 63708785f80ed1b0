package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * The encodings of the nodes on one key's path, root first, ending at the leaf or the empty
 * slot that decides the key's presence. Empty for the empty tree.
 */
public record MerkleProof(List<Bytes> nodes) {
  public MerkleProof {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
  }

  /** Total encoded size in bytes. */
  public int byteSize() {
    return nodes.stream().mapToInt(Bytes::size).sum();
  }
}
