package dev.bulwark.rpc.server;

import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.util.List;
import java.util.Locale;

/**
 * Where the HTTP/WebSocket server listens and whom it serves.
 *
 * @param host bind address of HTTP and WebSocket
 * @param port TCP port (0: any free port)
 * @param limits the request, batch, message, connection and subscription bounds
 * @param corsOrigins origins browsers may call from ({@code *} for any); the node's own origin is
 *     always allowed
 * @param allowedHosts {@code Host} header names served besides IP literals ({@code *} for any)
 */
public record RpcServerConfig(
    String host, int port, RpcLimits limits, List<String> corsOrigins, List<String> allowedHosts) {
  /** The default host allowlist (IP literals are always served). */
  public static final List<String> DEFAULT_ALLOWED_HOSTS = List.of("localhost");

  public RpcServerConfig {
    if (host == null || host.isBlank() || limits == null || corsOrigins == null || allowedHosts == null) {
      throw new IllegalArgumentException("the RPC server needs a host, limits, origins and hosts");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("RPC port out of range: " + port);
    }
    corsOrigins = normalize(corsOrigins);
    allowedHosts = normalize(allowedHosts);
  }

  /** Defaults on {@code host:port}: default limits, no CORS origin, the default host allowlist. */
  public static RpcServerConfig defaults(String host, int port) {
    return new RpcServerConfig(host, port, RpcLimits.DEFAULTS, List.of(), DEFAULT_ALLOWED_HOSTS);
  }

  private static List<String> normalize(List<String> values) {
    return values.stream().map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
