package dev.bulwark.consensus.round;

import dev.bulwark.consensus.aggregation.TimeoutOutcome;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.UnsafeToSignException;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timeouts: signing this node's timeout when the round's deadline passes (or when f+1 others timed
 * out), repeating it while the round lasts, and collecting everyone's timeouts into a TC that moves
 * all nodes to the next round.
 */
final class TimeoutDuty {
  private static final Logger LOG = LoggerFactory.getLogger(TimeoutDuty.class);

  private final RoundHost host;
  private final SafetyRules safety;
  private final int maxRoundsAhead;
  private final BlockTreeStorage tree;

  TimeoutDuty(RoundHost host, SafetyRules safety, int maxRoundsAhead, BlockTreeStorage tree) {
    this.host = host;
    this.safety = safety;
    this.maxRoundsAhead = maxRoundsAhead;
    this.tree = tree;
  }

  /** A timeout message from {@code from}: verify, catch up with its certificates, collect it. */
  void onTimeout(PeerId from, TimeoutMessage t) throws InvalidMessageException {
    EpochState s = host.state();
    int index = s.verifier.indexOf(t.author());
    if (!from.equals(PeerId.SELF)) {
      s.verifier.checkSignature(t.timeout(), index, t.signature());
    }
    host.observe(t.timeout(), t.author(), index, t.signature(), true);
    s.verifier.checkQc(t.highQc());
    if (t.lastRoundTc().isPresent()) {
      s.verifier.checkTc(t.lastRoundTc().get());
    }
    host.syncCertificates(from, Optional.of(t.highQc()), t.lastRoundTc());
    if (host.state() != s || host.awaitingEpochChange()) {
      return;
    }
    long round = s.pacemaker.round();
    if (t.round() < round) {
      host.replySyncInfo(from);
      return;
    }
    if (t.round() > round + maxRoundsAhead) {
      return;
    }
    TimeoutOutcome result = s.timeouts.add(t, index);
    if (result.joinThresholdReached() && t.round() == s.pacemaker.round()) {
      timeOut();
    }
    if (result.tc().isPresent()) {
      s.verifier.trust(result.tc().get());
      host.processTc(result.tc().get());
    }
  }

  /**
   * Times out the current round: signs (or repeats) this node's timeout, broadcasts it with the
   * node's vote of the round, and re-arms the timer to repeat it.
   */
  void timeOut() {
    EpochState s = host.state();
    if (host.awaitingEpochChange() || s.tree.epochEnded()) {
      return;
    }
    long round = s.pacemaker.round();
    host.emit(
        new Action.SetTimer(
            TimerKind.ROUND_TIMEOUT, s.epoch, round, s.pacemaker.rearm(host.now())));
    Optional<QuorumCertificate> hqc = s.tree.highestQc();
    if (hqc.isEmpty() || s.selfIndex.isEmpty()) {
      return;
    }
    Optional<TimeoutCertificate> tc = s.highestTc.filter(t -> t.round() + 1 == round);
    try {
      // The timeout raises the one-chain round to its QC's: that QC must survive a crash, or the
      // node could restart below its own one-chain round and never time out again.
      tree.sync();
      TimeoutMessage timeout = safety.timeout(round, hqc.get(), tc);
      host.emit(new Action.Broadcast(timeout));
      host.deliverToSelf(timeout);
      // The round's votes may be stuck at a crashed or silent next leader: repeating ours to
      // everyone lets any node that collects a quorum of them form the QC (Aptos does the same).
      safety
          .data()
          .lastVote()
          .filter(v -> v.round() == round)
          .ifPresent(
              v -> {
                host.emit(new Action.Broadcast(v));
                host.deliverToSelf(v);
              });
    } catch (UnsafeToSignException e) {
      LOG.debug(
          "{} does not time out round {}: {}", safety.signer().address(), round, e.getMessage());
    }
  }
}
