package dev.bulwark.genesis.config;

import java.util.List;

/**
 * The JSON-RPC keys of {@code node.toml}; each null when the file does not set it (the flag or
 * the built-in default applies). Ranges are checked where the node builds its RPC settings.
 *
 * @param host {@code rpcHost}: the HTTP/WebSocket bind address
 * @param corsOrigins {@code rpcCorsOrigins}: origins browsers may call from ({@code "*"}: any)
 * @param allowedHosts {@code rpcAllowedHosts}: Host header names served besides IP literals
 * @param maxBodyBytes {@code rpcMaxBodyBytes}
 * @param maxBatchSize {@code rpcMaxBatchSize}
 * @param maxFrameBytes {@code rpcMaxFrameBytes}: largest WebSocket message
 * @param maxConnections {@code rpcMaxConnections}
 * @param maxSubscriptions {@code rpcMaxSubscriptions}: per WebSocket connection
 * @param maxFilters {@code rpcMaxFilters}
 * @param filterTimeoutSeconds {@code rpcFilterTimeoutSeconds}
 * @param maxLogsBlockRange {@code rpcMaxLogsBlockRange}
 * @param maxLogsResults {@code rpcMaxLogsResults}
 * @param allowUnprotectedTxs {@code rpcAllowUnprotectedTxs}: admit pre-EIP-155 transactions
 * @param wsIdleTimeoutSeconds {@code rpcWsIdleTimeoutSeconds}: a WebSocket silent this long closes
 * @param wsMaxPendingBytes {@code rpcWsMaxPendingBytes}: outbound bytes queued on one WebSocket
 */
public record RpcConfig(
    String host,
    List<String> corsOrigins,
    List<String> allowedHosts,
    Long maxBodyBytes,
    Long maxBatchSize,
    Long maxFrameBytes,
    Long maxConnections,
    Long maxSubscriptions,
    Long maxFilters,
    Long filterTimeoutSeconds,
    Long maxLogsBlockRange,
    Long maxLogsResults,
    Boolean allowUnprotectedTxs,
    Long wsIdleTimeoutSeconds,
    Long wsMaxPendingBytes) {
  /** Nothing set. */
  public static final RpcConfig NONE =
      new RpcConfig(null, null, null, null, null, null, null, null, null, null, null, null);

  /** The keys of the limits and addresses only; the unprotected-tx and WebSocket keys unset. */
  public RpcConfig(String host, List<String> corsOrigins, List<String> allowedHosts,
      Long maxBodyBytes, Long maxBatchSize, Long maxFrameBytes, Long maxConnections,
      Long maxSubscriptions, Long maxFilters, Long filterTimeoutSeconds, Long maxLogsBlockRange,
      Long maxLogsResults) {
    this(host, corsOrigins, allowedHosts, maxBodyBytes, maxBatchSize, maxFrameBytes,
        maxConnections, maxSubscriptions, maxFilters, filterTimeoutSeconds, maxLogsBlockRange,
        maxLogsResults, null, null, null);
  }

  public RpcConfig {
    if (host != null && host.isBlank()) {
      throw new IllegalArgumentException("rpcHost must not be blank");
    }
    corsOrigins = corsOrigins == null ? null : List.copyOf(corsOrigins);
    allowedHosts = allowedHosts == null ? null : List.copyOf(allowedHosts);
  }
}
