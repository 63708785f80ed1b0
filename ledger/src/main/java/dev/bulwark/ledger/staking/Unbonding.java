package dev.bulwark.ledger.staking;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A validator's unbonding entries, ascending by release block (unstaking always releases later
 * than earlier unstakes, since the period is fixed). Entries releasing in the same block merge.
 */
public record Unbonding(List<UnbondingEntry> entries) {
  /** No unbonding stake. */
  public static final Unbonding NONE = new Unbonding(List.of());

  public Unbonding {
    entries = List.copyOf(entries);
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i - 1).releaseBlock() >= entries.get(i).releaseBlock()) {
        throw new IllegalArgumentException("unbonding entries must be strictly ascending by release block");
      }
    }
  }

  /** Sum of all entries. */
  public BigInteger total() {
    return entries.stream().map(UnbondingEntry::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Number of entries. */
  public int size() {
    return entries.size();
  }

  /** True when the entry count is at {@code max} and {@code releaseBlock} would need a new one. */
  public boolean isFullFor(long releaseBlock, int max) {
    boolean merges = !entries.isEmpty() && entries.get(entries.size() - 1).releaseBlock() == releaseBlock;
    return !merges && entries.size() >= max;
  }

  /** These entries plus {@code amount} releasing at {@code releaseBlock} (not before the last). */
  public Unbonding add(BigInteger amount, long releaseBlock) {
    List<UnbondingEntry> out = new ArrayList<>(entries);
    if (!out.isEmpty()) {
      UnbondingEntry last = out.get(out.size() - 1);
      if (last.releaseBlock() == releaseBlock) {
        out.set(out.size() - 1, new UnbondingEntry(last.amount().add(amount), releaseBlock));
        return new Unbonding(out);
      }
    }
    out.add(new UnbondingEntry(amount, releaseBlock));
    return new Unbonding(out);
  }

  /** Sum of the entries withdrawable in block {@code number}. */
  public BigInteger maturedAt(long number) {
    return entries.stream().filter(e -> e.maturedAt(number))
        .map(UnbondingEntry::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The entries still locked in block {@code number}. */
  public Unbonding lockedAt(long number) {
    return new Unbonding(entries.stream().filter(e -> !e.maturedAt(number)).toList());
  }

  /** Every entry reduced by floor(amount × bps / 10000); entries reduced to zero disappear. */
  public Unbonding slashed(long bps) {
    List<UnbondingEntry> out = new ArrayList<>();
    for (UnbondingEntry e : entries) {
      BigInteger left = e.amount().subtract(Penalty.of(e.amount(), bps));
      if (left.signum() > 0) {
        out.add(new UnbondingEntry(left, e.releaseBlock()));
      }
    }
    return new Unbonding(out);
  }
}
