package dev.bulwark.genesis.model;

import java.math.BigInteger;

/**
 * The chain parameters of {@code params}: JSON key, kind, inclusive range and default. One table
 * used by the record, the loader, the generator and the schema test, so they cannot drift apart.
 * The defaults suit a 4-validator devnet with 250 ms blocks (about 4 blocks a second).
 */
public enum ParamSpec {
  /** Blocks per epoch; the validator set changes only at epoch ends (~4 min at 250 ms). */
  EPOCH_LENGTH_BLOCKS("epochLengthBlocks", Kind.NUMBER, 1, Limits.MAX_U32, 1_000),
  /** At most this many validators (by stake) join an epoch's set. */
  MAX_VALIDATORS("maxValidators", Kind.NUMBER, 1, 10_000, 100),
  /** Smallest bonded stake that keeps a validator in the set. */
  MIN_STAKE("minStake", Kind.AMOUNT, BigInteger.ONE, Amounts.MAX_UINT256, Amounts.tokens(100_000)),
  /** Blocks between unstake and withdraw (~1 h at 250 ms); slashable meanwhile. */
  UNBONDING_PERIOD_BLOCKS("unbondingPeriodBlocks", Kind.NUMBER, 1, Limits.MAX_U32, 14_400),
  /** Blocks a jailed validator must wait before unjail() (~5 min at 250 ms). */
  JAIL_DURATION_BLOCKS("jailDurationBlocks", Kind.NUMBER, 0, Limits.MAX_U32, 1_200),
  /** Share of bonded and unbonding stake burned for an equivocation (5%). */
  EQUIVOCATION_SLASH_BPS("equivocationSlashBps", Kind.NUMBER, 0, Limits.MAX_BPS, 500),
  /** Evidence older than this many blocks is rejected (~30 min at 250 ms). */
  MAX_EVIDENCE_AGE_BLOCKS("maxEvidenceAgeBlocks", Kind.NUMBER, 1, Limits.MAX_U32, 7_200),
  /** How many of a validator's own most recent leader slots are judged. */
  INACTIVITY_WINDOW_SLOTS("inactivityWindowSlots", Kind.NUMBER, 1, Limits.MAX_U32, 2_000),
  /** Missed leader slots within the window that jail the validator. */
  INACTIVITY_THRESHOLD_SLOTS("inactivityThresholdSlots", Kind.NUMBER, 1, Limits.MAX_U32, 1_800),
  /** Share of stake burned when jailed for inactivity (0.1%). */
  INACTIVITY_SLASH_BPS("inactivitySlashBps", Kind.NUMBER, 0, Limits.MAX_BPS, 10),
  /** Gas limit of every block. */
  BLOCK_GAS_LIMIT("blockGasLimit", Kind.NUMBER, 21_000, Limits.MAX_SAFE_INTEGER, 30_000_000),
  /** Floor of the EIP-1559 base fee, and the genesis block's base fee (1 gwei). */
  MIN_BASE_FEE_PER_GAS("minBaseFeePerGas", Kind.AMOUNT, BigInteger.ONE, Amounts.MAX_UINT256,
      BigInteger.TEN.pow(9)),
  /** Fixed gas charged for any call to the staking module. */
  STAKING_CALL_GAS("stakingCallGas", Kind.NUMBER, 21_000, Limits.MAX_SAFE_INTEGER, 100_000),
  /** Account allowed to permit and revoke validators; no default (the generator chooses). */
  ADMIN("admin");

  /** How a parameter is written in JSON. */
  public enum Kind {
    /** A JSON integer. */
    NUMBER,
    /** A decimal string (uint256). */
    AMOUNT,
    /** A 0x-prefixed 20-byte address. */
    ADDRESS
  }

  private final String key;
  private final Kind kind;
  private final BigInteger min;
  private final BigInteger max;
  private final BigInteger defaultValue;

  ParamSpec(String key) {
    this(key, Kind.ADDRESS, null, null, null);
  }

  ParamSpec(String key, Kind kind, long min, long max, long defaultValue) {
    this(key, kind, BigInteger.valueOf(min), BigInteger.valueOf(max), BigInteger.valueOf(defaultValue));
  }

  ParamSpec(String key, Kind kind, BigInteger min, BigInteger max, BigInteger defaultValue) {
    this.key = key;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.defaultValue = defaultValue;
  }

  /** The camelCase key under {@code params}. */
  public String key() {
    return key;
  }

  /** The JSON kind. */
  public Kind kind() {
    return kind;
  }

  /** Smallest allowed value (numbers and amounts; null for the address). */
  public BigInteger min() {
    return min;
  }

  /** Largest allowed value (numbers and amounts; null for the address). */
  public BigInteger max() {
    return max;
  }

  /** The value the generator writes (numbers and amounts; null for the address). */
  public BigInteger defaultValue() {
    return defaultValue;
  }

  /** The default of a NUMBER parameter as a long. */
  public long defaultLong() {
    return defaultValue.longValueExact();
  }

  /** The reason {@code value} is out of range, or null when it is fine. */
  public String rangeProblem(BigInteger value) {
    if (kind == Kind.ADDRESS) {
      throw new IllegalStateException(key + " is an address, not a number");
    }
    if (value == null) {
      return "is missing";
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return "must be between " + min + " and " + max;
    }
    return null;
  }

  /** The reason {@code value} is out of range, or null when it is fine. */
  public String rangeProblem(long value) {
    return rangeProblem(BigInteger.valueOf(value));
  }

  /** Numeric bounds shared by several parameters. */
  public static final class Limits {
    /** 2^32 - 1: block and slot counts. */
    public static final long MAX_U32 = 4_294_967_295L;
    /** 10000 basis points = 100%. */
    public static final long MAX_BPS = 10_000;
    /** 2^53 - 1: the largest integer every JSON parser reads exactly. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private Limits() {}
  }
}
