package dev.bulwark.ledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated by the current thread, where the JVM reports them (HotSpot's extension of
 * {@link ThreadMXBean}); otherwise 0. Unlike times, allocation does not vary with machine load,
 * so it shows an allocation fix on a busy machine.
 */
final class Allocation {
  private final com.sun.management.ThreadMXBean threads;

  Allocation() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    this.threads =
        bean instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported()
            ? hotspot
            : null;
  }

  /** Bytes the current thread has allocated so far (0 when not supported). */
  long bytes() {
    return threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
  }
}
