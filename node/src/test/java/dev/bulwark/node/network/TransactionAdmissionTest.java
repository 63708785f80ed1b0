package dev.bulwark.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.AccountStateView;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.scoring.Offence;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionAdmissionTest {
  private static final long CHAIN = 1337;
  private static final Bytes PEER = Bytes.fromHex("0x" + "aa".repeat(32));
  private static final Secp256k1.KeyPair KEY =
      Secp256k1.fromPrivateKey(Bytes.fromHex("0x" + "11".repeat(32)));

  private final Mempool mempool = new Mempool(MempoolConfig.defaults(),
      new TransactionRules(TransactionRules.Config.of(CHAIN)),
      new PoolHead(new Funded(), BigInteger.TEN.pow(9), 30_000_000));
  private final List<String> penalties = new ArrayList<>();
  private final List<Runnable> tasks = new ArrayList<>();
  private final TransactionAdmission admission = new TransactionAdmission(mempool, tasks::add,
      (key, offence, detail) -> penalties.add(key + " " + offence));

  @Test
  void aGossipedBatchIsAdmittedInOneGoAndRelayedAsOneBatch() {
    List<List<PooledTransaction>> heard = new ArrayList<>();
    mempool.addListener(heard::add);
    List<Bytes> raws = new ArrayList<>();
    for (int nonce = 0; nonce < 50; nonce++) {
      raws.add(raw(CHAIN, nonce));
    }
    assertThat(admission.offer(raws, PEER)).isTrue();
    assertThat(mempool.size()).as("nothing admitted before the worker runs").isZero();
    tasks.forEach(Runnable::run);
    assertThat(mempool.size()).isEqualTo(50);
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0)).hasSize(50)
        .allSatisfy(t -> assertThat(t.origin().isFrom(PEER)).isTrue());
    assertThat(penalties).isEmpty();
  }

  @Test
  void onlyWhatNoHonestPeerRelaysIsPenalised() {
    List<Bytes> raws = List.of(raw(CHAIN, 0), raw(CHAIN, 0) /* already known */,
        raw(CHAIN, 70) /* nonce too high */, raw(1, 1) /* another chain */, raw(1, 2),
        Bytes.fromHex("0x02c0") /* undecodable */);
    admission.offer(raws, PEER);
    tasks.forEach(Runnable::run);
    assertThat(mempool.size()).isEqualTo(1);
    assertThat(penalties).containsExactlyInAnyOrder(PEER + " " + Offence.DECODE_FAILURE,
        PEER + " " + Offence.INVALID_SIGNATURE);
  }

  @Test
  void pastTheBacklogBoundFurtherBatchesAreDroppedUntilTheWorkerCatchesUp() {
    for (int i = 0; i < TransactionAdmission.MAX_QUEUED_BATCHES; i++) {
      assertThat(admission.offer(List.of(raw(CHAIN, i % 64)), PEER)).isTrue();
    }
    assertThat(admission.offer(List.of(raw(CHAIN, 0)), PEER)).isFalse();
    assertThat(admission.dropped()).isEqualTo(1);
    tasks.remove(0).run();
    assertThat(admission.offer(List.of(raw(CHAIN, 0)), PEER)).isTrue();
    assertThat(penalties).isEmpty();
  }

  @Test
  void theBacklogIsBoundedInBytesToo() {
    Bytes big = Bytes.of(new byte[1024 * 1024]); // never decoded while queued
    int fit = (int) (TransactionAdmission.MAX_QUEUED_BYTES / big.size());
    for (int i = 0; i < fit; i++) {
      assertThat(admission.offer(List.of(big), PEER)).isTrue();
    }
    assertThat(admission.offer(List.of(raw(CHAIN, 0)), PEER)).isFalse();
    tasks.remove(0).run();
    assertThat(admission.offer(List.of(raw(CHAIN, 0)), PEER)).isTrue();
    assertThat(admission.dropped()).isEqualTo(1);
  }

  private static Bytes raw(long chainId, long nonce) {
    return TransactionSigner.sign(new DynamicFeeTransaction(
        Optional.of(BigInteger.valueOf(chainId)), nonce, BigInteger.TEN.pow(9),
        BigInteger.TEN.pow(11), 21_000, Optional.of(Address.fromHex("0x" + "42".repeat(20))),
        BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE), KEY).raw();
  }

  /** Every account has nonce 0 and plenty of ether. */
  private static final class Funded implements AccountStateView {
    @Override
    public long nonce(Address account) {
      return 0;
    }

    @Override
    public BigInteger balance(Address account) {
      return BigInteger.TEN.pow(24);
    }
  }
}
