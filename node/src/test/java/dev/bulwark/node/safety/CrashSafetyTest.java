package dev.bulwark.node.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a signing child JVM (SIGKILL, no shutdown hooks) again and again — right after it persisted
 * a vote and before it sent it, or at a random point — and restarts it on the same data directory.
 * The reloaded safety data must hold every vote reported as persisted, the restarted child must
 * re-send exactly the stored vote, and no round may ever see two different signed votes.
 */
class CrashSafetyTest {
  private static final int KILLS = 12;

  @TempDir Path dir;

  private final Map<Long, String> votes = new HashMap<>();
  private long highestPersisted;

  @Test
  void killingTheSignerBetweenPersistAndSendNeverLeadsToASecondSignature() throws Exception {
    Random random = new Random(5);
    for (int i = 0; i < KILLS; i++) {
      boolean betweenPersistAndSend = i % 2 == 0;
      runAndKill(1 + random.nextInt(30), betweenPersistAndSend);
    }
    assertThat(highestPersisted).as("the children made progress").isGreaterThan(KILLS);
  }

  private void runAndKill(int votesBeforeKill, boolean atPersist) throws Exception {
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    SigningChild.class.getName(),
                    dir.toString(),
                    atPersist ? "ack" : "free"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int seen = 0;
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        Writer acks = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(" ", 3);
        switch (f[0]) {
          case "LOADED" ->
              assertThat(Long.parseLong(f[1]))
                  .as("a persisted vote survives the kill")
                  .isGreaterThanOrEqualTo(highestPersisted);
          case "RESEND" -> record(Long.parseLong(f[1]), f[2], "re-sent after restart");
          case "PERSISTED" -> {
            record(Long.parseLong(f[1]), f[2], "persisted");
            highestPersisted = Math.max(highestPersisted, Long.parseLong(f[1]));
            seen++;
            if (atPersist) {
              if (seen >= votesBeforeKill) {
                child.destroyForcibly(); // it waits between persist and send: kill it there
                return;
              }
              acks.write("go\n");
              acks.flush();
            }
          }
          case "SENT" -> {
            if (seen >= votesBeforeKill) {
              child.destroyForcibly(); // anywhere in its loop, possibly in the middle of a save
              return;
            }
          }
          default -> throw new AssertionError("unexpected child output: " + line);
        }
      }
      throw new AssertionError("the child ended on its own");
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
    }
  }

  /** A second, different signed vote for a round is exactly what must never happen. */
  private void record(long round, String vote, String how) {
    String earlier = votes.putIfAbsent(round, vote);
    assertThat(earlier == null ? vote : earlier)
        .as("vote of round %d (%s)", round, how)
        .isEqualTo(vote);
  }
}
