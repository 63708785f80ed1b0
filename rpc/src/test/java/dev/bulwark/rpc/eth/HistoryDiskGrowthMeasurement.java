package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;

import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueCursor;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch measurement for rpc/README.md (not a CI test: it runs only with BULWARK_MEASURE=1): the
 * LevelDB bytes a node keeps per committed transfer with the never-pruned state tree, which is
 * what makes every historical state readable. Blocks of 5,000 transfers ({@code BULWARK_MEASURE_PER_BLOCK}) from 2,000 funded senders;
 * {@code BULWARK_MEASURE_NEW_ACCOUNTS=1} sends each transfer to a fresh address (worst case: each
 * creates a leaf), otherwise among {@code BULWARK_MEASURE_RECIPIENTS} (default 5,000) recurring
 * ones. {@code BULWARK_MEASURE_KEEP=N} keeps only the last N blocks' states (the pruning
 * window; default 0, an archive node). Logs the store's growth and, of it, the state-tree node
 * bytes the commits wrote (uncompressed), and the bytes of the state-tree nodes (and of the
 * pruning journal) still stored at the end, read by a scan, since LevelDB reclaims deleted
 * entries' disk space only when it compacts their files.
 */
@EnabledIfEnvironmentVariable(named = "BULWARK_MEASURE", matches = "1")
class HistoryDiskGrowthMeasurement {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryDiskGrowthMeasurement.class);
  private static final int PER_BLOCK =
      Integer.parseInt(System.getenv().getOrDefault("BULWARK_MEASURE_PER_BLOCK", "5000"));
  private static final int SENDERS = 2_000;

  @TempDir Path dir;

  @Test
  void bytesPerTransfer() throws Exception {
    boolean fresh = "1".equals(System.getenv("BULWARK_MEASURE_NEW_ACCOUNTS"));
    int blocks = Integer.parseInt(System.getenv().getOrDefault("BULWARK_MEASURE_BLOCKS", "20"));
    ChainFixture f = new ChainFixture(SENDERS, 1_000_000, 400_000_000L);
    Path db = dir.resolve("ledger");
    long[] nonces = new long[SENDERS];
    long before;
    long txs = 0;
    long[] stateBytes = {0};
    int recipients = Integer.parseInt(
        System.getenv().getOrDefault("BULWARK_MEASURE_RECIPIENTS", "5000"));
    try (Ledger ledger = Ledger.open(db, f.genesis(), f.module())) {
      // a first block so that the genesis write is not counted
      commit(ledger, f, List.of());
    }
    before = size(db);
    long keep = Long.parseLong(System.getenv().getOrDefault("BULWARK_MEASURE_KEEP", "0"));
    try (Ledger ledger = Ledger.open(db, f.genesis(), f.module(),
        MerkleStateTree.defaultResidentNodes(), keep)) {
      for (int b = 0; b < blocks; b++) {
        List<SignedTransaction> block = new ArrayList<>(PER_BLOCK);
        for (int i = 0; i < PER_BLOCK; i++) {
          int s = (int) ((txs + i) % SENDERS);
          long n = txs + i;
          Address to = fresh ? recipient(n) : recipient(n % recipients);
          block.add(f.transfer(f.user(s), nonces[s]++, to, BigInteger.ONE,
              GWEI.multiply(BigInteger.TWO), GWEI));
        }
        stateBytes[0] += commit(ledger, f, block);
        txs += PER_BLOCK;
      }
    }
    long after = size(db);
    double perTx = (after - before) / (double) txs;
    LOG.info("history growth: {} transfers ({} recipients) grew the store {} -> {} bytes:"
        + " {} bytes/transfer, {} GB per million transfers; state-tree nodes written: {}"
        + " bytes/transfer (uncompressed)", txs,
        fresh ? "fresh" : recipients + " recurring", before, after, String.format("%.0f", perTx),
        String.format("%.2f", perTx * 1_000_000 / 1e9),
        String.format("%.0f", stateBytes[0] / (double) txs));
    Bytes genesis = GenesisBlock.of(f.genesis(), f.module()).hash().bytes();
    try (LevelDbStore store = LevelDbStore.open(db, ChainStore.SCHEMA_VERSION, genesis)) {
      LOG.info("history growth (keep {}): state-tree nodes stored at the end: {} bytes;"
          + " pruning journal and births: {} bytes", keep == 0 ? "all" : keep,
          bytesUnder(store, KeyPrefix.STATE_NODE),
          bytesUnder(store, KeyPrefix.STATE_STALE) + bytesUnder(store, KeyPrefix.STATE_NODE_BORN));
    }
  }

  private static long bytesUnder(LevelDbStore store, KeyPrefix prefix) {
    long[] total = {0};
    try (KeyValueCursor c = store.prefix(prefix.bytes())) {
      c.forEachRemaining(kv -> total[0] += kv.key().size() + kv.value().size());
    }
    return total[0];
  }

  /** Commits a block of {@code txs}; returns the bytes of the state-tree nodes it wrote. */
  private static long commit(Ledger ledger, ChainFixture f, List<SignedTransaction> txs)
      throws Exception {
    BuiltBlock built = ledger.build(f.template(ledger.head(), 0), txs, List.of());
    if (built.block().transactions().size() != txs.size()) {
      throw new AssertionError("dropped " + built.dropped().size() + " transactions");
    }
    long[] bytes = {0};
    built.result().stateNodes().forEach((k, v) -> bytes[0] += v == null ? 0 : k.size() + v.size());
    ledger.commit(built.block(), f.commitProof(built.block().header()));
    return bytes[0];
  }

  private static Address recipient(long i) {
    byte[] b = new byte[Address.SIZE];
    for (int k = 0; k < 8; k++) {
      b[Address.SIZE - 1 - k] = (byte) (i >>> (8 * k));
    }
    b[0] = 0x7e;
    return Address.of(b);
  }

  private static long size(Path p) throws IOException {
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(q -> {
        try {
          return Files.size(q);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }

}
