package dev.bulwark.node.cli;

import dev.bulwark.genesis.config.RpcConfig;
import dev.bulwark.node.runtime.RpcSettings;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The JSON-RPC flags shared by {@code node} and {@code devnet}; each overrides the node.toml key
 * named in its description, which overrides the default.
 */
public final class RpcOptions {
  @Option(names = "--rpc-host", paramLabel = "HOST", description = "HTTP/WebSocket (JSON-RPC) bind address; node.toml rpcHost (default: 127.0.0.1). --host stays the p2p address. A warning is logged when it is not a loopback address.")
  String host;

  @Option(names = "--rpc-cors-origins", paramLabel = "ORIGINS", split = ",", description = "Origins browsers may call JSON-RPC from, comma-separated, or * for any; node.toml rpcCorsOrigins (default: none for node, * for devnet). The node's own http://host:port is always allowed; the same rule admits WebSocket upgrades.")
  List<String> corsOrigins;

  @Option(names = "--rpc-allowed-hosts", paramLabel = "HOSTS", split = ",", description = "Host header names served, comma-separated, or * for any (IP literals always are); node.toml rpcAllowedHosts (default: localhost). Others get HTTP 403.")
  List<String> allowedHosts;

  @Option(names = "--rpc-max-body-size", paramLabel = "BYTES", description = "Largest HTTP request body, at least 1024; node.toml rpcMaxBodyBytes (default: 5242880). Larger bodies get HTTP 413.")
  Long maxBodyBytes;

  @Option(names = "--rpc-max-batch-size", paramLabel = "N", description = "Most requests in one batch; node.toml rpcMaxBatchSize (default: 1000).")
  Long maxBatchSize;

  @Option(names = "--rpc-max-frame-size", paramLabel = "BYTES", description = "Largest WebSocket message (and frame), at least 1024; node.toml rpcMaxFrameBytes (default: 5242880).")
  Long maxFrameBytes;

  @Option(names = "--rpc-max-connections", paramLabel = "N", description = "Most concurrent HTTP and WebSocket connections; node.toml rpcMaxConnections (default: 1000). Past it: HTTP 503.")
  Long maxConnections;

  @Option(names = "--rpc-max-subscriptions", paramLabel = "N", description = "Most live eth_subscribe subscriptions per WebSocket; node.toml rpcMaxSubscriptions (default: 100).")
  Long maxSubscriptions;

  @Option(names = "--rpc-max-filters", paramLabel = "N", description = "Most installed eth_new*Filter filters in the node; node.toml rpcMaxFilters (default: 1000).")
  Long maxFilters;

  @Option(names = "--rpc-filter-timeout", paramLabel = "SECONDS", description = "A filter not polled for this long is removed; node.toml rpcFilterTimeoutSeconds (default: 300).")
  Long filterTimeoutSeconds;

  @Option(names = "--rpc-max-logs-range", paramLabel = "BLOCKS", description = "Widest block range of one eth_getLogs; node.toml rpcMaxLogsBlockRange (default: 10000).")
  Long maxLogsBlockRange;

  @Option(names = "--rpc-max-logs-results", paramLabel = "N", description = "Most logs one eth_getLogs returns; node.toml rpcMaxLogsResults (default: 10000).")
  Long maxLogsResults;

  @Option(names = "--rpc-allow-unprotected-txs", negatable = true, fallbackValue = "true", arity = "0..1", paramLabel = "BOOL", description = "Admit pre-EIP-155 transactions (no chain id in the signature) through eth_sendRawTransaction; node.toml rpcAllowUnprotectedTxs (default: true; web3j's static Transfer.sendFunds sends them). Gossiped ones are admitted either way.")
  Boolean allowUnprotectedTxs;

  @Option(names = "--rpc-ws-idle-timeout", paramLabel = "SECONDS", description = "A WebSocket with no frame in either direction (pings and their pongs count) for this long is closed (1001, \"idle timeout\"); node.toml rpcWsIdleTimeoutSeconds (default: 600).")
  Long wsIdleTimeoutSeconds;

