package dev.bulwark.p2p.support;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on conditions and futures with deadlines (no fixed sleeps). */
public final class Await {
  /** Default deadline; generous because the build machine is shared and slow. */
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  private Await() {}

  /** Polls {@code condition} until it holds, failing with {@code what} after the deadline. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEADLINE, condition);
  }

  /** Polls {@code condition} until it holds or {@code deadline} passes. */
  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + deadline + " waiting for: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /**
   * Asserts that {@code condition} stays true for the whole {@code window} (an explicit
   * observation window, for "nothing happens" claims).
   */
  public static void holdsFor(String what, Duration window, BooleanSupplier condition) {
    long end = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < end) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("stopped holding within " + window + ": " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** The result of {@code future}, or its failure as an exception. */
  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure of {@code future}, failing the test if it succeeds. */
  public static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected the future to fail");
  }
}
