package dev.bulwark.p2p;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.concurrent.TimeUnit;

/** Vert.x socket options from a {@link P2pConfig}: keep-alive idle timeout and optional TLS. */
final class SocketOptions {
  private SocketOptions() {}

  static NetServerOptions server(P2pConfig config) {
    NetServerOptions options = new NetServerOptions()
        .setHost(config.listenHost())
        .setPort(config.listenPort())
        .setTcpNoDelay(true);
    options.setReadIdleTimeout(readIdleMillis(config));
    options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    config.tls().ifPresent(tls -> options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(tls.keyPath()).setCertPath(tls.certPath())));
    return options;
  }

  static NetClientOptions client(P2pConfig config) {
    NetClientOptions options = new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()))
        .setTcpNoDelay(true);
    options.setReadIdleTimeout(readIdleMillis(config));
    options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    config.tls().ifPresent(tls -> {
      options.setSsl(true);
      // Peers are dialled by IP and identified by node key, not by host name.
      options.setHostnameVerificationAlgorithm("");
      tls.trustCertPath().ifPresentOrElse(
          path -> options.setTrustOptions(new PemTrustOptions().addCertPath(path)),
          () -> options.setTrustAll(true));
    });
    return options;
  }

  /** A session that read nothing (not even a pong) for three ping periods is dead. */
  private static int readIdleMillis(P2pConfig config) {
    return (int) Math.min(Integer.MAX_VALUE, config.keepAliveInterval().toMillis() * 3);
  }
}