  @Option(names = "--rpc-ws-max-pending-bytes", paramLabel = "BYTES", description = "Outbound bytes (answers, notifications) a WebSocket client may leave unread before it is closed (1008, naming this limit), at least 1024; node.toml rpcWsMaxPendingBytes (default: 16777216).")
  Long wsMaxPendingBytes;

  /**
   * The settings from these flags over {@code file} over the defaults ({@code defaultCors} is the
   * command's CORS default); {@code usage} turns a problem into the command's usage error.
   */
  RpcSettings settings(RpcConfig file, List<String> defaultCors,
      Function<String, RuntimeException> usage) {
    RpcLimits d = RpcLimits.DEFAULTS;
    long big = Long.MAX_VALUE / 1000;
    RpcLimits limits = new RpcLimits(
        pick(maxBodyBytes, file.maxBodyBytes(), d.maxBodyBytes(), 1024, big, "--rpc-max-body-size", usage),
        (int) pick(maxBatchSize, file.maxBatchSize(), d.maxBatchSize(), 1, INT, "--rpc-max-batch-size", usage),
        (int) pick(maxFrameBytes, file.maxFrameBytes(), d.maxFrameBytes(), 1024, INT, "--rpc-max-frame-size", usage),
        (int) pick(maxConnections, file.maxConnections(), d.maxConnections(), 1, INT, "--rpc-max-connections", usage),
        (int) pick(maxSubscriptions, file.maxSubscriptions(), d.maxSubscriptionsPerConnection(), 1, INT,
            "--rpc-max-subscriptions", usage),
        (int) pick(maxFilters, file.maxFilters(), d.maxFilters(), 1, INT, "--rpc-max-filters", usage),
        1000 * pick(filterTimeoutSeconds, file.filterTimeoutSeconds(), d.filterTimeoutMillis() / 1000, 1, big,
            "--rpc-filter-timeout", usage),
        pick(maxLogsBlockRange, file.maxLogsBlockRange(), d.maxLogsBlockRange(), 1, big, "--rpc-max-logs-range", usage),
        (int) pick(maxLogsResults, file.maxLogsResults(), d.maxLogsResults(), 1, INT, "--rpc-max-logs-results", usage),
        1000 * pick(wsIdleTimeoutSeconds, file.wsIdleTimeoutSeconds(), d.wsIdleTimeoutMillis() / 1000, 1, big,
            "--rpc-ws-idle-timeout", usage),
        pick(wsMaxPendingBytes, file.wsMaxPendingBytes(), d.wsMaxPendingBytes(), 1024, big,
            "--rpc-ws-max-pending-bytes", usage));
    String bind = host != null ? host.trim() : file.host() != null ? file.host() : RpcSettings.DEFAULTS.host();
    if (bind.isEmpty()) {
      throw usage.apply("--rpc-host must not be empty");
    }
    List<String> cors = corsOrigins != null ? corsOrigins : file.corsOrigins() != null ? file.corsOrigins() : defaultCors;
    List<String> hosts = allowedHosts != null ? allowedHosts
        : file.allowedHosts() != null ? file.allowedHosts() : RpcSettings.DEFAULTS.allowedHosts();
    boolean unprotected = allowUnprotectedTxs != null ? allowUnprotectedTxs
        : file.allowUnprotectedTxs() != null ? file.allowUnprotectedTxs()
        : RpcSettings.DEFAULTS.allowUnprotectedTxs();
    return new RpcSettings(bind, cors, hosts, limits, unprotected);
  }

  private static final long INT = Integer.MAX_VALUE;

  private static long pick(Long flag, Long file, long fallback, long min, long max, String name,
      Function<String, RuntimeException> usage) {
    long v = flag != null ? flag : file != null ? file : fallback;
    if (v < min || v > max) {
      throw usage.apply(name + " must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }
}
