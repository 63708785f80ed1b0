package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A block header (DESIGN.md section 3). Its hash, the block id that votes sign, is keccak256 of
 * {@link BlockCodec#encode(BlockHeader)} and is computed once.
 *
 * <p>Checked here, within the header: gasUsed ≤ gasLimit; the parent QC is absent exactly for
 * block 0 (genesis), and otherwise certifies {@code parentHash} at a round below this block's;
 * skipped rounds are strictly ascending, above the parent QC's round and below this round.
 * Checks against the parent block or the chain state are the ledger's.
 */
public final class BlockHeader {
  private final long number;
  private final Hash parentHash;
  private final long timestampMillis;
  private final Address proposer;
  private final long epoch;
  private final long round;
  private final List<Long> skippedRounds;
  private final long gasLimit;
  private final long gasUsed;
  private final BigInteger baseFeePerGas;
  private final Hash stateRoot;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final Hash evidenceRoot;
  private final Optional<QuorumCertificate> parentQc;
  private volatile Hash hash;

  /** A header from all its fields; IllegalArgumentException when a rule above fails. */
  public BlockHeader(
      long number, Hash parentHash, long timestampMillis, Address proposer, long epoch,
      long round, List<Long> skippedRounds, long gasLimit, long gasUsed, BigInteger baseFeePerGas,
      Hash stateRoot, Hash transactionsRoot, Hash receiptsRoot, Hash evidenceRoot,
      Optional<QuorumCertificate> parentQc) {
    this.number = Require.nonNegative(number, "block number");
    this.parentHash = Require.present(parentHash, "parent hash");
    this.timestampMillis = Require.nonNegative(timestampMillis, "timestamp");
    this.proposer = Require.present(proposer, "proposer");
    this.epoch = Require.nonNegative(epoch, "epoch");
    this.round = Require.nonNegative(round, "round");
    this.skippedRounds = List.copyOf(Require.present(skippedRounds, "skipped rounds"));
    this.gasLimit = Require.nonNegative(gasLimit, "gas limit");
    this.gasUsed = Require.nonNegative(gasUsed, "gas used");
    this.baseFeePerGas = Require.present(baseFeePerGas, "base fee");
    this.stateRoot = Require.present(stateRoot, "state root");
    this.transactionsRoot = Require.present(transactionsRoot, "transactions root");
    this.receiptsRoot = Require.present(receiptsRoot, "receipts root");
    this.evidenceRoot = Require.present(evidenceRoot, "evidence root");
    this.parentQc = Require.present(parentQc, "parent QC option");
    if (gasUsed > gasLimit) {
      throw new IllegalArgumentException("gas used " + gasUsed + " exceeds gas limit " + gasLimit);
    }
    if (baseFeePerGas.signum() < 0 || baseFeePerGas.bitLength() > 256) {
      throw new IllegalArgumentException("base fee must be a uint256, got " + baseFeePerGas);
    }
    checkParentQc();
    checkSkippedRounds();
  }

  private void checkParentQc() {
    if (parentQc.isEmpty() != (number == 0)) {
      throw new IllegalArgumentException(
          "block " + number + ": only the genesis block (number 0) lacks a parent QC");
    }
    if (parentQc.isPresent()) {
      QuorumCertificate qc = parentQc.get();
      if (!qc.blockId().equals(parentHash)) {
        throw new IllegalArgumentException("parent QC certifies " + qc.blockId()
            + ", not the parent " + parentHash);
      }
      if (qc.round() >= round) {
        throw new IllegalArgumentException(
            "parent QC round " + qc.round() + " must be below the block's round " + round);
      }
    }
  }

  private void checkSkippedRounds() {
    long previous = parentQc.map(QuorumCertificate::round).orElse(-1L);
    for (long r : skippedRounds) {
      if (r <= previous || r >= round) {
        throw new IllegalArgumentException(
            "skipped rounds must be strictly ascending, above the parent round and below round "
                + round + ": " + skippedRounds);
      }
      previous = r;
    }
  }

  /** A builder with every field unset (hashes zero, numbers 0, no QC). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this header's fields. */
  public Builder toBuilder() {
    return new Builder().number(number).parentHash(parentHash).timestampMillis(timestampMillis)
        .proposer(proposer).epoch(epoch).round(round).skippedRounds(skippedRounds)
        .gasLimit(gasLimit).gasUsed(gasUsed).baseFeePerGas(baseFeePerGas).stateRoot(stateRoot)
        .transactionsRoot(transactionsRoot).receiptsRoot(receiptsRoot).evidenceRoot(evidenceRoot)
        .parentQc(parentQc);
  }

  /** keccak256 of the header encoding: the block id. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak.hash(BlockCodec.encode(this));
      hash = h; // idempotent, so a racing duplicate computation is harmless
    }
    return h;
  }

  /** Height: 0 for genesis. */
  public long number() {
    return number;
  }

  /** The parent block's hash (zero for genesis). */
  public Hash parentHash() {
    return parentHash;
  }

  /** Proposal time in unix milliseconds. */
  public long timestampMillis() {
    return timestampMillis;
  }

  /** Address of the leader that proposed the block. */
  public Address proposer() {
    return proposer;
  }

  /** Epoch the block was proposed in. */
  public long epoch() {
    return epoch;
  }

  /** Consensus round the block was proposed in. */
  public long round() {
    return round;
  }

  /** Rounds since the parent that ended in a timeout certificate (failed leaders), ascending. */
  public List<Long> skippedRounds() {
    return skippedRounds;
  }

  /** The block gas limit. */
  public long gasLimit() {
    return gasLimit;
  }

  /** Gas used by the block's transactions. */
  public long gasUsed() {
    return gasUsed;
  }

  /** EIP-1559 base fee per gas. */
  public BigInteger baseFeePerGas() {
    return baseFeePerGas;
  }

  /** State commitment after executing the block. */
  public Hash stateRoot() {
    return stateRoot;
  }

  /** Commitment to the block's transactions. */
  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  /** Commitment to the block's receipts. */
  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  /** Commitment to the block's evidence. */
  public Hash evidenceRoot() {
    return evidenceRoot;
  }

  /**
   * The QC certifying the parent; empty only for the genesis block (number 0), which has no
   * parent. The first block of an epoch carries the epoch's {@link QuorumCertificate#genesis}.
   */
  public Optional<QuorumCertificate> parentQc() {
    return parentQc;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader h
        && number == h.number && timestampMillis == h.timestampMillis && epoch == h.epoch
        && round == h.round && gasLimit == h.gasLimit && gasUsed == h.gasUsed
        && parentHash.equals(h.parentHash) && proposer.equals(h.proposer)
        && skippedRounds.equals(h.skippedRounds) && baseFeePerGas.equals(h.baseFeePerGas)
        && stateRoot.equals(h.stateRoot) && transactionsRoot.equals(h.transactionsRoot)
        && receiptsRoot.equals(h.receiptsRoot) && evidenceRoot.equals(h.evidenceRoot)
        && parentQc.equals(h.parentQc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, parentHash, round, stateRoot);
  }

  @Override
  public String toString() {
    return "BlockHeader[number=" + number + ", epoch=" + epoch + ", round=" + round
        + ", hash=" + hash() + "]";
  }

  /** Step-by-step construction of a header; {@link #build()} applies the header's checks. */
  public static final class Builder {
    private long number;
    private Hash parentHash = Hash.ZERO;
    private long timestampMillis;
    private Address proposer = Address.of(new byte[Address.SIZE]);
    private long epoch;
    private long round;
    private List<Long> skippedRounds = List.of();
    private long gasLimit;
    private long gasUsed;
    private BigInteger baseFeePerGas = BigInteger.ZERO;
    private Hash stateRoot = Hash.ZERO;
    private Hash transactionsRoot = Hash.ZERO;
    private Hash receiptsRoot = Hash.ZERO;
    private Hash evidenceRoot = Hash.ZERO;
    private Optional<QuorumCertificate> parentQc = Optional.empty();

    private Builder() {}

    /** Sets the height. */
    public Builder number(long v) {
      number = v;
      return this;
    }

    /** Sets the parent hash. */
    public Builder parentHash(Hash v) {
      parentHash = v;
      return this;
    }

    /** Sets the timestamp in unix milliseconds. */
    public Builder timestampMillis(long v) {
      timestampMillis = v;
      return this;
    }

    /** Sets the proposer. */
    public Builder proposer(Address v) {
      proposer = v;
      return this;
    }

    /** Sets the epoch. */
    public Builder epoch(long v) {
      epoch = v;
      return this;
    }

    /** Sets the round. */
    public Builder round(long v) {
      round = v;
      return this;
    }

    /** Sets the skipped rounds. */
    public Builder skippedRounds(List<Long> v) {
      skippedRounds = v;
      return this;
    }

    /** Sets the gas limit. */
    public Builder gasLimit(long v) {
      gasLimit = v;
      return this;
    }

    /** Sets the gas used. */
    public Builder gasUsed(long v) {
      gasUsed = v;
      return this;
    }

    /** Sets the base fee per gas. */
    public Builder baseFeePerGas(BigInteger v) {
      baseFeePerGas = v;
      return this;
    }

    /** Sets the state root. */
    public Builder stateRoot(Hash v) {
      stateRoot = v;
      return this;
    }

    /** Sets the transactions root. */
    public Builder transactionsRoot(Hash v) {
      transactionsRoot = v;
      return this;
    }

    /** Sets the receipts root. */
    public Builder receiptsRoot(Hash v) {
      receiptsRoot = v;
      return this;
    }

    /** Sets the evidence root. */
    public Builder evidenceRoot(Hash v) {
      evidenceRoot = v;
      return this;
    }

    /** Sets the parent QC (empty for genesis only). */
    public Builder parentQc(Optional<QuorumCertificate> v) {
      parentQc = v;
      return this;
    }

    /** Sets the parent QC, and the parent hash to the block it certifies. */
    public Builder parentQc(QuorumCertificate v) {
      parentQc = Optional.of(v);
      parentHash = v.blockId();
      return this;
    }

    /** The header; IllegalArgumentException when a header rule fails. */
    public BlockHeader build() {
      return new BlockHeader(
          number, parentHash, timestampMillis, proposer, epoch, round, skippedRounds, gasLimit,
          gasUsed, baseFeePerGas, stateRoot, transactionsRoot, receiptsRoot, evidenceRoot,
          parentQc);
    }
  }
}
