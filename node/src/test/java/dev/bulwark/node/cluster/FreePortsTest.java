package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void aRunIsFreeAndBelowTheEphemeralRange() {
    int base = FreePorts.run(10);
    assertThat(base).isBetween(FreePorts.LOW, FreePorts.HIGH - 9);
    assertThat(IntStream.range(base, base + 10)).allMatch(FreePorts::isFree);
  }

  @Test
  void aRunSkipsPastABusyPort() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      assertThat(FreePorts.isFree(port)).isFalse();
      int base = FreePorts.runFrom(port - 2, 3, port + 200);
      assertThat(base).as("first run after busy port %d", port).isGreaterThan(port);
      assertThat(FreePorts.runFrom(port, 1, port)).as("no run fits in the busy port alone").isEqualTo(-1);
    }
  }
}
