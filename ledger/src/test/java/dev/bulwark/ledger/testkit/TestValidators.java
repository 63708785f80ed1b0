package dev.bulwark.ledger.testkit;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Deterministic validators for tests: the same (seed, n) always gives the same BLS, secp256k1
 * account and node keys. Validators are listed in {@link ValidatorSet} order (ascending
 * address), so index i here is bit i of a signer bitmap. Node keys are 32 pseudo-random bytes,
 * not real Ed25519 keys.
 */
public final class TestValidators {
  /** Default voting power of each validator from {@link #create}. */
  public static final BigInteger DEFAULT_POWER = BigInteger.valueOf(100);

  /** One validator's keys and power. */
  public record TestValidator(
      BlsKeyPair bls, Secp256k1.KeyPair account, Bytes nodePublicKey, BigInteger votingPower) {
    /** The account address (the validator set's ordering key). */
    public Address address() {
      return account.address();
    }

    /** The public part, as a validator set lists it. */
    public ValidatorInfo info() {
      return new ValidatorInfo(address(), bls.publicKey(), nodePublicKey, votingPower);
    }

    /** BLS signature over the message's signing bytes. */
    public BlsSignature sign(SigningData data) {
      return Bls.sign(bls.secretKey(), data.signingBytes().toArray());
    }
  }

  private final List<TestValidator> validators;

  private TestValidators(List<TestValidator> validators) {
    this.validators = List.copyOf(validators);
  }

  /** {@code n} validators of {@link #DEFAULT_POWER} each, keys derived from {@code seed}. */
  public static TestValidators create(int n, long seed) {
    return withPowers(seed, IntStream.range(0, n).mapToObj(i -> DEFAULT_POWER).toList());
  }

  /** One validator per power; {@code powers.get(i)} goes to the validator at bitmap index i. */
  public static TestValidators withPowers(long seed, List<BigInteger> powers) {
    List<TestValidator> keys = new ArrayList<>();
    for (int i = 0; i < powers.size(); i++) {
      keys.add(derive(seed, i, BigInteger.ONE));
    }
    keys.sort(Comparator.comparing(TestValidator::address));
    List<TestValidator> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      TestValidator k = keys.get(i);
      out.add(new TestValidator(k.bls(), k.account(), k.nodePublicKey(), powers.get(i)));
    }
    return new TestValidators(out);
  }

  private static TestValidator derive(long seed, int index, BigInteger power) {
    BlsKeyPair bls = BlsKeyPair.fromSecretKey(BlsSecretKey.keyGen(material(seed, index, "bls", 0)));
    Secp256k1.KeyPair account = null;
    for (int attempt = 0; account == null; attempt++) {
      Bytes candidate = material(seed, index, "account", attempt);
      BigInteger d = new BigInteger(1, candidate.toArray());
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        account = Secp256k1.fromPrivateKey(candidate);
      }
    }
    return new TestValidator(bls, account, material(seed, index, "node", 0), power);
  }

  private static Bytes material(long seed, int index, String purpose, int attempt) {
    byte[] p = purpose.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buf = ByteBuffer.allocate(16 + p.length).putLong(seed).putInt(index).putInt(attempt);
    return Bytes.of(Keccak.hash256("bulwark-test-validator".getBytes(StandardCharsets.US_ASCII),
        buf.put(p).array()));
  }

  /** Number of validators. */
  public int size() {
    return validators.size();
  }

  /** The validators in bitmap order. */
  public List<TestValidator> validators() {
    return validators;
  }

  /** The validator at bitmap index {@code index}. */
  public TestValidator get(int index) {
    return validators.get(index);
  }

  /** The validator set of {@code epoch}. */
  public ValidatorSet validatorSet(long epoch) {
    return new ValidatorSet(epoch, validators.stream().map(TestValidator::info).toList());
  }

  /** A QC on {@code vote} signed by the validators at {@code signers}. */
  public QuorumCertificate qc(VoteData vote, int... signers) {
    List<BlsSignature> sigs = IntStream.of(signers).mapToObj(i -> get(i).sign(vote)).toList();
    return new QuorumCertificate(vote, Bls.aggregate(sigs), SignerBitmap.of(size(), signers));
  }

  /** A QC on {@code vote} signed by every validator. */
  public QuorumCertificate qcByAll(VoteData vote) {
    return qc(vote, IntStream.range(0, size()).toArray());
  }

  /**
   * A TC for {@code round} signed by the validators at {@code signers} (ascending), signer k
   * reporting {@code highQcRounds[k]}.
   */
  public TimeoutCertificate tc(
      long chainId, long epoch, long round, int[] signers, long[] highQcRounds) {
    List<BlsSignature> sigs = new ArrayList<>();
    List<Long> rounds = new ArrayList<>();
    for (int k = 0; k < signers.length; k++) {
      sigs.add(get(signers[k]).sign(new TimeoutData(chainId, epoch, round, highQcRounds[k])));
      rounds.add(highQcRounds[k]);
    }
    return new TimeoutCertificate(
        chainId, epoch, round, rounds, Bls.aggregate(sigs), SignerBitmap.of(size(), signers));
  }

  /** Evidence that validator {@code index} signed both {@code a} and {@code b}. */
  public Evidence equivocation(int index, SigningData a, SigningData b) {
    TestValidator v = get(index);
    return Evidence.of(v.address(), a, v.sign(a), b, v.sign(b));
  }
}
