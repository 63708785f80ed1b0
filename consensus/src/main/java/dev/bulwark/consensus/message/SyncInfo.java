package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import java.util.Optional;

/**
 * The certificates a node holds for an epoch — highest QC, the QC of its latest commit, highest TC
 * — sent so a lagging peer can catch up (e.g. after an epoch-ending commit, or in reply to a stale
 * message).
 */
public record SyncInfo(
    long epoch,
    Optional<QuorumCertificate> highestQc,
    Optional<QuorumCertificate> commitQc,
    Optional<TimeoutCertificate> highestTc)
    implements EpochMessage {
  public SyncInfo {
    Checks.nonNegative(epoch, "epoch");
    Checks.present(highestQc, "highest QC option");
    Checks.present(commitQc, "commit QC option");
    Checks.present(highestTc, "highest TC option");
    highestQc.ifPresent(qc -> Checks.sameEpoch(qc.epoch(), epoch, "highest QC"));
    commitQc.ifPresent(qc -> Checks.sameEpoch(qc.epoch(), epoch, "commit QC"));
    highestTc.ifPresent(tc -> Checks.sameEpoch(tc.epoch(), epoch, "highest TC"));
  }

  @Override
  public long round() {
    long r = highestQc.map(QuorumCertificate::round).orElse(0L);
    r = Math.max(r, commitQc.map(QuorumCertificate::round).orElse(0L));
    return Math.max(r, highestTc.map(TimeoutCertificate::round).orElse(0L));
  }
}
