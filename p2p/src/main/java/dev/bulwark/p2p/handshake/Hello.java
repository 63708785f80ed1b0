package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import java.util.Objects;

/**
 * The first frame each side sends. {@code chainIdentity} is the genesis hash (or any bytes that
 * pin the chain); {@code challenge} is fresh per connection so a recorded proof never verifies
 * again; {@code instanceId} is fresh per process so that one process's two connections to us can
 * be told apart from two processes that run the same node key.
 */
public record Hello(
    int protocolVersion, long chainId, Bytes chainIdentity, Bytes nodeKey, Bytes challenge, Bytes instanceId) {
  /** Size of the random challenge. */
  public static final int CHALLENGE_SIZE = 32;
  /** Size of the random per-process instance id. */
  public static final int INSTANCE_ID_SIZE = 16;
  /** Upper bound on the chain identity, so a hello stays small. */
  public static final int MAX_CHAIN_IDENTITY_SIZE = 64;

  /** Validates field sizes. */
  public Hello {
    if (protocolVersion < 0 || chainId < 0) {
      throw new IllegalArgumentException("negative protocol version or chain id");
    }
    Objects.requireNonNull(chainIdentity, "chainIdentity");
    if (chainIdentity.isEmpty() || chainIdentity.size() > MAX_CHAIN_IDENTITY_SIZE) {
      throw new IllegalArgumentException("chain identity must be 1.." + MAX_CHAIN_IDENTITY_SIZE + " bytes");
    }
    requireSize(nodeKey, NodeKey.KEY_SIZE, "nodeKey");
    requireSize(challenge, CHALLENGE_SIZE, "challenge");
    requireSize(instanceId, INSTANCE_ID_SIZE, "instanceId");
  }

  private static void requireSize(Bytes value, int size, String name) {
    Objects.requireNonNull(value, name);
    if (value.size() != size) {
      throw new IllegalArgumentException(name + " must be " + size + " bytes, got " + value.size());
    }
  }
}
