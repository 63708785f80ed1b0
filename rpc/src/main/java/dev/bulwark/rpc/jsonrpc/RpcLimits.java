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
 * @param wsIdleTimeoutMillis a WebSocket with no frame either way for this long is closed
 * @param wsMaxPendingBytes outbound bytes queued on one WebSocket (answers and notifications the
 *     client has not read yet) past which it is closed
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
    int maxLogsResults,
    long wsIdleTimeoutMillis,
    long wsMaxPendingBytes) {
  /** Default WebSocket idle timeout: 10 minutes, as generous as a quiet subscriber needs. */
  public static final long DEFAULT_WS_IDLE_TIMEOUT_MILLIS = 600_000;
  /** Default bound of a WebSocket's unread outbound bytes: 16 MiB, three largest messages. */
  public static final long DEFAULT_WS_MAX_PENDING_BYTES = 16L * 1024 * 1024;

  /** The defaults documented in {@code rpc/README.md}. */
  public static final RpcLimits DEFAULTS =
      new RpcLimits(5 * 1024 * 1024, 1000, 5 * 1024 * 1024, 1000, 100, 1000, 300_000, 10_000, 10_000);

  /** These limits with the default WebSocket idle timeout and outbound bound. */
  public RpcLimits(long maxBodyBytes, int maxBatchSize, int maxFrameBytes, int maxConnections,
      int maxSubscriptionsPerConnection, int maxFilters, long filterTimeoutMillis,
      long maxLogsBlockRange, int maxLogsResults) {
    this(maxBodyBytes, maxBatchSize, maxFrameBytes, maxConnections, maxSubscriptionsPerConnection,
        maxFilters, filterTimeoutMillis, maxLogsBlockRange, maxLogsResults,
        DEFAULT_WS_IDLE_TIMEOUT_MILLIS, DEFAULT_WS_MAX_PENDING_BYTES);
  }

  public RpcLimits {
    if (maxBodyBytes < 1024 || maxBatchSize < 1 || maxFrameBytes < 1024 || maxConnections < 1
        || maxSubscriptionsPerConnection < 1 || maxFilters < 1 || filterTimeoutMillis < 1000
        || maxLogsBlockRange < 1 || maxLogsResults < 1 || wsIdleTimeoutMillis < 1000
        || wsMaxPendingBytes < 1024) {
      throw new IllegalArgumentException("RPC limits out of range: " + this);
    }
  }
}
