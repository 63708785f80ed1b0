package dev.bulwark.p2p.peer;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import java.util.Objects;

/** A peer's identity: its Ed25519 node public key, whatever address it connects from. */
public record PeerId(Bytes nodeKey) {
  /** Validates the key size. */
  public PeerId {
    Objects.requireNonNull(nodeKey, "nodeKey");
    if (nodeKey.size() != NodeKey.KEY_SIZE) {
      throw new IllegalArgumentException("node key must be " + NodeKey.KEY_SIZE + " bytes");
    }
  }

  /** The first 8 hex digits of the key, for log lines. */
  public String shortId() {
    return nodeKey.toUnprefixedHex().substring(0, 8);
  }

  @Override
  public String toString() {
    return shortId();
  }
}
