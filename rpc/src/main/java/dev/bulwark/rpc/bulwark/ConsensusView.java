package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.Optional;

/**
 * What the RPC reports of this node's consensus and identity; {@code node} fills it from the
 * consensus verticle's snapshots (rpc does not depend on consensus). Thread-safe.
 */
public interface ConsensusView {
  /** A recent, self-consistent snapshot of the consensus state. */
  ConsensusSnapshot snapshot();

  /** {@code validator} or {@code observer}. */
  String role();

  /** The node's Ed25519 p2p public key (32 bytes). */
  Bytes nodePublicKey();

  /** The validator account this node signs as; empty for an observer. */
  Optional<Address> validatorAddress();

  /**
   * One snapshot of the consensus state.
   *
   * @param epoch the epoch consensus is in
   * @param round the current round
   * @param highestQcRound the round of the highest quorum certificate known
   * @param leader the leader of the current round, if known
   * @param lastCommitMillis wall-clock time of the last local commit (0 before the first)
   * @param consecutiveTimeouts rounds that timed out since the last progress
   * @param syncing true while the node catches up
   */
  record ConsensusSnapshot(
      long epoch,
      long round,
      long highestQcRound,
      Optional<Address> leader,
      long lastCommitMillis,
      int consecutiveTimeouts,
      boolean syncing) {
    public ConsensusSnapshot {
      if (round < 0 || highestQcRound < 0 || lastCommitMillis < 0 || consecutiveTimeouts < 0
          || leader == null) {
        throw new IllegalArgumentException("invalid consensus snapshot");
      }
    }
  }
}
