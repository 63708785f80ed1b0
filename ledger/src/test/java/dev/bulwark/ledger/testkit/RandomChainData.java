package dev.bulwark.ledger.testkit;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.EvidenceKind;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structurally valid chain values with random fields from a seed, for codec tests. Signatures
 * are real curve points drawn from a small pool but do not verify for the values they sit in.
 */
public final class RandomChainData {
  private final Random random;
  private final TestValidators validators;
  private final List<BlsSignature> signatures = new ArrayList<>();

  /** Values from {@code seed}; bitmaps and sets sized to {@code validators}. */
  public RandomChainData(long seed, TestValidators validators) {
    this.random = new Random(seed);
    this.validators = validators;
    for (int i = 0; i < 8; i++) {
      signatures.add(Bls.sign(validators.get(i % validators.size()).bls().secretKey(), bytes(40)
          .toArray()));
    }
  }

  /** The underlying random source. */
  public Random random() {
    return random;
  }

  /** A non-negative long, often small, sometimes 0 or near 2^63, to vary encoded lengths. */
  public long uint() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(256);
      case 2 -> random.nextInt(Integer.MAX_VALUE);
      default -> random.nextLong() & Long.MAX_VALUE;
    };
  }

  /** A round in [min, min + 1000]. */
  public long round(long min) {
    return min + random.nextInt(1001);
  }

  /** Random bytes of length [0, max]. */
  public Bytes bytes(int max) {
    byte[] b = new byte[random.nextInt(max + 1)];
    random.nextBytes(b);
    return Bytes.of(b);
  }

  /** A random hash. */
  public Hash hash() {
    byte[] b = new byte[Hash.SIZE];
    random.nextBytes(b);
    return Hash.of(b);
  }

  /** A random address. */
  public Address address() {
    byte[] b = new byte[Address.SIZE];
    random.nextBytes(b);
    return Address.of(b);
  }

  /** A random uint256, biased to small values. */
  public BigInteger uint256() {
    return new BigInteger(random.nextInt(257), random);
  }

  /** A random (well-formed) signature from the pool. */
  public BlsSignature signature() {
    return signatures.get(random.nextInt(signatures.size()));
  }

  /** A vote with round ≥ 1. */
  public VoteData vote() {
    long round = round(1);
    return new VoteData(uint(), uint(), round, hash(), hash(), random.nextLong(round));
  }

  /** A proposal. */
  public ProposalData proposal() {
    return new ProposalData(uint(), uint(), uint(), hash());
  }

  /** A timeout with round ≥ 1. */
  public TimeoutData timeout() {
    long round = round(1);
    return new TimeoutData(uint(), uint(), round, random.nextLong(round));
  }

  /** A bitmap over the validators with at least one signer. */
  public SignerBitmap bitmap() {
    SignerBitmap b = SignerBitmap.of(validators.size(), random.nextInt(validators.size()));
    for (int i = 0; i < validators.size(); i++) {
      if (random.nextBoolean()) {
        b = b.with(i);
      }
    }
    return b;
  }

  /** A signed-shape QC (round ≥ 1). */
  public QuorumCertificate qc() {
    return new QuorumCertificate(vote(), signature(), bitmap());
  }

  /** A TC with one high QC round per signer. */
  public TimeoutCertificate tc() {
    SignerBitmap signers = bitmap();
    long round = round(1);
    List<Long> rounds = new ArrayList<>();
    for (int i = 0; i < signers.count(); i++) {
      rounds.add(random.nextLong(round));
    }
    return new TimeoutCertificate(uint(), uint(), round, rounds, signature(), signers);
  }

  /** A QC with the commit shape. */
  public CommitProof commitProof() {
    long parentRound = random.nextInt(1000);
    VoteData v = new VoteData(uint(), uint(), parentRound + 1, hash(), hash(), parentRound);
    return new CommitProof(new QuorumCertificate(v, signature(), bitmap()));
  }

  /** Well-formed evidence of a random kind. */
  public Evidence evidence() {
    EvidenceKind kind = EvidenceKind.values()[random.nextInt(3)];
    long chainId = uint();
    long epoch = uint();
    long round = round(2);
    SigningData a = signingData(kind, chainId, epoch, round);
    SigningData b = signingData(kind, chainId, epoch, round);
    while (b.equals(a)) { // round ≥ 2 leaves every kind at least two distinct messages
      b = signingData(kind, chainId, epoch, round);
    }
    return Evidence.of(address(), a, signature(), b, signature());
  }

  private SigningData signingData(EvidenceKind kind, long chainId, long epoch, long round) {
    return switch (kind) {
      case VOTE -> new VoteData(chainId, epoch, round, hash(), hash(), random.nextLong(round));
      case PROPOSAL -> new ProposalData(chainId, epoch, round, hash());
      case TIMEOUT -> new TimeoutData(chainId, epoch, round, random.nextLong(round));
    };
  }

  /** A header: one in eight is a genesis header, the rest carry a parent QC. */
  public BlockHeader header() {
    BlockHeader.Builder b = BlockHeader.builder()
        .timestampMillis(uint()).proposer(address()).epoch(uint())
        .baseFeePerGas(uint256()).stateRoot(hash()).transactionsRoot(hash())
        .receiptsRoot(hash()).evidenceRoot(hash());
    long gasLimit = uint();
    b.gasLimit(gasLimit).gasUsed(gasLimit == 0 ? 0 : random.nextLong(gasLimit + 1));
    if (random.nextInt(8) == 0) {
      return b.number(0).parentHash(hash()).round(0).build();
    }
    QuorumCertificate qc = random.nextInt(4) == 0 ? genesisQc() : qc();
    long round = qc.round() + 1 + random.nextInt(6);
    List<Long> skipped = new ArrayList<>();
    for (long r = qc.round() + 1; r < round; r++) {
      if (random.nextBoolean()) {
        skipped.add(r);
      }
    }
    return b.number(1 + random.nextInt(Integer.MAX_VALUE)).parentQc(qc).round(round)
        .skippedRounds(skipped).build();
  }

  private QuorumCertificate genesisQc() {
    return QuorumCertificate.genesis(uint(), validatorSet(), hash());
  }

  /** A block with up to 4 transactions and 2 pieces of evidence. */
  public Block block() {
    List<Bytes> txs = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      txs.add(Bytes.of((byte) 0x02).concat(bytes(200)));
    }
    List<Evidence> evidence = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      evidence.add(evidence());
    }
    return new Block(header(), txs, evidence);
  }

  /** The validators' set for a random epoch. */
  public ValidatorSet validatorSet() {
    return validators.validatorSet(uint());
  }
}
