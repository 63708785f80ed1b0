package dev.bulwark.ledger.store;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.execution.ReceiptCodec;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random block sequences (transfers, system calls that deposit, withdraw, burn or revert,
 * calls with data to accounts, unpayable or mis-nonced transactions the builder must drop,
 * evidence, skipped rounds, epoch ends) on a LevelDB ledger that is closed and reopened midway.
 * Checked per block: the total supply changes by exactly minus the burned base fees and the
 * module's reported burns; re-executing the block gives byte-identical results, on the same ledger
 * and on a replica. At the end, replaying every stored block on a fresh store reproduces every
 * header and the final state.
 */
class LedgerPropertyTest {
  private static final int BLOCKS = 36;
  private static final long GAS_LIMIT = 400_000;

  @TempDir Path tmp;

  private final ChainFixture f = new ChainFixture(6, 7, GAS_LIMIT);
  private final List<Address> everyone = new ArrayList<>();
  private Random random;
  private final Map<String, Integer> seen = new HashMap<>();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomBlockSequencesKeepTheInvariants(long seed) throws Exception {
    random = new Random(seed);
    f.users().forEach(u -> everyone.add(u.address()));
    f.validators().validators().forEach(v -> everyone.add(v.address()));
    everyone.add(FakeSystemModule.ADDRESS);
    everyone.add(ChainFixture.key(50).address()); // never funded

    Path dir = tmp.resolve("chain-" + seed);
    Ledger ledger = Ledger.open(dir, f.genesis(), f.module());
    Ledger replica = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
    try {
      for (int b = 0; b < BLOCKS; b++) {
        if (b == BLOCKS / 2) {
          ledger.close();
          ledger = Ledger.open(dir, f.genesis(), f.module());
        }
        step(ledger, replica);
      }
      assertReplayMatches(ledger);
      // The sequence must have exercised what the invariants are about.
      assertThat(seen)
          .as("cases covered")
          .containsKeys("dropped", "failed", "moduleBurn", "evidence", "blockLevel", "epochEnd");
    } finally {
      ledger.close();
      replica.close();
    }
  }

