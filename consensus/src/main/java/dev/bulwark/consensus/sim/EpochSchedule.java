package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validator set of every epoch, scripted by the scenario (in a real network it comes from
 * committed staking state). A node learns a set only once it has committed the block the epoch
 * starts from, as {@link dev.bulwark.consensus.port.EpochProvider} requires.
 */
public final class EpochSchedule {
  /** The seats of one epoch: key index → voting power. */
  public record Seats(Map<Integer, Long> powers) {
    public Seats {
      powers = new TreeMap<>(powers);
    }
  }

  private final SimKeys keys;
  private final List<Seats> scripted;
  private final Map<Long, ValidatorSet> cache = new TreeMap<>();

  /** Epoch e uses {@code scripted[min(e, last)]}. */
  public EpochSchedule(SimKeys keys, List<Seats> scripted) {
    if (scripted.isEmpty()) {
      throw new IllegalArgumentException("at least one epoch's seats are needed");
    }
    this.keys = keys;
    this.scripted = List.copyOf(scripted);
  }

  /** The same {@code n} validators of power 100 in every epoch. */
  public static EpochSchedule fixed(SimKeys keys, int n) {
    Map<Integer, Long> seats = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      seats.put(i, 100L);
    }
    return new EpochSchedule(keys, List.of(new Seats(seats)));
  }

  /** The validator set of {@code epoch}. */
  public ValidatorSet set(long epoch) {
    return cache.computeIfAbsent(
        epoch,
        e -> {
          Seats s = scripted.get(scriptIndex(e));
          List<ValidatorInfo> infos = new ArrayList<>();
          s.powers().forEach((k, p) -> infos.add(keys.get(k).info(BigInteger.valueOf(p))));
          infos.sort(Comparator.comparing(ValidatorInfo::address));
          return new ValidatorSet(e, infos);
        });
  }

  /** The voting power of key {@code index} in {@code epoch} (0 without a seat). */
  public long powerOf(int index, long epoch) {
    return scripted
        .get(scriptIndex(epoch))
        .powers()
        .getOrDefault(index, 0L);
  }

  /** True when key {@code index} holds a seat in {@code epoch}. */
  public boolean isMember(int index, long epoch) {
    return scripted.get(scriptIndex(epoch)).powers().containsKey(index);
  }

  /** Epoch 1 (the genesis set: genesis ends epoch 0) plays the first scripted seats. */
  private int scriptIndex(long epoch) {
    return (int) Math.max(0, Math.min(epoch - 1, scripted.size() - 1L));
  }
}
