package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import java.util.Optional;

/**
 * A validator's signed timeout for a round, broadcast to all: it carries the highest QC the signed
 * data names (so receivers can catch up to it) and the TC of the previous round when the sender
 * entered this round through one.
 */
public record TimeoutMessage(
    TimeoutData timeout,
    Address author,
    BlsSignature signature,
    QuorumCertificate highQc,
    Optional<TimeoutCertificate> lastRoundTc)
    implements EpochMessage {
  public TimeoutMessage {
    Checks.present(timeout, "timeout data");
    Checks.present(author, "author");
    Checks.present(signature, "signature");
    Checks.present(highQc, "high QC");
    Checks.present(lastRoundTc, "last round TC option");
    if (highQc.round() != timeout.highQcRound()
        || highQc.epoch() != timeout.epoch()
        || highQc.vote().chainId() != timeout.chainId()) {
      throw new IllegalArgumentException(
          "the attached QC (epoch "
              + highQc.epoch()
              + ", round "
              + highQc.round()
              + ") is not the one the timeout names (epoch "
              + timeout.epoch()
              + ", round "
              + timeout.highQcRound()
              + ")");
    }
    lastRoundTc.ifPresent(tc -> Checks.previousRoundTc(tc, timeout.epoch(), timeout.round()));
  }

  @Override
  public long epoch() {
    return timeout.epoch();
  }

  @Override
  public long round() {
    return timeout.round();
  }
}
