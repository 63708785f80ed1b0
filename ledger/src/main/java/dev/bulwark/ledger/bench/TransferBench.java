package dev.bulwark.ledger.bench;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Part 1: execute + commit blocks of pre-verified transfers on one thread. A proposer ledger builds
 * each block (untimed); a validator ledger in its own LevelDB store then executes it with the
 * already-recovered transactions and commits it (one synced batch): that is what is timed. Every
 * sender sends one transfer per block to a random recipient of a fixed population.
 */
final class TransferBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Allocation ALLOCATION = new Allocation();

  private TransferBench() {}

  /**
   * Measured figures: transfers, wall and thread-CPU seconds of the measured blocks, the median
   * block's wall time and the mean bytes allocated per block.
   */
  record Result(
      long transfers,
      double wallSeconds,
      double cpuSeconds,
      double medianBlockMs,
      double allocatedMbPerBlock) {
    double perSecond() {
      return transfers / wallSeconds;
    }
  }

  static Result run(
      Path workDir,
      int txsPerBlock,
      int warmupBlocks,
      int blocks,
      int recipients,
      Consumer<String> out)
      throws InvalidBlockException {
    List<Secp256k1.KeyPair> senders =
        IntStream.range(0, txsPerBlock).parallel().mapToObj(BenchChain::key).toList();
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    senders.forEach(k -> alloc.put(k.address(), BigInteger.TEN.pow(24)));
    BenchChain chain = new BenchChain(txsPerBlock, alloc);
    int total = warmupBlocks + blocks;
    out.accept(
        String.format(
            "transfers: signing and recovering %,d transactions (%d blocks of %,d)...",
            (long) total * txsPerBlock, total, txsPerBlock));
    List<List<SignedTransaction>> plan = plan(senders, total, recipients);

    BenchSystemModule module = chain.module();
    double[] blockMs = new double[blocks];
    long wallNanos = 0;
    long cpuNanos = 0;
    long allocatedBytes = 0;
    try (Ledger proposer = Ledger.open(workDir.resolve("proposer"), chain.genesis(), module);
        Ledger validator = Ledger.open(workDir.resolve("validator"), chain.genesis(), module)) {
      for (int b = 0; b < total; b++) {
        List<SignedTransaction> txs = plan.get(b);
        BuiltBlock built = proposer.build(chain.template(proposer.head()), txs, List.of());
        Block block = built.block();
        if (block.transactions().size() != txs.size()) {
          throw new IllegalStateException(
              "the builder dropped " + built.dropped().size() + " transfers");
        }
        proposer.commit(block, chain.commitProof(block.header()), built.result());

        long alloc0 = ALLOCATION.bytes();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ExecutionResult result = validator.execute(block, txs);
        long executed = System.nanoTime();
        validator.commit(block, chain.commitProof(block.header()), result);
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long allocated = ALLOCATION.bytes() - alloc0;
        if (b >= warmupBlocks) {
          allocatedBytes += allocated;
          blockMs[b - warmupBlocks] = wall / 1e6;
          wallNanos += wall;
          cpuNanos += cpu;
        }
        out.accept(
            String.format(
                "  block %d%s: %,d transfers, execute+commit %.1f ms (execute %.1f, commit %.1f;"
                    + " thread cpu %.1f ms; %.1f MB allocated)",
                block.header().number(),
                b < warmupBlocks ? " (warm-up)" : "",
                txs.size(),
                wall / 1e6,
                (executed - t0) / 1e6,
                (t0 + wall - executed) / 1e6,
                cpu / 1e6,
                allocated / 1e6));
      }
    }
    return new Result(
        (long) blocks * txsPerBlock,
        wallNanos / 1e9,
        cpuNanos / 1e9,
        Stats.median(blockMs),
        allocatedBytes / 1e6 / blocks);
  }

  /**
   * Signed transfers per block, senders recovered (in parallel: recovery is measured in part 3).
   */
  private static List<List<SignedTransaction>> plan(
      List<Secp256k1.KeyPair> senders, int blocks, int recipients) {
    Random random = new Random(42);
    List<List<SignedTransaction>> plan = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      int nonce = b;
      int[] to = random.ints(senders.size(), 0, recipients).toArray();
      List<SignedTransaction> txs =
          IntStream.range(0, senders.size())
              .parallel()
              .mapToObj(i -> transfer(senders.get(i), nonce, recipient(to[i])))
              .toList();
      txs.parallelStream().forEach(SignedTransaction::sender);
      plan.add(txs);
    }
    return plan;
  }

  static SignedTransaction transfer(Secp256k1.KeyPair from, long nonce, Address to) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            BigInteger.valueOf(BenchChain.CHAIN_ID),
            nonce,
            BigInteger.ONE,
            BenchChain.GWEI.multiply(BigInteger.TWO),
            21_000,
            Optional.of(to),
            BigInteger.ONE,
            Bytes.EMPTY,
            List.of(),
            TransactionSignature.NONE),
        from);
  }

  static Address recipient(int i) {
    byte[] h = Keccak.hash256(ByteBuffer.allocate(8).putLong(0x5ec1_0000_0000L + i).array());
    return new Address(Bytes.of(h, 12, Address.SIZE));
  }
}