  private void step(Ledger ledger, Ledger replica) throws Exception {
    BigInteger supplyBefore = supply(ledger.headState());
    BlockTemplate t = f.template(ledger.head(), random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
    Address proposer = f.validators().get(random.nextInt(4)).address();
    BlockTemplate template =
        new BlockTemplate(
            t.timestampMillis(), proposer, t.round(), t.skippedRounds(), t.parentQc());
    BuiltBlock built = ledger.build(template, transactions(ledger), evidence(ledger));
    Block block = built.block();

    ExecutionResult again = ledger.execute(block);
    assertIdentical(again, built.result());
    ExecutionResult onReplica = replica.execute(block);
    assertIdentical(onReplica, built.result());

    ledger.commit(block, f.commitProof(block.header()));
    replica.commit(block, f.commitProof(block.header()));
    count("dropped", built.dropped().size());
    count("failed", built.result().receipts().stream().filter(r -> !r.success()).count());
    count("evidence", block.evidence().size());
    count("blockLevel", built.result().receipts().size() - block.transactions().size());
    count("epochEnd", built.result().nextValidatorSet().isPresent() ? 1 : 0);

    BigInteger moduleBurns = BigInteger.ZERO;
    BigInteger feeBurns = BigInteger.ZERO;
    for (Receipt r : built.result().receipts()) {
      for (Log log : r.logs()) {
        moduleBurns = moduleBurns.add(FakeSystemModule.burnedAmount(log));
      }
      feeBurns =
          feeBurns.add(BigInteger.valueOf(r.gasUsed()).multiply(block.header().baseFeePerGas()));
    }
    count("moduleBurn", moduleBurns.signum());
    assertThat(built.result().burnedFees()).isEqualTo(feeBurns);
    assertThat(supply(ledger.headState()))
        .as("supply after block %d", block.header().number())
        .isEqualTo(supplyBefore.subtract(feeBurns).subtract(moduleBurns));
    assertThat(replica.head()).isEqualTo(ledger.head());
  }

  private void count(String what, long n) {
    if (n > 0) {
      seen.merge(what, (int) n, Integer::sum);
    }
  }

  private BigInteger supply(StateReader state) {
    return everyone.stream()
        .map(a -> state.account(a).balance())
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static void assertIdentical(ExecutionResult actual, ExecutionResult expected) {
    assertThat(ReceiptCodec.encodeList(actual.receipts()))
        .isEqualTo(ReceiptCodec.encodeList(expected.receipts()));
    assertThat(actual).usingRecursiveComparison().ignoringFields("stateNodes")
        // Bytes is a value type: compare by equals, not by its private (cached) fields
        .withEqualsForType(Bytes::equals, Bytes.class)
        .isEqualTo(expected);
    assertThat(contents(actual.stateNodes())).isEqualTo(contents(expected.stateNodes()));
  }

  private static Map<Bytes, Bytes> contents(WriteBatch batch) {
    Map<Bytes, Bytes> out = new LinkedHashMap<>();
    batch.forEach(out::put);
    return out;
  }

  /** A random mix of valid and invalid transactions from the users and one unfunded key. */
  private List<SignedTransaction> transactions(Ledger ledger) {
    StateReader state = ledger.headState();
    BigInteger baseFee =
        dev.bulwark.ledger.execution.FeeMarket.nextBaseFee(ledger.head(), f.params());
    Map<Address, Long> nonces = new HashMap<>();
    List<SignedTransaction> txs = new ArrayList<>();
    int count = random.nextInt(14);
    for (int i = 0; i < count; i++) {
      Secp256k1.KeyPair from =
          random.nextInt(15) == 0 ? ChainFixture.key(50) : f.user(random.nextInt(6));
      long nonce = nonces.computeIfAbsent(from.address(), a -> state.account(a).nonce());
      long used =
          switch (random.nextInt(12)) {
            case 0 -> nonce + 1; // gap: dropped, and so is the rest of this sender's block
            case 1 -> Math.max(0, nonce - 1);
            default -> nonce;
          };
      nonces.put(from.address(), used + 1);
      BigInteger cap =
          baseFee
              .multiply(BigInteger.valueOf(1 + random.nextInt(3)))
              .subtract(random.nextInt(10) == 0 ? baseFee.divide(BigInteger.TWO) : BigInteger.ZERO);
      BigInteger tip = BigInteger.valueOf(random.nextInt(3)).multiply(GWEI);
      Address to = f.user(random.nextInt(6)).address();
      BigInteger balance = state.account(from.address()).balance();
      BigInteger value =
          random.nextInt(20) == 0 ? balance : BigInteger.valueOf(random.nextInt(1_000_000));
      txs.add(
          switch (random.nextInt(9)) {
            case 0 ->
                f.call(
                    from,
                    used,
                    FakeSystemModule.ADDRESS,
                    value,
                    Bytes.of((byte) 1),
                    80_000,
                    cap,
                    tip);
            case 1 ->
                f.call(
                    from,
                    used,
                    FakeSystemModule.ADDRESS,
                    BigInteger.ZERO,
                    Bytes.of((byte) 2),
                    80_000,
                    cap,
                    tip);
            case 2 ->
                f.call(
                    from,
                    used,
                    FakeSystemModule.ADDRESS,
                    BigInteger.ZERO,
                    FakeSystemModule.burnCall(BigInteger.valueOf(random.nextInt(400_000))),
                    80_000,
                    cap,
                    tip);
            case 3 ->
                f.call(
                    from,
                    used,
                    FakeSystemModule.ADDRESS,
                    value,
                    Bytes.of((byte) 1),
                    30_000,
                    cap,
                    tip);
            case 4 -> f.call(from, used, to, value, Bytes.of((byte) 7, (byte) 0), 30_000, cap, tip);
            case 5 -> f.legacy(from, used, to, value, cap);
            default -> f.transfer(from, used, to, value, cap, tip);
          });
    }
    return txs;
  }

  /** Sometimes evidence: against a validator (admissible once) or a stranger (never). */
  private List<Evidence> evidence(Ledger ledger) {
    if (random.nextInt(4) != 0) {
      return List.of();
    }
    Set<Evidence> out = new LinkedHashSet<>();
    for (int i = 0; i < 1 + random.nextInt(2); i++) {
      long round = random.nextInt(4);
      VoteData a =
          new VoteData(
              ChainFixture.CHAIN_ID,
              1,
              round + 1,
              Keccak.hash(Bytes.of((byte) 1)),
              Keccak.hash(Bytes.of((byte) 0)),
              round);
      VoteData b =
          new VoteData(
              ChainFixture.CHAIN_ID,
              1,
              round + 1,
              Keccak.hash(Bytes.of((byte) 2)),
              Keccak.hash(Bytes.of((byte) 0)),
              round);
      Evidence e = f.validators().equivocation(random.nextInt(4), a, b);
      out.add(
          random.nextInt(5) == 0
              ? Evidence.of(f.user(0).address(), e.messageA(), e.sigA(), e.messageB(), e.sigB())
              : e);
    }
    return List.copyOf(out);
  }

  private void assertReplayMatches(Ledger ledger) throws Exception {
    try (Ledger fresh = Ledger.open(new InMemoryStore(), f.genesis(), f.module())) {
      for (long n = 1; n <= ledger.head().number(); n++) {
        Block block = ledger.chain().block(n).orElseThrow();
        ExecutionResult r = fresh.execute(block); // checks every root against the stored header
        fresh.commit(block, f.commitProof(block.header()), r);
        assertThat(ReceiptCodec.encodeList(r.receipts()))
            .isEqualTo(
                ReceiptCodec.encodeList(
                    ledger.chain().receipts(n).orElseThrow().stream()
                        .map(StoredReceipt::receipt)
                        .toList()));
      }
      assertThat(fresh.head()).isEqualTo(ledger.head());
      for (Address a : everyone) {
        assertThat(fresh.headState().account(a)).isEqualTo(ledger.headState().account(a));
      }
    }
  }
}
