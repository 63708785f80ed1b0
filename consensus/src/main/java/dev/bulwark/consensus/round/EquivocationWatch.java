package dev.bulwark.consensus.round;

import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.evidence.Observation;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the signed messages the core receives to the {@link EquivocationDetector}, keeping the
 * detector's round window on the pacemaker's round, and reports the evidence it finds.
 */
final class EquivocationWatch {
  private static final Logger LOG = LoggerFactory.getLogger(RoundManager.class);

  private final RoundHost host;
  private final EquivocationDetector detector;
  private final Address self;

  EquivocationWatch(RoundHost host, EquivocationDetector detector, Address self) {
    this.host = host;
    this.detector = detector;
    this.self = self;
  }

  /** Observes a message of the current epoch by the validator at {@code index}. */
  Observation observe(
      SigningData data, Address author, int index, BlsSignature signature, boolean verified) {
    EpochState s = host.state();
    detector.enterRound(s.epoch, s.pacemaker.round());
    Observation o =
        detector.observe(data, author, s.validators.get(index).blsKey(), signature, verified);
    o.evidence()
        .ifPresent(
            e -> {
              LOG.info(
                  "{} found {} equivocation by {} in epoch {} round {}",
                  self,
                  e.kind().domain(),
                  e.validator(),
                  e.epoch(),
                  e.round());
              host.emit(new Action.ReportEvidence(e));
            });
    return o;
  }
}
