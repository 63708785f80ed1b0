package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A test chain: chain id 1337, four validators, funded user keys, a {@link FakeSystemModule}, and
 * headers, templates and commit proofs whose certificates have the right shape (their signatures
 * are not real: the ledger does not verify them, consensus does).
 */
public final class ChainFixture {
  public static final long CHAIN_ID = 1337;
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final BigInteger ETHER = BigInteger.TEN.pow(18);
  public static final BigInteger STAKE = ETHER.multiply(BigInteger.valueOf(100));
  public static final long GENESIS_TIME = 1_700_000_000L;

  private final ChainParams params;
  private final TestValidators validators;
  private final List<Secp256k1.KeyPair> users;
  private final FakeSystemModule module;
  private final GenesisSpec genesis;

  /** A chain with {@code userCount} users of 1000 ether, epochs of {@code epochLength} blocks. */
  public ChainFixture(int userCount, long epochLength, long blockGasLimit) {
    this.validators = TestValidators.create(4, 7);
    this.params =
        new ChainParams(
            CHAIN_ID,
            epochLength,
            10,
            ETHER,
            10,
            10,
            1_000,
            100,
            100,
            50,
            10,
            blockGasLimit,
            GWEI,
            FakeSystemModule.CALL_GAS,
            validators.get(0).address());
    this.users = IntStream.range(0, userCount).mapToObj(ChainFixture::key).toList();
    this.module =
        new FakeSystemModule(
            validators.validators().stream().map(v -> v.info()).toList(), epochLength);
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    users.forEach(u -> alloc.put(u.address(), ETHER.multiply(BigInteger.valueOf(1000))));
    List<GenesisSpec.Validator> gv = new ArrayList<>();
    for (TestValidators.TestValidator v : validators.validators()) {
      gv.add(new GenesisSpec.Validator(v.address(), v.bls().publicKey(), v.nodePublicKey(), STAKE));
    }
    this.genesis = new GenesisSpec(params, GENESIS_TIME, alloc, gv);
  }

  /** The deterministic user key {@code i} (private key 0x1000 + i). */
  public static Secp256k1.KeyPair key(int i) {
    return Secp256k1.fromPrivateKey(Bytes.of(BigIntegers.word(BigInteger.valueOf(0x1000 + i))));
  }

  public ChainParams params() {
    return params;
  }

  public GenesisSpec genesis() {
    return genesis;
  }

  public FakeSystemModule module() {
    return module;
  }

  public TestValidators validators() {
    return validators;
  }

  public List<Secp256k1.KeyPair> users() {
    return users;
  }

  public Secp256k1.KeyPair user(int i) {
    return users.get(i);
  }

  /** The proposer of child blocks: validator 1's address. */
  public Address proposer() {
    return validators.get(1).address();
  }

  /**
   * A template for the child of {@code parent}, one second later, skipping {@code skipped} rounds.
   */
  public BlockTemplate template(BlockHeader parent, int skipped) {
    QuorumCertificate qc = qcOn(parent);
    List<Long> skippedRounds = new ArrayList<>();
    for (int i = 1; i <= skipped; i++) {
      skippedRounds.add(qc.round() + i);
    }
    return new BlockTemplate(
        parent.timestampMillis() + 1000, proposer(), qc.round() + skipped + 1, skippedRounds, qc);
  }

  /** The QC a child of {@code parent} carries: an epoch root's genesis QC, else a vote QC. */
  public QuorumCertificate qcOn(BlockHeader parent) {
    if (Epochs.endsEpoch(parent.number(), params.epochLengthBlocks())) {
      long epoch = parent.number() == 0 ? 1 : parent.epoch() + 1;
      ValidatorSet set = validators.validatorSet(epoch);
      return QuorumCertificate.genesis(CHAIN_ID, set, parent.hash());
    }
    long parentRound = parent.parentQc().map(QuorumCertificate::round).orElse(0L);
    VoteData vote =
        new VoteData(
            CHAIN_ID,
            parent.epoch(),
            parent.round(),
            parent.hash(),
            parent.parentHash(),
            parentRound);
    return new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.of(4, 0, 1, 2));
  }

  /** A commit proof for {@code block}: a QC on a (fictitious) child in the next round. */
  public CommitProof commitProof(BlockHeader block) {
    VoteData vote =
        new VoteData(
            CHAIN_ID,
            block.epoch(),
            block.round() + 1,
            Keccak.hash(block.hash().bytes()),
            block.hash(),
            block.round());
    return new CommitProof(
        new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.of(4, 0, 1, 2)));
  }

  /** A type-2 transfer. */
  public SignedTransaction transfer(
      Secp256k1.KeyPair from,
      long nonce,
      Address to,
      BigInteger value,
      BigInteger feeCap,
      BigInteger tip) {
    return call(from, nonce, to, value, Bytes.EMPTY, 21_000, feeCap, tip);
  }

  /** A type-2 transaction with every field given. */
  public SignedTransaction call(
      Secp256k1.KeyPair from,
      long nonce,
      Address to,
      BigInteger value,
      Bytes data,
      long gasLimit,
      BigInteger feeCap,
      BigInteger tip) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            BigInteger.valueOf(CHAIN_ID),
            nonce,
            tip,
            feeCap,
            gasLimit,
            Optional.of(to),
            value,
            data,
            List.of(),
            TransactionSignature.NONE),
        from);
  }

  /** An EIP-155 legacy transfer. */
  public SignedTransaction legacy(
      Secp256k1.KeyPair from, long nonce, Address to, BigInteger value, BigInteger gasPrice) {
    return TransactionSigner.sign(
        new LegacyTransaction(
            Optional.of(BigInteger.valueOf(CHAIN_ID)),
            nonce,
            gasPrice,
            21_000,
            Optional.of(to),
            value,
            Bytes.EMPTY,
            TransactionSignature.NONE),
        from);
  }

  /** Big-endian helpers. */
  static final class BigIntegers {
    private BigIntegers() {}

    static byte[] word(BigInteger v) {
      byte[] out = new byte[32];
      byte[] b = v.toByteArray();
      int len = Math.min(b.length, 32);
      System.arraycopy(b, b.length - len, out, 32 - len, len);
      return out;
    }
  }
}
