package dev.bulwark.node.testnet;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports the OS hands out, for in-process networks whose nodes must know each other's. */
public final class FreePorts {
  private FreePorts() {}

  /** {@code n} distinct ports free at the time of the call (all held open together, then freed). */
  public static int[] of(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }
}
