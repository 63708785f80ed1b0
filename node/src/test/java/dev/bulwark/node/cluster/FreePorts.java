package dev.bulwark.node.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds runs of consecutive free TCP ports on 127.0.0.1 by binding each one briefly. A port can
 * still be taken by someone else between the check and the node's bind; starting at a random
 * offset keeps concurrent test runs on this machine from racing for the same run.
 */
final class FreePorts {
  /** Lowest port tried: above the ports that common local services use. */
  static final int LOW = 20_000;
  /**
   * Highest port tried: below Linux's ephemeral range (32768-60999), from which outgoing
   * connections, the nodes' own dials included, take their local ports at any moment.
   */
  static final int HIGH = 32_000;
  private static final int ATTEMPTS = 50;

  private FreePorts() {}

  /** The first port of {@code count} consecutive ports that were all free a moment ago. */
  static int run(int count) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int start = ThreadLocalRandom.current().nextInt(LOW, HIGH - count + 1);
      int found = runFrom(start, count, start + 200);
      if (found > 0) {
        return found;
      }
    }
    throw new IllegalStateException("no run of " + count + " free ports found in " + ATTEMPTS + " attempts");
  }

  /**
   * The lowest {@code base >= from} with {@code base + count - 1 <= limit} whose ports are all free,
   * or -1 when there is none.
   */
  static int runFrom(int from, int count, int limit) {
    int base = from;
    while (base + count - 1 <= limit) {
      int busy = firstBusy(base, count);
      if (busy < 0) {
        return base;
      }
      base = busy + 1; // no run containing the busy port can work
    }
    return -1;
  }

  /** The first port of {@code [base, base + count)} that cannot be bound, or -1. */
  private static int firstBusy(int base, int count) {
    for (int port = base; port < base + count; port++) {
      if (!isFree(port)) {
        return port;
      }
    }
    return -1;
  }

  /** True when a server socket can bind {@code port} on the loopback address right now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // no SO_REUSEADDR: a port in TIME_WAIT from a previous run counts as busy, as it would for a node
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
