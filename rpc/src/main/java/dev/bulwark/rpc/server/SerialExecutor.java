package dev.bulwark.rpc.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one per WebSocket connection,
 * so a connection's requests are answered in order without holding a pool thread between them.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean scheduled;

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      tasks.add(task);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    pool.execute(this::runNext);
  }

  /** Tasks waiting or running. */
  synchronized int pending() {
    return tasks.size();
  }

  private void runNext() {
    Runnable task;
    synchronized (this) {
      task = tasks.peek();
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("an RPC connection task failed", e);
    }
    synchronized (this) {
      tasks.poll();
      if (tasks.isEmpty()) {
        scheduled = false;
        return;
      }
    }
    // One task per turn, so a busy connection does not keep a pool thread from the others.
    pool.execute(this::runNext);
  }
}
