package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The validators of one epoch, strictly ascending by address; that order is the signer bitmap
 * order of the epoch's certificates. Addresses, BLS keys and node keys are each unique.
 */
public final class ValidatorSet {
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private final long epoch;
  private final List<ValidatorInfo> validators;
  private final BigInteger totalPower;
  private final Map<Address, Integer> byAddress = new HashMap<>();
  private final Map<BlsPublicKey, Integer> byBlsKey = new HashMap<>();

  /** Validates the ordering and uniqueness rules; IllegalArgumentException when one fails. */
  public ValidatorSet(long epoch, List<ValidatorInfo> validators) {
    this.epoch = Require.nonNegative(epoch, "epoch");
    this.validators = List.copyOf(Require.present(validators, "validators"));
    if (this.validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set needs at least one validator");
    }
    Set<Bytes> nodeKeys = new HashSet<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < this.validators.size(); i++) {
      ValidatorInfo v = this.validators.get(i);
      if (i > 0 && this.validators.get(i - 1).address().compareTo(v.address()) >= 0) {
        throw new IllegalArgumentException(
            "validators must be strictly ascending by address; " + v.address() + " at index " + i
                + " is out of order or a duplicate");
      }
      if (byBlsKey.put(v.blsKey(), i) != null) {
        throw new IllegalArgumentException("duplicate BLS key at index " + i + ": " + v.blsKey());
      }
      if (!nodeKeys.add(v.nodePublicKey())) {
        throw new IllegalArgumentException("duplicate node key at index " + i);
      }
      byAddress.put(v.address(), i);
      total = total.add(v.votingPower());
    }
    this.totalPower = total;
  }

  /** The epoch this set validates. */
  public long epoch() {
    return epoch;
  }

  /** The validators in bitmap (ascending address) order. */
  public List<ValidatorInfo> validators() {
    return validators;
  }

  /** Number of validators. */
  public int size() {
    return validators.size();
  }

  /** The validator at bitmap index {@code index}. */
  public ValidatorInfo get(int index) {
    return validators.get(index);
  }

  /** Total voting power W. */
  public BigInteger totalPower() {
    return totalPower;
  }

  /** The power a certificate's signers must reach: floor(2W/3) + 1. */
  public BigInteger quorumPower() {
    return totalPower.shiftLeft(1).divide(THREE).add(BigInteger.ONE);
  }

  /** floor(W/3) + 1: more than any f faulty validators can hold (the f+1 timeout trigger). */
  public BigInteger validityPower() {
    return totalPower.divide(THREE).add(BigInteger.ONE);
  }

  /** The bitmap index of {@code address}, if it is a validator. */
  public OptionalInt indexOf(Address address) {
    Integer i = byAddress.get(address);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The bitmap index of the validator holding {@code key}, if any. */
  public OptionalInt indexOf(BlsPublicKey key) {
    Integer i = byBlsKey.get(key);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The validator with {@code address}, if any. */
  public Optional<ValidatorInfo> find(Address address) {
    return Optional.ofNullable(byAddress.get(address)).map(validators::get);
  }

  /** The validator holding BLS key {@code key}, if any. */
  public Optional<ValidatorInfo> findByBlsKey(BlsPublicKey key) {
    return Optional.ofNullable(byBlsKey.get(key)).map(validators::get);
  }

  /** Summed power of the signers; the bitmap must cover exactly this set. */
  public BigInteger powerOf(SignerBitmap signers) {
    checkSize(signers);
    BigInteger sum = BigInteger.ZERO;
    for (int i : signers.indexes()) {
      sum = sum.add(validators.get(i).votingPower());
    }
    return sum;
  }

  /** True when the signers hold at least {@link #quorumPower()}. */
  public boolean hasQuorum(SignerBitmap signers) {
    return powerOf(signers).compareTo(quorumPower()) >= 0;
  }

  /** The signers' BLS keys in bitmap order. */
  public List<BlsPublicKey> publicKeys(SignerBitmap signers) {
    checkSize(signers);
    List<BlsPublicKey> keys = new ArrayList<>(signers.count());
    for (int i : signers.indexes()) {
      keys.add(validators.get(i).blsKey());
    }
    return keys;
  }

  private void checkSize(SignerBitmap signers) {
    if (signers.size() != validators.size()) {
      throw new IllegalArgumentException(
          "bitmap covers " + signers.size() + " validators, the set has " + validators.size());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatorSet s && epoch == s.epoch && validators.equals(s.validators);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epoch) * 31 + validators.hashCode();
  }

  @Override
  public String toString() {
    return "ValidatorSet[epoch=" + epoch + ", size=" + size() + ", totalPower=" + totalPower + "]";
  }
}
