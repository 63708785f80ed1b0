package dev.bulwark.consensus.safety;

import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.QuorumCertificate;
import java.util.Optional;

/**
 * What a validator must remember, durably, to never sign conflicting messages (two-chain HotStuff
 * safety rules, after Aptos' {@code SafetyData}).
 *
 * @param epoch the epoch the rounds below belong to
 * @param lastVotedRound highest round voted or timed out in; no vote at or below it
 * @param preferredRound highest parent round of a QC seen in a voted block (the two-chain lock)
 * @param oneChainRound highest QC round seen in a voted block; a timeout must name a QC this high
 * @param highestTimeoutRound highest round a timeout was signed for
 * @param lastProposedRound highest round a proposal was signed for (a leader proposes once)
 * @param lastVote the last vote signed, re-sent identically when asked again for its round
 * @param lastTimeout the last timeout signed, re-sent identically for its round
 */
public record SafetyData(
    long epoch,
    long lastVotedRound,
    long preferredRound,
    long oneChainRound,
    long highestTimeoutRound,
    long lastProposedRound,
    Optional<VoteMessage> lastVote,
    Optional<TimeoutMessage> lastTimeout) {
  public SafetyData {
    for (long v :
        new long[] {
          epoch,
          lastVotedRound,
          preferredRound,
          oneChainRound,
          highestTimeoutRound,
          lastProposedRound
        }) {
      if (v < 0) {
        throw new IllegalArgumentException("safety data fields must not be negative");
      }
    }
    if (lastVote == null || lastTimeout == null) {
      throw new IllegalArgumentException("last vote and last timeout options must be present");
    }
    lastVote.ifPresent(v -> requireEpoch(v.epoch(), epoch, "last vote"));
    lastTimeout.ifPresent(t -> requireEpoch(t.epoch(), epoch, "last timeout"));
  }

  private static void requireEpoch(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " is from epoch " + actual + ", not " + expected);
    }
  }

  /** The state at the start of {@code epoch}: nothing signed yet. */
  public static SafetyData initial(long epoch) {
    return new SafetyData(epoch, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** Records the certificate of a block about to be voted for (Aptos {@code observe_qc}). */
  SafetyData observeQc(QuorumCertificate qc) {
    return new SafetyData(
        epoch,
        lastVotedRound,
        Math.max(preferredRound, qc.vote().parentRound()),
        Math.max(oneChainRound, qc.round()),
        highestTimeoutRound,
        lastProposedRound,
        lastVote,
        lastTimeout);
  }

  /** Records a signed vote. */
  SafetyData voted(VoteMessage vote) {
    return new SafetyData(
        epoch,
        Math.max(lastVotedRound, vote.round()),
        preferredRound,
        oneChainRound,
        highestTimeoutRound,
        lastProposedRound,
        Optional.of(vote),
        lastTimeout);
  }

  /** Records a signed timeout; no vote for its round may follow. */
  SafetyData timedOut(TimeoutMessage timeout) {
    return new SafetyData(
        epoch,
        Math.max(lastVotedRound, timeout.round()),
        preferredRound,
        oneChainRound,
        Math.max(highestTimeoutRound, timeout.round()),
        lastProposedRound,
        lastVote,
        Optional.of(timeout));
  }

  /** Records a signed proposal. */
  SafetyData proposed(long round) {
    return new SafetyData(
        epoch,
        lastVotedRound,
        preferredRound,
        oneChainRound,
        highestTimeoutRound,
        Math.max(lastProposedRound, round),
        lastVote,
        lastTimeout);
  }
}
