package dev.bulwark.ledger.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link StoreChildProcess} JVM whose stdout lines the test waits on with a deadline. */
final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code StoreChildProcess args...} on the test classpath with a small heap. */
  static ChildJvm start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreChildProcess.class.getName());
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(workDir, "child", ".stderr");
    Process p = new ProcessBuilder(command)
        .redirectError(stderr.toFile())
        .start();
    return new ChildJvm(p, stderr);
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("\u0000io " + e);
    } finally {
      lines.add(EOF);
    }
  }

  /** The next stdout line, waiting at most until {@code deadline}; fails with the child's stderr. */
  String nextLine(Instant deadline) throws InterruptedException, IOException {
    long waitMs = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    String line = lines.poll(waitMs, TimeUnit.MILLISECONDS);
    if (line == null || line.startsWith("\u0000")) {
      throw new AssertionError((line == null ? "child produced no line in time" : "child ended")
          + "; stderr:\n" + Files.readString(stderr));
    }
    return line;
  }

  /** Lines printed before the child ended; call after {@link #killAndWait()}. */
  List<String> remainingLines() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    for (String line = lines.poll(10, TimeUnit.SECONDS);
        line != null && !line.startsWith("\u0000");
        line = lines.poll(10, TimeUnit.SECONDS)) {
      rest.add(line);
    }
    return rest;
  }

  /** SIGKILL (kill -9 on Linux) and wait for the process to be gone. */
  void killAndWait() throws InterruptedException {
    // Through the handle, unlike Process.destroyForcibly(), our end of stdout stays open: the
    // lines the child printed before dying can still be read.
    process.toHandle().destroyForcibly();
    process.waitFor();
  }

  /** Closes the child's stdin, which a {@code hold} child takes as the signal to exit. */
  int closeStdinAndWait() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child did not exit after stdin closed");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killAndWait();
    }
  }
}
