package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges validators on their leader slots. Each round in a block's skipped rounds ended in a
 * timeout certificate: a failed slot of its scheduled leader (in the block's epoch's set); the
 * block's own round is a successful slot of its proposer. A validator whose last
 * {@code windowSlots} leader slots hold at least {@code thresholdSlots} failures is jailed and
 * slashed {@code slashBps}, and its window starts afresh. Slots of a validator already jailed are
 * not counted (it is punished already and leaves the set at the epoch's end). A window or
 * threshold of 0 turns the rule off.
 */
final class InactivityTracker {
  private final long windowSlots;
  private final long thresholdSlots;
  private final long slashBps;
  private final Slasher slasher;

  InactivityTracker(long windowSlots, long thresholdSlots, long slashBps, Slasher slasher) {
    this.windowSlots = windowSlots;
    this.thresholdSlots = thresholdSlots;
    this.slashBps = slashBps;
    this.slasher = slasher;
  }

  /** Records the block's leader slots; returns the logs of any jailing. */
  List<Log> apply(BlockContext block, ValidatorSet set, StakingWriter w) {
    List<Log> logs = new ArrayList<>();
    if (windowSlots <= 0 || thresholdSlots <= 0) {
      return logs;
    }
    for (long round : block.skippedRounds()) {
      record(w, LeaderSchedule.leader(set, round), true, block.number(), logs);
    }
    if (set.indexOf(block.proposer()).isPresent()) {
      record(w, block.proposer(), false, block.number(), logs);
    }
    return logs;
  }

  private void record(StakingWriter w, Address v, boolean failed, long number, List<Log> logs) {
    boolean jailed = w.validator(v).map(ValidatorRecord::jailed).orElse(true);
    if (jailed) {
      return;
    }
    InactivityWindow window = w.inactivity(v).record(failed, windowSlots);
    if (window.failures() >= thresholdSlots) {
      logs.addAll(slasher.slash(w, v, slashBps, SlashReason.INACTIVITY, Hash.ZERO, number));
      window = InactivityWindow.EMPTY;
    }
    w.putInactivity(v, window);
  }
}
