package dev.bulwark.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.LevelDbBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 during a commit loop leaves the ledger at a whole block: a child JVM commits blocks, the
 * test kills it after a seeded random number of them, reopens, and checks that the head is at least
 * the last reported block, that every block up to it has its receipts and state, and that replaying
 * the stored blocks on a fresh ledger reproduces every header (so the state root of the head is the
 * header's).
 */
class LedgerCrashTest {
  private static final long SEED = 5_150_521L;
  private static final int KILLS = 4;

  @TempDir Path tmp;

  static Stream<LevelDbBackend> backends() {
    return LevelDbBackend.jniAvailable()
        ? Stream.of(LevelDbBackend.JNI, LevelDbBackend.PURE_JAVA)
        : Stream.of(LevelDbBackend.PURE_JAVA);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void killNineLeavesAWholeBlock(LevelDbBackend backend) throws Exception {
    Path dir = tmp.resolve("chain");
    Random random = new Random(SEED ^ backend.ordinal());
    long lastReported = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int commitsBeforeKill = 1 + random.nextInt(12);
      long reported = runAndKill(dir, backend, commitsBeforeKill);
      long head = checkWholeChain(dir, backend);
      assertThat(head)
          .as("head after kill %d", kill)
          .isGreaterThanOrEqualTo(Math.max(reported, lastReported));
      lastReported = head;
    }
  }

  /**
   * Starts the child, kills it after {@code commits} reported commits; returns the last reported.
   */
  private long runAndKill(Path dir, LevelDbBackend backend, int commits) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-D"
                + LevelDbBackend.FORCE_PURE_JAVA_PROPERTY
                + "="
                + (backend == LevelDbBackend.PURE_JAVA),
            "-cp",
            System.getProperty("java.class.path"),
            LedgerChildProcess.class.getName(),
            dir.toString());
    Path stderr = Files.createTempFile(tmp, "child", ".stderr");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    long last = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      int seen = 0;
      while (seen < commits) {
        String line = out.readLine();
        if (line == null) {
          throw new AssertionError("child ended early; stderr:\n" + Files.readString(stderr));
        }
        if (line.startsWith(LedgerChildProcess.COMMITTED)) {
          last = Long.parseLong(line.substring(LedgerChildProcess.COMMITTED.length()));
          seen++;
        }
      }
      p.toHandle().destroyForcibly(); // SIGKILL, possibly in the middle of the next commit
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(LedgerChildProcess.COMMITTED)) {
          last = Long.parseLong(line.substring(LedgerChildProcess.COMMITTED.length()));
        }
      }
    } catch (IOException | RuntimeException | AssertionError e) {
      p.destroyForcibly();
      throw e;
    }
    return last;
  }

  /** Reopens, checks each block's data and replays them all; returns the head number. */
  private static long checkWholeChain(Path dir, LevelDbBackend backend) throws Exception {
    ChainFixture f = LedgerChildProcess.fixture();
    System.setProperty(
        LevelDbBackend.FORCE_PURE_JAVA_PROPERTY,
        String.valueOf(backend == LevelDbBackend.PURE_JAVA));
    try (Ledger stored = Ledger.open(dir, f.genesis(), f.module());
        Ledger replay = Ledger.open(new InMemoryStore(), f.genesis(), f.module())) {
      long head = stored.head().number();
      List<Block> blocks = new ArrayList<>();
      for (long n = 1; n <= head; n++) {
        Block block = stored.chain().block(n).orElseThrow();
        // One receipt per transfer, plus the block-level one at each epoch end.
        assertThat(stored.chain().receipts(n).orElseThrow())
            .hasSize(LedgerChildProcess.USERS + (n % 5 == 0 ? 1 : 0));
        assertThat(stored.chain().commitProof(n)).isPresent();
        blocks.add(block);
      }
      for (Block block : blocks) {
        replay.commit(block, f.commitProof(block.header()));
      }
      assertThat(replay.head()).isEqualTo(stored.head());
      for (int i = 0; i < LedgerChildProcess.USERS; i++) {
        var user = f.user(i).address();
        assertThat(stored.headState().account(user)).isEqualTo(replay.headState().account(user));
      }
      return head;
    } finally {
      System.clearProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY);
    }
  }
}
