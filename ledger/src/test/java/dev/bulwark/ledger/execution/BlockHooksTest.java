package dev.bulwark.ledger.execution;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The system hooks around the transactions: evidence, block-level logs and epoch boundaries. */
class BlockHooksTest {
  private final ChainFixture f = new ChainFixture(2, 3, 30_000_000);
  private final Harness h = new Harness(f);

  private Evidence equivocation(int validator, long round) {
    VoteData a =
        new VoteData(
            ChainFixture.CHAIN_ID,
            1,
            round,
            Keccak.hash(Bytes.of((byte) 1)),
            Keccak.hash(Bytes.of((byte) 9)),
            0);
    VoteData b =
        new VoteData(
            ChainFixture.CHAIN_ID,
            1,
            round,
            Keccak.hash(Bytes.of((byte) 2)),
            Keccak.hash(Bytes.of((byte) 9)),
            0);
    return f.validators().equivocation(validator, a, b);
  }

  /** Evidence naming a non-validator (the fake module rejects it). */
  private Evidence againstStranger(long round) {
    Evidence real = equivocation(0, round);
    TestValidators others = TestValidators.create(1, 99);
    return Evidence.of(
        others.get(0).address(), real.messageA(), real.sigA(), real.messageB(), real.sigB());
  }

  @Test
  void epochEndingBlockReturnsTheNextSetAndEpochsFollowTheRule() throws Exception {
    ExecutionResult first = h.advance(List.of());
    assertThat(h.head.epoch()).isEqualTo(1);
    assertThat(first.nextValidatorSet()).isEmpty();
    assertThat(first.receipts()).isEmpty();
    h.advance(List.of());
    ExecutionResult third = h.advance(List.of());
    assertThat(h.head.number()).isEqualTo(3);
    assertThat(h.head.epoch()).isEqualTo(1);
    assertThat(third.nextValidatorSet())
        .hasValueSatisfying(s -> assertThat(s.epoch()).isEqualTo(2));
    // The epoch change's log goes into the block-level receipt.
    assertThat(third.receipts())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.from()).isEqualTo(Receipt.SYSTEM_SENDER);
              assertThat(r.logs())
                  .extracting(l -> l.topics().get(0))
                  .containsExactly(FakeSystemModule.EPOCH_ENDED);
            });
    h.advance(List.of());
    assertThat(h.head.number()).isEqualTo(4);
    assertThat(h.head.epoch()).isEqualTo(2);
    assertThat(h.head.round()).as("a new epoch starts at round 1").isEqualTo(1);
  }

  @Test
  void blockLevelReceiptComesAfterTheTransactions() throws Exception {
    var alice = f.user(0);
    ExecutionResult r =
        h.advance(
            List.of(
                f.transfer(alice, 0, f.user(1).address(), BigInteger.ONE, GWEI, BigInteger.ZERO)),
            List.of(),
            2);
    assertThat(h.head.skippedRounds()).containsExactly(1L, 2L);
    assertThat(r.receipts()).hasSize(2);
    Receipt blockLevel = r.receipts().get(1);
    assertThat(blockLevel.logs())
        .extracting(l -> l.topics().get(0))
        .containsExactly(FakeSystemModule.SKIPPED);
    assertThat(blockLevel.cumulativeGasUsed()).isEqualTo(21_000);
    assertThat(blockLevel.gasUsed()).isZero();
  }

  @Test
  void admissibleEvidenceIsAppliedOnceAndCommittedByTheEvidenceRoot() throws Exception {
    Evidence good = equivocation(2, 5);
    BigInteger moduleBefore = h.state().account(FakeSystemModule.ADDRESS).balance();
    BuiltBlock built = h.build(List.of(), List.of(againstStranger(6), good, good), 0);
    assertThat(built.block().evidence()).containsExactly(good);
    assertThat(built.block().header().evidenceRoot()).isNotEqualTo(ListRoot.EMPTY);
    ExecutionResult r = h.execute(built.block());
    h.commit(built.block(), r);
    assertThat(h.state().account(FakeSystemModule.ADDRESS).balance())
        .isEqualTo(moduleBefore.subtract(FakeSystemModule.PENALTY));
    assertThat(r.receipts()).singleElement().satisfies(rc -> assertThat(rc.logs()).hasSize(2));

    // Applied evidence is in the state: the builder leaves it out, the executor rejects it.
    BuiltBlock again = h.build(List.of(), List.of(good), 0);
    assertThat(again.block().evidence()).isEmpty();
    Block replay = new Block(h.build(List.of()).block().header(), List.of(), List.of(good));
    assertThatThrownBy(() -> h.execute(replay))
        .isInstanceOf(InvalidBlockException.class)
        .hasMessageContaining("already applied");
  }

  @Test
  void inadmissibleEvidenceInvalidatesTheBlock() {
    Block built = h.build(List.of()).block();
    Block bad = new Block(built.header(), List.of(), List.of(againstStranger(3)));
    assertThatThrownBy(() -> h.execute(bad))
        .isInstanceOf(InvalidBlockException.class)
        .hasMessageContaining("not a validator");
  }

  @Test
  void builderLeavesOutTransactionsThatCannotBeIncluded() throws Exception {
    var alice = f.user(0);
    var poor = ChainFixture.key(77);
    Address bob = f.user(1).address();
    BigInteger cap = GWEI.multiply(BigInteger.TWO);
    var ok0 = f.transfer(alice, 0, bob, BigInteger.ONE, cap, BigInteger.ZERO);
    var tooRich =
        f.transfer(
            alice,
            1,
            bob,
            ChainFixture.ETHER.multiply(BigInteger.valueOf(5000)),
            cap,
            BigInteger.ZERO);
    var gapped = f.transfer(alice, 2, bob, BigInteger.ONE, cap, BigInteger.ZERO);
    var unfunded = f.transfer(poor, 0, bob, BigInteger.ONE, cap, BigInteger.ZERO);
    var underpriced =
        f.transfer(
            f.user(1),
            0,
            alice.address(),
            BigInteger.ONE,
            GWEI.subtract(BigInteger.ONE),
            BigInteger.ZERO);
    var ok1 = f.transfer(alice, 1, bob, BigInteger.ONE, cap, BigInteger.ZERO);
    BuiltBlock built = h.build(List.of(ok0, tooRich, gapped, unfunded, underpriced, ok1));
    assertThat(built.block().transactions()).containsExactly(ok0.raw(), ok1.raw());
    assertThat(built.dropped()).containsExactly(tooRich, gapped, unfunded, underpriced);
    ExecutionResult executed = h.execute(built.block());
    assertThat(executed.stateRoot()).isEqualTo(built.block().header().stateRoot());
    assertThat(executed.receipts()).isEqualTo(built.result().receipts());
  }
}
