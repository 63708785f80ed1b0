package dev.bulwark.p2p.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class P2pMetricsTest {
  @Test
  void networksSharingARegistryKeepSeparateCounts() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    P2pMetrics a = new P2pMetrics(registry, "aaaaaaaa");
    P2pMetrics b = new P2pMetrics(registry, "bbbbbbbb");
    a.penalty("MALFORMED_FRAME");
    a.penalty("MALFORMED_FRAME");
    b.penalty("MALFORMED_FRAME");
    a.frameIn(10);
    assertThat(a.count("bulwark.p2p.penalties", "offence", "MALFORMED_FRAME")).isEqualTo(2);
    assertThat(b.count("bulwark.p2p.penalties", "offence", "MALFORMED_FRAME")).isEqualTo(1);
    assertThat(registry.find("bulwark.p2p.bytes.in").tag("node", "aaaaaaaa").counter().count()).isEqualTo(10);
    assertThat(b.count("bulwark.p2p.dropped", "reason", "duplicate")).isZero();
  }
}
