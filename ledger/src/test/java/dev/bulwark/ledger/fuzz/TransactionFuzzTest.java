package dev.bulwark.ledger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.AccountStateView;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.tx.AccessListEntry;
import dev.bulwark.ledger.tx.AccessListTransaction;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transaction codec and the admission path of {@code eth_sendRawTransaction} and gossip:
 * decoding throws only DecodeException, an accepted transaction re-encodes to its exact input and
 * decodes again to the same value, the stateless rules and sender recovery never throw, and the
 * mempool answers every input with an AddResult (or DecodeException for malformed bytes).
 */
class TransactionFuzzTest {
  private static final long CHAIN_ID = 1337;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final TransactionRules RULES =
      new TransactionRules(TransactionRules.Config.of(CHAIN_ID));
  /** Every account exists with nonce 0 and more ether than any fee, so admission goes deep. */
  private static final AccountStateView RICH = new AccountStateView() {
    @Override
    public long nonce(Address account) {
      return 0;
    }

    @Override
    public BigInteger balance(Address account) {
      return BigInteger.TEN.pow(30);
    }
  };

  static List<byte[]> seedInputs() {
    List<byte[]> seeds = new ArrayList<>(Vectors.rawTransactions(40));
    seeds.addAll(admissible());
    return seeds;
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      transaction(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void transaction(byte[] input) {
    Optional<SignedTransaction> decoded =
        Fuzz.decode("transaction", input, DecodeException.class, TransactionCodec::decode);
    if (decoded.isPresent()) {
      SignedTransaction tx = decoded.get();
      byte[] encoded = TransactionCodec.encode(tx.transaction());
      assertThat(encoded).as("re-encoding").isEqualTo(input);
      assertThat(TransactionCodec.decode(encoded).transaction()).isEqualTo(tx.transaction());
      assertThat(tx.hash()).isNotNull();
      tx.sender();
      RULES.evaluate(tx);
    }
    Mempool pool = new Mempool(MempoolConfig.defaults(), RULES, new PoolHead(RICH, GWEI, 30_000_000));
    Optional<AddResult> result =
        Fuzz.decode("mempool admission", input, DecodeException.class, raw -> pool.add(raw, TxOrigin.LOCAL));
    if (decoded.isPresent()) {
      assertThat(result).as("the pool decodes what the codec decodes").isPresent();
    }
    if (result.orElse(null) instanceof AddResult.Added added) {
      assertThat(decoded).as("the pool admits only what the codec decodes").isPresent();
      assertThat(pool.contains(added.hash())).isTrue();
    }
  }

  /** One transaction of each type that the pool above admits. */
  private static List<byte[]> admissible() {
    Secp256k1.KeyPair key = Secp256k1.fromPrivateKey(Bytes.fromHex("11".repeat(32)));
    BigInteger chain = BigInteger.valueOf(CHAIN_ID);
    Optional<Address> to = Optional.of(Address.fromHex("35".repeat(20)));
    List<AccessListEntry> access =
        List.of(new AccessListEntry(Address.fromHex("36".repeat(20)), List.of(Hash.fromHex("01".repeat(32)))));
    List<SignedTransaction> txs = List.of(
        TransactionSigner.sign(new LegacyTransaction(Optional.of(chain), 0, GWEI.multiply(BigInteger.TWO),
            21_000, to, BigInteger.ONE, Bytes.EMPTY, TransactionSignature.NONE), key),
        TransactionSigner.sign(new LegacyTransaction(Optional.empty(), 1, GWEI.multiply(BigInteger.TWO),
            21_000, to, BigInteger.ONE, Bytes.EMPTY, TransactionSignature.NONE), key),
        TransactionSigner.sign(new AccessListTransaction(chain, 0, GWEI.multiply(BigInteger.TWO), 60_000,
            to, BigInteger.ONE, Bytes.fromHex("00ff"), access, TransactionSignature.NONE), key),
        TransactionSigner.sign(new DynamicFeeTransaction(chain, 0, GWEI, GWEI.multiply(BigInteger.TEN),
            60_000, to, BigInteger.ONE, Bytes.fromHex("abcd"), access, TransactionSignature.NONE), key));
    return txs.stream().map(t -> t.raw().toArray()).toList();
  }
}
