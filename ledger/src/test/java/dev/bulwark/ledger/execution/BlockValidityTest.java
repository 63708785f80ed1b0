package dev.bulwark.ledger.execution;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A block with a bad header, a bad transaction or wrong commitments is invalid as a whole. */
class BlockValidityTest {
  private final ChainFixture f = new ChainFixture(4, 100, 100_000);
  private final Harness h = new Harness(f);
  private final Secp256k1.KeyPair alice = f.user(0);
  private final Address bob = f.user(1).address();

  private SignedTransaction transfer(long nonce) {
    return f.transfer(
        alice, nonce, bob, BigInteger.ONE, GWEI.multiply(BigInteger.TWO), BigInteger.ZERO);
  }

  /** A block built from one good transfer, then given {@code txs} instead (same header). */
  private Block withTransactions(SignedTransaction... txs) {
    Block good = h.build(List.of(transfer(0))).block();
    return new Block(
        good.header(), List.of(txs).stream().map(SignedTransaction::raw).toList(), List.of());
  }

  private Block withHeader(UnaryOperator<BlockHeader.Builder> change) {
    Block good = h.build(List.of(transfer(0))).block();
    return new Block(
        change.apply(good.header().toBuilder()).build(), good.transactions(), good.evidence());
  }

  @Test
  void aBuiltBlockIsValid() throws Exception {
    BuiltBlock built = h.build(List.of(transfer(0), transfer(1)));
    ExecutionResult executed = h.execute(built.block());
    assertThat(executed)
        .usingRecursiveComparison()
        .ignoringFields("stateNodes")
        .withEqualsForType(Bytes::equals, Bytes.class)
        .isEqualTo(built.result());
    assertThat(Harness.contents(executed.stateNodes()))
        .isEqualTo(Harness.contents(built.result().stateNodes()));
  }

  @Test
  void wrongNonceInvalidatesTheBlock() {
    assertThatThrownBy(() -> h.execute(withTransactions(transfer(1))))
        .isInstanceOf(InvalidBlockException.class)
        .hasMessageContaining("transaction 0")
        .hasMessageContaining("nonce too high");
    assertThatThrownBy(() -> h.execute(withTransactions(transfer(0), transfer(0))))
        .hasMessageContaining("transaction 1")
        .hasMessageContaining("nonce too low");
  }

  @Test
  void unpayableTransactionInvalidatesTheBlock() {
    SignedTransaction tooMuch =
        f.transfer(
            alice,
            0,
            bob,
            ChainFixture.ETHER.multiply(BigInteger.valueOf(1000)),
            GWEI,
            BigInteger.ZERO);
    assertThatThrownBy(() -> h.execute(withTransactions(tooMuch)))
        .hasMessageContaining("insufficient funds for gas * price + value");
    SignedTransaction poorSender =
        f.transfer(ChainFixture.key(99), 0, bob, BigInteger.ONE, GWEI, BigInteger.ZERO);
    assertThatThrownBy(() -> h.execute(withTransactions(poorSender)))
        .hasMessageContaining("insufficient funds");
  }

  @Test
  void feeCapBelowTheBaseFeeInvalidatesTheBlock() {
    SignedTransaction cheap =
        f.transfer(alice, 0, bob, BigInteger.ONE, GWEI.subtract(BigInteger.ONE), BigInteger.ZERO);
    assertThatThrownBy(() -> h.execute(withTransactions(cheap)))
        .hasMessageContaining("max fee per gas less than block base fee");
  }

  @Test
  void statelessRuleViolationsInvalidateTheBlock() {
    SignedTransaction otherChain =
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                BigInteger.ONE,
                0,
                BigInteger.ZERO,
                GWEI,
                21_000,
                Optional.of(bob),
                BigInteger.ONE,
                Bytes.EMPTY,
                List.of(),
                TransactionSignature.NONE),
            alice);
    assertThatThrownBy(() -> h.execute(withTransactions(otherChain)))
        .hasMessageContaining("invalid sender");
    SignedTransaction creation =
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                BigInteger.valueOf(ChainFixture.CHAIN_ID),
                0,
                BigInteger.ZERO,
                GWEI,
                60_000,
                Optional.empty(),
                BigInteger.ZERO,
                Bytes.EMPTY,
                List.of(),
                TransactionSignature.NONE),
            alice);
    assertThatThrownBy(() -> h.execute(withTransactions(creation)))
        .hasMessageContaining("contract creation");
    SignedTransaction lowGas =
        f.call(alice, 0, bob, BigInteger.ONE, Bytes.EMPTY, 20_999, GWEI, BigInteger.ZERO);
    assertThatThrownBy(() -> h.execute(withTransactions(lowGas)))
        .hasMessageContaining("intrinsic gas too low");
  }

  @Test
  void undecodableTransactionInvalidatesTheBlock() {
    Block good = h.build(List.of(transfer(0))).block();
    Block bad = new Block(good.header(), List.of(Bytes.fromHex("0x03c0")), List.of());
    assertThatThrownBy(() -> h.execute(bad)).hasMessageContaining("does not decode");
  }

  @Test
  void transactionsBeyondTheBlockGasLimitInvalidateTheBlock() {
    // 100,000 gas: four transfers fit (84,000), a fifth's 21,000 does not.
    SignedTransaction[] five = {transfer(0), transfer(1), transfer(2), transfer(3), transfer(4)};
    assertThatThrownBy(() -> h.execute(withTransactions(five)))
        .hasMessageContaining("transaction 4")
        .hasMessageContaining("gas limit reached");
    BuiltBlock built = h.build(List.of(five));
    assertThat(built.block().transactions()).hasSize(4);
    assertThat(built.dropped()).containsExactly(five[4]);
  }

  @Test
  void headerRulesAgainstTheParent() {
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.number(2))))
        .hasMessageContaining("number");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.epoch(2))))
        .hasMessageContaining("epoch 2, expected 1");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.gasLimit(200_000))))
        .hasMessageContaining("gas limit");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.baseFeePerGas(GWEI.add(BigInteger.ONE)))))
        .hasMessageContaining("base fee");
    assertThatThrownBy(
            () -> h.execute(withHeader(b -> b.timestampMillis(h.head.timestampMillis()))))
        .hasMessageContaining("timestamp");
    BlockHeader other = h.head.toBuilder().timestampMillis(h.head.timestampMillis() + 1).build();
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.parentQc(f.qcOn(other)))))
        .hasMessageContaining("parent hash");
  }

  @Test
  void commitmentsMustMatchTheExecution() {
    Hash wrong = Hash.fromHex("0x" + "ab".repeat(32));
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.stateRoot(wrong))))
        .hasMessageContaining("state root");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.receiptsRoot(wrong))))
        .hasMessageContaining("receipts root");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.transactionsRoot(wrong))))
        .hasMessageContaining("transactions root");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.evidenceRoot(wrong))))
        .hasMessageContaining("evidence root");
    assertThatThrownBy(() -> h.execute(withHeader(b -> b.gasUsed(21_001))))
        .hasMessageContaining("gas used");
  }
}
