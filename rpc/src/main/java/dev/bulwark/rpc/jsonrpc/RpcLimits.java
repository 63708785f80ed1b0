package dev.bulwark.rpc.jsonrpc;

/**
 * The bounds of the JSON-RPC server, each configurable (flags and {@code node.toml}); every one is
 * enforced with an error that names it.
 *
 * @param maxBodyBytes largest HTTP request body (HTTP 413 past it)
 * @param maxBatchSize most entries in one batch
 * @param maxFrameBytes largest WebSocket message
 * @param maxConnections most concurrent HTTP + WebSocket connections
 * @param maxSubscriptionsPerConnection most live subscriptions on one WebSocket
 * @param maxFilters most installed filters in the node (oldest unpolled evicted first)
 * @param filterTimeoutMillis a filter not polled for this long is removed
 * @param maxLogsBlockRange widest block range of one {@code eth_getLogs}/{@code eth_getFilterLogs}
 * @param maxLogsResults most logs one query returns
 */
public record RpcLimits(
    long maxBodyBytes,
    int maxBatchSize,
    int maxFrameBytes,
    int maxConnections,
    int maxSubscriptionsPerConnection,
    int maxFilters,
    long filterTimeoutMillis,
    long maxLogsBlockRange,
    int maxLogsResults) {

  /** The defaults documented in {@code rpc/README.md}. */
  public static final RpcLimits DEFAULTS =
      new RpcLimits(5 * 1024 * 1024, 1000, 5 * 1024 * 1024, 1000, 100, 1000, 300_000, 10_000, 10_000);

  public RpcLimits {
    if (maxBodyBytes < 1024 || maxBatchSize < 1 || maxFrameBytes < 1024 || maxConnections < 1
        || maxSubscriptionsPerConnection < 1 || maxFilters < 1 || filterTimeoutMillis < 1000
        || maxLogsBlockRange < 1 || maxLogsResults < 1) {
      throw new IllegalArgumentException("RPC limits out of range: " + this);
    }
  }
}
