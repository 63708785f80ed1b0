package dev.bulwark.ledger.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adders (each decoding its own copies, so recovery runs in parallel), a block producer and a
 * reader hit one pool at once; afterwards nothing is lost or duplicated and the invariants hold.
 */
class MempoolConcurrencyTest {
  private static final int SENDERS = 8;
  private static final int NONCES = 12;
  private static final int ADDERS = 4;
  private static final int BLOCKS = 25;

  @Test
  void concurrentAddsCommitsAndReadsKeepThePoolConsistent() throws Exception {
    List<Secp256k1.KeyPair> keys = new ArrayList<>();
    List<SignedTransaction> all = new ArrayList<>();
    FakeState genesis = new FakeState();
    for (int s = 0; s < SENDERS; s++) {
      Secp256k1.KeyPair key = PoolTxs.key(200 + s);
      keys.add(key);
      genesis.withBalance(key.address(), PoolTxs.ETHER);
      for (int n = 0; n < NONCES; n++) {
        all.add(PoolTxs.dynamic(key, n, PoolTxs.gwei(10 + s), PoolTxs.gwei(1 + s)));
      }
    }
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults(), genesis);
    ConcurrentLinkedQueue<Hash> announced = new ConcurrentLinkedQueue<>();
    pool.addListener(batch -> batch.forEach(p -> announced.add(p.hash())));
    Set<Hash> included = Collections.synchronizedSet(new HashSet<>());

    ExecutorService executor = Executors.newFixedThreadPool(ADDERS + 2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    FakeState finalState;
    try {
      for (int t = 0; t < ADDERS; t++) {
        List<SignedTransaction> mine = copies(all, new Random(t));
        futures.add(executor.submit(task(start, () -> {
          for (SignedTransaction tx : mine) {
            pool.add(tx, TxOrigin.fromPeer(Bytes.of((byte) mine.size())));
          }
        })));
      }
      Future<FakeState> head = executor.submit(() -> {
        start.await();
        return produceBlocks(pool, genesis, included);
      });
      futures.add(executor.submit(task(start, () -> {
        for (int i = 0; i < 200; i++) {
          PoolContent content = pool.content();
          assertThat(content.pendingCount() + content.queuedCount())
              .isLessThanOrEqualTo(all.size());
          keys.forEach(k -> pool.pendingNonce(k.address()));
        }
      })));
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      finalState = head.get(60, TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
    }

    PoolInvariants.check(pool, finalState, "after the run");
    Set<Hash> pooled = new HashSet<>();
    pool.content().pending().values().forEach(l -> l.forEach(p -> pooled.add(p.hash())));
    pool.content().queued().values().forEach(l -> l.forEach(p -> pooled.add(p.hash())));
    assertThat(pool.content().queued()).as("every gap was filled").isEmpty();
    Set<Hash> everything = new HashSet<>(included);
    assertThat(Collections.disjoint(pooled, included)).isTrue();
    everything.addAll(pooled);
    assertThat(everything).as("each transaction is included or pooled")
        .isEqualTo(all.stream().map(SignedTransaction::hash).collect(
            Collectors.toSet()));
    assertThat(announced).as("each transaction announced once").doesNotHaveDuplicates()
        .hasSameSizeAs(all);
    assertThat(pool.counters().admitted()).isEqualTo(all.size());
  }

  /** The single block producer: selects, executes on its own state, commits; the last state. */
  private static FakeState produceBlocks(Mempool pool, FakeState genesis, Set<Hash> included) {
    FakeState state = genesis;
    BigInteger baseFee = PoolTxs.GWEI;
    for (int b = 0; b < BLOCKS; b++) {
      List<SignedTransaction> block = pool.selectForBlock(5 * PoolTxs.TRANSFER_GAS, baseFee, 5);
      PoolInvariants.checkBlock(block, pool, state, 5 * PoolTxs.TRANSFER_GAS, baseFee, 5,
          "block " + b);
      FakeState next = state.copy();
      for (SignedTransaction tx : block) {
        Transaction t = tx.transaction();
        Address sender = tx.sender().orElseThrow();
        BigInteger price = t.maxFeePerGas().min(baseFee.add(t.maxPriorityFeePerGas()));
        next.withNonce(sender, next.nonce(sender) + 1).withBalance(sender, next.balance(sender)
            .subtract(t.value().add(price.multiply(BigInteger.valueOf(t.gasLimit())))));
        included.add(tx.hash());
      }
      pool.onCommit(block.stream().map(SignedTransaction::hash).toList(), next, baseFee);
      state = next;
    }
    return state;
  }

  /** Fresh decodings of every transaction (unrecovered senders) in a random order. */
  private static List<SignedTransaction> copies(List<SignedTransaction> all, Random random) {
    List<SignedTransaction> out = new ArrayList<>();
    for (SignedTransaction tx : all) {
      out.add(TransactionCodec.decode(tx.raw()));
    }
    Collections.shuffle(out, random);
    return out;
  }

  private static Callable<Void> task(CountDownLatch start, Runnable body) {
    return () -> {
      start.await();
      body.run();
      return null;
    };
  }
}
