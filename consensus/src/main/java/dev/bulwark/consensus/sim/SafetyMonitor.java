package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Safety invariants, checked as things happen: agreement (honest nodes commit the same block at
 * every height), validity (every commit carries a proof with quorum power that verifies and links
 * to the committed blocks), honest validators never sign two different messages for one round
 * (across restarts too), evidence only ever names dishonest validators, and honest peers are never
 * penalised for faults only a dishonest or broken node commits.
 */
final class SafetyMonitor {
  private static final Set<PenaltyReason> NEVER_HONEST =
      EnumSet.of(
          PenaltyReason.MALFORMED,
          PenaltyReason.BAD_SIGNATURE,
          PenaltyReason.NOT_A_VALIDATOR,
          PenaltyReason.WRONG_LEADER,
          PenaltyReason.INVALID_CERTIFICATE);

  private final long chainId;
  private final EpochSchedule epochs;
  private final SignatureScheme scheme;
  private final Set<Address> honestValidators;
  private final Map<Long, Hash> canonical = new HashMap<>();
  private final Map<SignedSlot, Bytes> signed = new HashMap<>();
  private final Set<CommitProof> verifiedProofs = new HashSet<>();
  private final List<Violation> violations = new ArrayList<>();

  private record SignedSlot(Address author, int kind, long epoch, long round) {}

  SafetyMonitor(
      long chainId, EpochSchedule epochs, SignatureScheme scheme, Set<Address> honestValidators) {
    this.chainId = chainId;
    this.epochs = epochs;
    this.scheme = scheme;
    this.honestValidators = Set.copyOf(honestValidators);
  }

  List<Violation> violations() {
    return violations;
  }

  /** A node committed blocks; {@code honest} nodes take part in the agreement check. */
  void onCommit(int node, boolean honest, Action.CommitBlocks c, long t) {
    try {
      new CommittedSegment(c.blocks(), c.proof(), c.proofPath());
      if (!verifiedProofs.contains(c.proof())) { // every node commits with the same proofs
        c.proof().verify(chainId, epochs.set(c.proof().epoch()), scheme);
        verifiedProofs.add(c.proof());
      }
    } catch (IllegalArgumentException | VerificationException e) {
      violations.add(
          new Violation(
              Violation.Kind.SAFETY,
              t,
              "node " + node + " committed without a valid commit proof: " + e.getMessage()));
    }
    if (!honest) {
      return;
    }
    for (Block b : c.blocks()) {
      Hash previous = canonical.putIfAbsent(b.header().number(), b.hash());
      if (previous != null && !previous.equals(b.hash())) {
        violations.add(
            new Violation(
                Violation.Kind.FORK,
                t,
                "fork at height "
                    + b.header().number()
                    + ": node "
                    + node
                    + " committed "
                    + b.hash()
                    + ", another "
                    + "honest node "
                    + previous));
      }
    }
  }

  /** A node's committed chain refused an append: it committed something not extending it. */
  void onBrokenChain(int node, String detail, long t) {
    violations.add(
        new Violation(
            Violation.Kind.SAFETY,
            t,
            "node " + node + " committed blocks that do not extend its chain: " + detail));
  }

  /** An honest validator signed {@code data} (seen in its safety storage or on the wire). */
  void onSigned(int node, Address author, SigningData data, long t) {
    SignedSlot slot = new SignedSlot(author, data.kind().code(), data.epoch(), data.round());
    Bytes bytes = data.signingBytes();
    Bytes previous = signed.putIfAbsent(slot, bytes);
    if (previous != null && !previous.equals(bytes)) {
      violations.add(
          new Violation(
              Violation.Kind.SAFETY,
              t,
              "honest validator "
                  + author
                  + " (node "
                  + node
                  + ") signed two different "
                  + data.kind().domain()
                  + " messages for epoch "
                  + data.epoch()
                  + " round "
                  + data.round()));
    }
  }

  /** A node reported evidence; it must name a dishonest validator. */
  void onEvidence(int node, Evidence e, long t) {
    if (honestValidators.contains(e.validator())) {
      violations.add(
          new Violation(
              Violation.Kind.SAFETY,
              t,
              "node " + node + " reported evidence against honest validator " + e.validator()));
    }
  }

  /** A node penalised a peer; an honest peer never earns some penalties. */
  void onPenalty(int node, boolean peerHonest, PenaltyReason reason, String detail, long t) {
    if (peerHonest && NEVER_HONEST.contains(reason)) {
      violations.add(
          new Violation(
              Violation.Kind.SAFETY,
              t,
              "node " + node + " penalised an honest peer for " + reason + ": " + detail));
    }
  }
}
