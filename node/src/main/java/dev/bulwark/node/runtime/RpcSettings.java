package dev.bulwark.node.runtime;

import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.server.RpcServerConfig;
import java.util.List;

/**
 * How the node serves JSON-RPC besides its port: the bind address ({@code --rpc-host}, apart from
 * the p2p {@code --host}), CORS origins, the Host allowlist and the limits.
 */
public record RpcSettings(String host, List<String> corsOrigins, List<String> allowedHosts, RpcLimits limits,
    boolean allowUnprotectedTxs) {
  /**
   * Loopback, no CORS origin, {@code localhost} and IP literals, the default limits, pre-EIP-155
   * transactions admitted.
   */
  public static final RpcSettings DEFAULTS =
      new RpcSettings("127.0.0.1", List.of(), RpcServerConfig.DEFAULT_ALLOWED_HOSTS, RpcLimits.DEFAULTS);

  /** Settings that admit pre-EIP-155 transactions over RPC ({@code --rpc-allow-unprotected-txs}). */
  public RpcSettings(String host, List<String> corsOrigins, List<String> allowedHosts, RpcLimits limits) {
    this(host, corsOrigins, allowedHosts, limits, true);
  }

  /** These settings with {@code allow} for pre-EIP-155 transactions over RPC. */
  public RpcSettings withAllowUnprotectedTxs(boolean allow) {
    return new RpcSettings(host, corsOrigins, allowedHosts, limits, allow);
  }

  public RpcSettings {
    if (host == null || host.isBlank() || corsOrigins == null || allowedHosts == null || limits == null) {
      throw new IllegalArgumentException("RPC settings are incomplete");
    }
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** The server configuration on {@code port}. */
  public RpcServerConfig serverConfig(int port) {
    return new RpcServerConfig(host, port, limits, corsOrigins, allowedHosts);
  }
}
