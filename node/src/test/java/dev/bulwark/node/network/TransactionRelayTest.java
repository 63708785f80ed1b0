package dev.bulwark.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages.Outbound;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionRelayTest {
  private static final Secp256k1.KeyPair KEY =
      Secp256k1.fromPrivateKey(Bytes.fromHex("0x" + "11".repeat(32)));
  private static final Bytes PEER_A = Bytes.fromHex("0x" + "aa".repeat(32));
  private static final Bytes PEER_B = Bytes.fromHex("0x" + "bb".repeat(32));

  private final List<Outbound> sent = new ArrayList<>();
  private final TransactionRelay relay = new TransactionRelay(sent::add);

  @Test
  void transactionsAdmittedOneByOneLeaveInFullBatchesAndTheRestAtTheFlush() {
    List<PooledTransaction> txs = txs(600, 0, TxOrigin.LOCAL);
    for (PooledTransaction tx : txs) {
      relay.onNewTransactions(List.of(tx)); // as RPC submissions arrive, one at a time
    }
    assertThat(sent).hasSize(2);
    relay.flush();
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(o -> {
      assertThat(o.type()).isEqualTo(WireTypes.TRANSACTIONS);
      assertThat(o.to()).isEmpty();
      assertThat(o.except()).isEmpty();
    });
    assertThat(sent.stream().map(o -> TransactionBatches.decode(o.payload()).size()))
        .containsExactly(256, 256, 88);
    assertThat(sent.stream().flatMap(o -> TransactionBatches.decode(o.payload()).stream()))
        .containsExactlyElementsOf(txs.stream().map(t -> t.tx().raw()).toList());
    relay.flush();
    assertThat(sent).as("nothing pending, nothing sent").hasSize(3);
  }

  @Test
  void eachBatchHoldsOneOriginAndNeverGoesBackToIt() {
    List<PooledTransaction> mixed = new ArrayList<>();
    mixed.addAll(txs(3, 0, TxOrigin.fromPeer(PEER_A)));
    mixed.addAll(txs(2, 3, TxOrigin.LOCAL));
    mixed.addAll(txs(4, 5, TxOrigin.fromPeer(PEER_B)));
    relay.onNewTransactions(mixed);
    relay.flush();
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(Outbound::except)
        .containsExactlyInAnyOrder(Optional.of(PEER_A), Optional.empty(), Optional.of(PEER_B));
    for (Outbound o : sent) {
      int expected = o.except().isEmpty() ? 2 : o.except().get().equals(PEER_A) ? 3 : 4;
      assertThat(TransactionBatches.decode(o.payload())).hasSize(expected);
    }
  }

  @Test
  void aBatchIsCutBeforeItsRawBytesPassTheBound() {
    Bytes data = Bytes.of(new byte[100 * 1024]);
    List<PooledTransaction> big = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      big.add(pooled(sign(i, data), TxOrigin.LOCAL));
    }
    relay.onNewTransactions(big);
    relay.flush();
    assertThat(sent.stream().map(o -> TransactionBatches.decode(o.payload()).size()))
        .containsExactly(2, 2, 1);
    assertThat(sent).allSatisfy(o -> assertThat(o.payload().size())
        .isLessThan(TransactionRelay.MAX_BYTES + 1024));
  }

  private static List<PooledTransaction> txs(int n, int firstNonce, TxOrigin origin) {
    List<PooledTransaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pooled(sign(firstNonce + i, Bytes.EMPTY), origin));
    }
    return out;
  }

  private static PooledTransaction pooled(SignedTransaction tx, TxOrigin origin) {
    return new PooledTransaction(tx, KEY.address(), origin, tx.transaction().nonce());
  }

  private static SignedTransaction sign(long nonce, Bytes data) {
    return TransactionSigner.sign(new DynamicFeeTransaction(Optional.of(BigInteger.valueOf(1337)),
        nonce, BigInteger.TEN.pow(9), BigInteger.TEN.pow(11), 2_000_000,
        Optional.of(Address.fromHex("0x" + "42".repeat(20))), BigInteger.ONE, data, List.of(),
        TransactionSignature.NONE), KEY);
  }
}
