package dev.bulwark.consensus.liveness;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stake-weighted leader rotation, a pure function of the epoch, the round and the epoch's validator
 * set (which comes from committed state), so every honest node agrees on every leader.
 *
 * <p>Each epoch has a cycle of {@code min(16n, 4096)} leader slots. Every validator gets at least
 * one slot and the rest are apportioned by voting power (largest remainder). The validators are put
 * in an order shuffled per epoch (by keccak256(tag ‖ epoch ‖ address)) and the slots are laid out
 * by smooth weighted round robin, which spreads each validator's slots evenly over the cycle. Round
 * r is led by slot r mod cycle length.
 *
 * <p>Why a rotation rather than a fresh random draw per round: spreading the slots bounds how many
 * consecutive rounds faulty validators can lead. A commit needs two consecutive honest leaders;
 * with equal stakes a cycle is a plain round robin, in which f faulty validators out of 3f+1 can
 * never prevent that within one cycle, whereas independent draws produce long runs of faulty
 * leaders, each costing a (backed-off) timeout. There is deliberately no leader reputation:
 * skipping failed leaders would need failure records taken from committed blocks (never local
 * observations, which would split nodes on who leads), and the ledger's inactivity rules already
 * jail leaders that keep failing.
 */
public final class ProposerElection {
  /** Slots per validator in a cycle (before the cap). */
  public static final int SLOTS_PER_VALIDATOR = 16;

  /** Upper bound of the cycle length. */
  public static final int MAX_SLOTS = 4096;

  private static final byte[] TAG = "bulwark-leader-order".getBytes(StandardCharsets.US_ASCII);

  private final ValidatorSet validators;
  private final int[] cycle;

  /** The election for the epoch of {@code validators}. */
  public ProposerElection(ValidatorSet validators) {
    this.validators = validators;
    int n = validators.size();
    int slots = Math.max(n, Math.min(MAX_SLOTS, n * SLOTS_PER_VALIDATOR));
    long[] weights = apportion(validators, slots);
    this.cycle = layout(shuffledOrder(validators), weights, slots);
  }

  /** Slots per validator: one each, the rest by power, largest remainders first. */
  private static long[] apportion(ValidatorSet set, int slots) {
    int n = set.size();
    BigInteger spare = BigInteger.valueOf(slots - n);
    BigInteger total = set.totalPower();
    long[] weights = new long[n];
    BigInteger[] remainders = new BigInteger[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = spare.multiply(set.get(i).votingPower()).divideAndRemainder(total);
      weights[i] = 1 + qr[0].longValueExact();
      remainders[i] = qr[1];
      given += weights[i];
    }
    List<Integer> byRemainder = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byRemainder.add(i);
    }
    byRemainder.sort(
        Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
    for (int k = 0; given < slots; k++, given++) {
      weights[byRemainder.get(k % n)]++;
    }
    return weights;
  }

  /** The validators' indexes in this epoch's pseudo-random order. */
  private static List<Integer> shuffledOrder(ValidatorSet set) {
    byte[] epoch = ByteBuffer.allocate(8).putLong(set.epoch()).array();
    List<Integer> order = new ArrayList<>();
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      order.add(i);
      keys.add(Bytes.of(Keccak.hash256(TAG, epoch, set.get(i).address().bytes().toArray())));
    }
    order.sort(Comparator.comparing(keys::get));
    return order;
  }

  /** Smooth weighted round robin: each step the highest running credit leads, then pays back. */
  private static int[] layout(List<Integer> order, long[] weights, int slots) {
    long[] credit = new long[weights.length];
    int[] out = new int[slots];
    for (int s = 0; s < slots; s++) {
      int best = -1;
      for (int i : order) {
        credit[i] += weights[i];
        if (best < 0 || credit[i] > credit[best]) {
          best = i;
        }
      }
      credit[best] -= slots;
      out[s] = best;
    }
    return out;
  }

  /** The leader of {@code round} in this epoch. */
  public Address leader(long round) {
    return validators.get(leaderIndex(round)).address();
  }

  /** The leader's index in the validator set. */
  public int leaderIndex(long round) {
    return cycle[(int) Math.floorMod(round, (long) cycle.length)];
  }



  /** The validator set this election draws from. */
  public ValidatorSet validators() {
    return validators;
  }
}
