package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.Log;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of an epoch: the block whose number is a multiple of {@code epochLengthBlocks} computes
 * the next epoch's set from the state after its transactions ({@link ValidatorSelection}), stores
 * it with its start block (this block + 1), makes it current, and drops the sets of epochs no
 * evidence can be admitted for any more.
 *
 * <p>When no validator qualifies (all jailed, unstaked or revoked), the next epoch keeps the
 * current epoch's validators and powers: an empty set would halt the chain for good, whereas a
 * kept set can still commit blocks that unjail or restake. The choice is logged (WARN).
 */
final class EpochTransition {
  private static final Logger LOG = LoggerFactory.getLogger(EpochTransition.class);

  private final ChainParams params;

  EpochTransition(ChainParams params) {
    this.params = params;
  }

  /** True when block {@code number} ends its epoch. */
  boolean endsEpoch(long number) {
    return number > 0 && number % params.epochLengthBlocks() == 0;
  }

  /** Moves the state to the next epoch at block {@code number}; returns the new set. */
  ValidatorSet advance(long number, StakingWriter w, List<Log> logsOut) {
    EpochPointer p = w.epochs();
    long next = p.current() + 1;
    Optional<ValidatorSet> selected = ValidatorSelection.select(w, params, next);
    ValidatorSet set = selected.orElseGet(() -> {
      LOG.warn("no validator qualifies for epoch {} at block {}: keeping the validators of epoch {}",
          next, number, p.current());
      return new ValidatorSet(next, w.currentEpoch().set().validators());
    });
    w.putEpoch(new EpochEntry(set, number + 1));
    long oldest = p.oldest();
    while (oldest < next && expired(w, oldest, number + 1)) {
      w.deleteEpoch(oldest);
      oldest++;
    }
    w.setEpochs(new EpochPointer(next, oldest));
    List<Object> values = ValidatorSelection.asAbiValues(set);
    logsOut.add(StakingEvent.VALIDATOR_SET_CHANGED.log(
        StakingModule.ADDRESS, BigInteger.valueOf(next), values.get(0), values.get(1)));
    return set;
  }

  /** True when no block from {@code fromBlock} on may carry evidence about {@code epoch}. */
  private boolean expired(StakingReader r, long epoch, long fromBlock) {
    return r.epoch(epoch).map(e -> fromBlock - e.startBlock() > params.maxEvidenceAgeBlocks())
        .orElse(true);
  }
}
