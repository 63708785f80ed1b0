package dev.bulwark.node.loadgen;

import dev.bulwark.node.cli.BulwarkCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@code bulwark node} child processes of a network bench: started with the launcher's
 * command line ({@code java $BULWARK_JAVA_OPTS}, this JVM's class path, the CLI's main class),
 * each logging to its own file; killed by a shutdown hook if this JVM ends first.
 */
final class NodeProcesses implements AutoCloseable {
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final int PORT_LOW = 20_000;
  private static final int PORT_HIGH = 32_000; // below Linux's ephemeral range

  private final List<Process> processes = new ArrayList<>();
  private final Thread killer = new Thread(this::killAll, "bench-kill-nodes");

  NodeProcesses() {
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Starts {@code bulwark args…}, its stdout and stderr going to {@code log}. */
  void start(List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("BULWARK_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      command.addAll(List.of(opts.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BulwarkCli.class.getName()));
    command.addAll(args);
    try {
      processes.add(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    } catch (IOException e) {
      throw new LoadgenException("cannot start " + String.join(" ", args) + ": " + e.getMessage(), e);
    }
  }

  /** The first node that has exited, as "node i (exit c)", or null while all run. */
  String exited() {
    for (int i = 0; i < processes.size(); i++) {
      if (!processes.get(i).isAlive()) {
        return "node " + i + " (exit " + processes.get(i).exitValue() + ")";
      }
    }
    return null;
  }

  /** CPU seconds the nodes have used so far (user + system, from /proc via ProcessHandle). */
  double cpuSeconds() {
    double total = 0;
    for (Process p : processes) {
      total += p.info().totalCpuDuration().orElseThrow(() -> new LoadgenException(
          "the CPU time of pid " + p.pid() + " is not readable on this system")).toNanos() / 1e9;
    }
    return total;
  }

  /** SIGTERM to every node, then waits; a node that does not stop in time is killed. */
  @Override
  public void close() {
    processes.forEach(Process::destroy);
    try {
      for (Process p : processes) {
        if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killAll();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs anyway
      }
    }
  }

  private void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  /** The first of {@code count} consecutive loopback ports that were all free a moment ago. */
  static int freePortRun(int count) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(PORT_LOW, PORT_HIGH - count);
      boolean free = true;
      for (int p = base; p < base + count && free; p++) {
        free = isFree(p);
      }
      if (free) {
        return base;
      }
    }
    throw new LoadgenException("no run of " + count + " free ports found");
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
