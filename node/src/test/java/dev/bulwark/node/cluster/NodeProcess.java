package dev.bulwark.node.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM started directly ({@code java -Xmx… -cp <test classpath> <main> args…}), its
 * stdout and stderr appended to one log file across restarts. Every child still running when the
 * test JVM exits is killed by a shutdown hook, so a crashed or interrupted run leaves none behind.
 */
final class NodeProcess implements AutoCloseable {
  /** Heap cap of each child: five node JVMs share this machine with other builds. */
  static final String MAX_HEAP = "-Xmx256m";
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-child-jvms"));
  }

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;
  private boolean stopRequested;

  /** A child named {@code name} that will run {@code mainClass args} and log to {@code log}. */
  NodeProcess(String name, String mainClass, List<String> args, Path log) {
    this.name = name;
    this.log = log;
    List<String> c = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        MAX_HEAP,
        "-XX:+UseSerialGC", // one GC thread: the machine has two cores for everything
        "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"),
        mainClass));
    c.addAll(args);
    this.command = List.copyOf(c);
  }

  /** The name used in logs and failure messages. */
  String name() {
    return name;
  }

  /** The log file with the child's stdout and stderr of every start. */
  Path log() {
    return log;
  }

  /** The full command line. */
  List<String> command() {
    return command;
  }

  /** How many times the child was started. */
  synchronized int starts() {
    return starts;
  }

  /** Starts the child (again, after it ended), appending a marker line to the log first. */
  synchronized void start() {
    if (alive()) {
      throw new IllegalStateException(name + " is already running as pid " + process.pid());
    }
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(log, "=== harness: start #" + (starts + 1) + " of " + name + " at " + Instant.now()
              + ": " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size())) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      RUNNING.add(p);
      p.onExit().thenRun(() -> RUNNING.remove(p));
      process = p;
      starts++;
      stopRequested = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** True while the child runs. */
  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** The exit code of the last run, or -1 while it runs or before the first start. */
  synchronized int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  /** True when the child ended without being killed or terminated through this object. */
  synchronized boolean exitedOnItsOwn() {
    return process != null && !process.isAlive() && !stopRequested;
  }

  /** kill -9: no shutdown hook, no flush; returns the exit code once the child is gone. */
  synchronized int kill() {
    return end(true);
  }

  /**
   * kill -9 of every child at once (a power cut): all signals go out before any exit is awaited;
   * returns the exit codes in order.
   */
  static List<Integer> killAll(List<NodeProcess> children) {
    for (NodeProcess c : children) {
      synchronized (c) {
        if (c.process == null) {
          throw new IllegalStateException(c.name + " was never started");
        }
        c.stopRequested = true;
        c.process.destroyForcibly();
      }
    }
    return children.stream().map(NodeProcess::kill).toList();
  }

  /** SIGTERM: the child may shut down gracefully; returns its exit code once gone. */
  synchronized int terminate() {
    return end(false);
  }

  private int end(boolean forcibly) {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    stopRequested = true;
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not exit within " + EXIT_WAIT + " of "
            + (forcibly ? "SIGKILL" : "SIGTERM") + "; killed it (log: " + log + ")");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping " + name, e);
    }
    return process.exitValue();
  }

  /** The last {@code n} lines of the log. */
  List<String> logTail(int n) {
    List<String> lines = logLines();
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  /** The log lines that contain any of {@code words}, ignoring case. */
  List<String> logLinesContaining(String... words) {
    return logLines().stream()
        .filter(line -> {
          String lower = line.toLowerCase(Locale.ROOT);
          for (String w : words) {
            if (lower.contains(w.toLowerCase(Locale.ROOT))) {
              return true;
            }
          }
          return false;
        })
        .toList();
  }

  private List<String> logLines() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      // a child may have been killed mid-character: decode leniently
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log of " + name, e);
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public synchronized void close() {
    if (alive()) {
      kill();
    }
  }

  @Override
  public synchronized String toString() {
    return name + (alive() ? " (pid " + process.pid() + ")" : " (exit " + exitCode() + ")");
  }
}
