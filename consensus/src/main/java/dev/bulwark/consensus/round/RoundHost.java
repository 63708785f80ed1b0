package dev.bulwark.consensus.round;

import dev.bulwark.consensus.evidence.Observation;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/**
 * What the round manager's helpers ({@link Leader}, {@link CatchUp}) may use of it: the current
 * epoch's state, the clock reading of the event being handled, and the round flow.
 */
interface RoundHost {
  /** The current epoch's state. */
  EpochState state();

  /** The local time of the event being handled. */
  long now();

  /** Adds an action to the output of the event being handled. */
  void emit(Action action);

  /** Hands a message to the node's own core, after the current event. */
  void deliverToSelf(ConsensusMessage message);

  /** True while the node waits for the ledger to start the next epoch. */
  boolean awaitingEpochChange();

  /** The epoch-ending block is committed: wait for the next epoch's validator set. */
  void awaitEpochChange();

  /** Inserts a block into the tree, executing it when its parent is executed. */
  void insertBlock(Block block) throws InvalidMessageException;

  /** Records a verified QC whose block is in the tree: commits, new rounds. */
  void processQc(QuorumCertificate qc) throws InvalidMessageException;

  /** Enters the pacemaker's current round (timers, pruning, leader duty). */
  void newRound();

  /** Re-examines a kept proposal for the current round. */
  void retryPending();

  /** Catches up with verified certificates from {@code from}, fetching blocks they name. */
  void syncCertificates(
      PeerId from, Optional<QuorumCertificate> qc, Optional<TimeoutCertificate> tc)
      throws InvalidMessageException;

  /** Records a verified TC: a new round when it is the highest. */
  void processTc(TimeoutCertificate tc);

  /** Tells a peer that sent something stale what this node has certified. */
  void replySyncInfo(PeerId to);

  /** Asks {@code from} for block {@code id} and its ancestors. */
  void fetchBlock(Hash id, PeerId from);

  /** Feeds a signed message to the equivocation detector, reporting new evidence. */
  Observation observe(
      SigningData data, Address author, int index, BlsSignature signature, boolean verified);
}
