package dev.bulwark.p2p.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;

/**
 * The transport's counters, named for Prometheus ({@code bulwark_p2p_*} once exported). The
 * registry is injected by the node; without one a private {@link SimpleMeterRegistry} keeps the
 * counters readable in tests. Every meter carries a {@code node} tag (the short node id), so the
 * several networks of a one-process devnet can share a registry.
 */
public final class P2pMetrics {
  private final MeterRegistry registry;
  private final Counter framesIn;
  private final Counter framesOut;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Counter bans;
  private final String node;

  /** Metrics of node {@code node} on {@code registry}, or on a private registry when it is null. */
  public P2pMetrics(MeterRegistry registry, String node) {
    this.registry = registry == null ? new SimpleMeterRegistry() : registry;
    this.node = node;
    this.framesIn = Counter.builder("bulwark.p2p.frames.in").tag("node", node).register(this.registry);
    this.framesOut = Counter.builder("bulwark.p2p.frames.out").tag("node", node).register(this.registry);
    this.bytesIn = Counter.builder("bulwark.p2p.bytes.in").tag("node", node).baseUnit("bytes")
        .register(this.registry);
    this.bytesOut = Counter.builder("bulwark.p2p.bytes.out").tag("node", node).baseUnit("bytes")
        .register(this.registry);
    this.bans = Counter.builder("bulwark.p2p.bans").tag("node", node).register(this.registry);
  }

  /** The registry the counters live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Publishes the live session count. */
  public void sessionsGauge(Supplier<Number> sessions) {
    Gauge.builder("bulwark.p2p.sessions", sessions).tag("node", node).register(registry);
  }

  /** One frame read. */
  public void frameIn(int wireBytes) {
    framesIn.increment();
    bytesIn.increment(wireBytes);
  }

  /** One frame written. */
  public void frameOut(int wireBytes) {
    framesOut.increment();
    bytesOut.increment(wireBytes);
  }

  /** A frame dropped, by reason: rate_limit, queue_full, duplicate. */
  public void dropped(String reason) {
    registry.counter("bulwark.p2p.dropped", "node", node, "reason", reason).increment();
  }

  /** A penalty applied, by offence. */
  public void penalty(String offence) {
    registry.counter("bulwark.p2p.penalties", "node", node, "offence", offence).increment();
  }

  /** A node key banned. */
  public void banned() {
    bans.increment();
  }

  /** A handshake refused, by reason and by which side refused. */
  public void handshakeRefused(String reason, String side) {
    registry.counter("bulwark.p2p.handshake.refused", "node", node, "reason", reason, "side", side).increment();
  }

  /** Current count of {@code name} with one tag, 0 if never incremented. */
  public double count(String name, String tag, String value) {
    Counter counter = registry.find(name).tag("node", node).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }
}
