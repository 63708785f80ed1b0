package dev.bulwark.node.cli;

import dev.bulwark.node.runtime.Node;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Keeps running nodes alive until SIGINT/SIGTERM: the first signal stops them gracefully (consensus
 * first, the store closed last), a second one exits at once. Kill -9 is safe at any moment, so the
 * forced exit only skips the tidy-up. A node stopping on its own (a fault) ends the run with 1.
 */
final class NodeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  private NodeRunner() {}

  /** Blocks until the nodes stop; returns the exit code (0 after a signal, 1 after a fault). */
  static int runUntilSignalled(List<Node> nodes) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(0);
    AtomicBoolean signalled = new AtomicBoolean();
    Runnable stopAll = () -> Future.all(nodes.stream().map(Node::stop).toList())
        .onComplete(ar -> done.countDown());
    for (String name : List.of("INT", "TERM")) {
      Signal.handle(new Signal(name), s -> {
        if (signalled.compareAndSet(false, true)) {
          LOG.info("SIG{} received: stopping (send it again to exit at once)", name);
          stopAll.run();
        } else {
          LOG.warn("second signal: exiting without a clean shutdown (the store stays consistent)");
          Runtime.getRuntime().halt(130);
        }
      });
    }
    for (Node n : nodes) {
      n.terminated().onFailure(e -> {
        exitCode.set(1);
        stopAll.run();
      });
    }
    done.await();
    return exitCode.get();
  }
}
