package dev.bulwark.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 at any moment leaves the store at a whole block: a child JVM appends synced block
 * batches, the test kills it after a seeded random number of them, reopens and checks that the
 * store holds exactly blocks 1..H, each complete, with H at least the last one reported.
 */
class CrashRecoveryTest {
  private static final long SEED = 20_240_611L;
  private static final int KILLS = 5;

  @TempDir Path tmp;

  static Stream<LevelDbBackend> backends() {
    return LevelDbStoreTest.backends();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void killNineLeavesAWholeBlock(LevelDbBackend backend) throws Exception {
    Path dir = tmp.resolve("data");
    Random random = new Random(SEED ^ backend.ordinal());
    long lastReported = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int blocksBeforeKill = 1 + random.nextInt(30);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      try (ChildJvm child = ChildJvm.start(tmp, "write", dir.toString(), backend.name())) {
        for (int seen = 0; seen < blocksBeforeKill; ) {
          String line = child.nextLine(deadline);
          if (line.startsWith(StoreChildProcess.COMMITTED)) {
            lastReported = committedBlock(line);
            seen++;
          }
        }
        child.killAndWait();
        for (String line : child.remainingLines()) {
          if (line.startsWith(StoreChildProcess.COMMITTED)) {
            lastReported = Math.max(lastReported, committedBlock(line));
          }
        }
      }
      long head = checkWholeBlocks(dir, backend);
      assertThat(head).as("head after kill %d", kill).isGreaterThanOrEqualTo(lastReported);
      lastReported = head;
    }
  }

  private static long committedBlock(String line) {
    return Long.parseLong(line.substring(StoreChildProcess.COMMITTED.length()));
  }

  /** Checks the prefix-of-whole-blocks invariant and returns the head block number. */
  private static long checkWholeBlocks(Path dir, LevelDbBackend backend) {
    try (LevelDbStore store = LevelDbStore.open(
        dir, StoreChildProcess.SCHEMA_VERSION, StoreChildProcess.CHAIN, backend)) {
      long head = StoreChildProcess.head(store).orElse(0L);
      for (int a = 0; a < StoreChildProcess.ACCOUNTS; a++) {
        Bytes expected = head == 0 ? null : StoreChildProcess.accountValue(head, a);
        assertThat(store.get(StoreChildProcess.accountKey(a)).orElse(null))
            .as("account %d at head %d", a, head).isEqualTo(expected);
      }
      TreeMap<Long, Integer> keysPerBlock = new TreeMap<>();
      try (KeyValueCursor c = store.prefix(Bytes.of((byte) 'b'))) {
        while (c.hasNext()) {
          KeyValue kv = c.next();
          long block = StoreChildProcess.blockOf(kv.key());
          int index = StoreChildProcess.indexOf(kv.key());
          assertThat(kv.value()).isEqualTo(StoreChildProcess.accountValue(block, -1 - index));
          keysPerBlock.merge(block, 1, Integer::sum);
        }
      }
      assertThat(keysPerBlock.keySet()).as("blocks present").hasSize((int) head);
      if (head > 0) {
        assertThat(keysPerBlock.firstKey()).isEqualTo(1L);
        assertThat(keysPerBlock.lastKey()).isEqualTo(head);
      }
      assertThat(keysPerBlock.values()).allMatch(n -> n == StoreChildProcess.BLOCK_KEYS);
      return head;
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void storeHeldByAnotherProcessFailsClearly(LevelDbBackend backend) throws Exception {
    Path dir = tmp.resolve("held");
    try (ChildJvm child = ChildJvm.start(tmp, "hold", dir.toString(), backend.name())) {
      assertThat(child.nextLine(Instant.now().plus(Duration.ofSeconds(60)))).isEqualTo("open");
      for (LevelDbBackend other : backends().toList()) {
        assertThatThrownBy(() -> LevelDbStore.open(
                dir, StoreChildProcess.SCHEMA_VERSION, StoreChildProcess.CHAIN, other))
            .isInstanceOf(StoreLockedException.class)
            .hasMessageContaining("locked by another process")
            .hasMessageContaining(dir.toRealPath().toString());
      }
      assertThat(child.closeStdinAndWait()).isZero();
    }
    try (LevelDbStore store = LevelDbStore.open(
        dir, StoreChildProcess.SCHEMA_VERSION, StoreChildProcess.CHAIN, backend)) {
      assertThat(store.get(StoreMetadata.SCHEMA_VERSION_KEY)).isPresent();
    }
  }
}
