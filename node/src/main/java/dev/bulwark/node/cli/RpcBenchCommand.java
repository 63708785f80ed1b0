package dev.bulwark.node.cli;

import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.node.bench.RpcBench;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark bench rpc}: JSON-RPC requests/s and latency against a running node. */
@Command(
    name = "rpc",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
      "Closed-loop JSON-RPC load against a running node over HTTP: --connections keep-alive",
      "connections with one request in flight each, a warm-up, then --seconds measured.",
      "--method eth_getBalance asks the balances of the ten development accounts at latest;",
      "sendraw sends pre-signed transfers in batches of --batch (see rpc/README.md);",
      "any other name is called with no parameters (e.g. eth_chainId, net_version).",
      "Ends with one line: bench rpc: method=<m> connections=<n> seconds=<s> calls=<c> errors=<e>"
          + " requests_per_s=<r> p50_ms=<x> p99_ms=<y>"
    })
final class RpcBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545/",
      description = "The node's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "32",
      description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "3",
      description = "Warm-up seconds before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "eth_getBalance",
      description = "eth_getBalance, sendraw, or a method without parameters (default: ${DEFAULT-VALUE}).")
  String method;

  @Override
  public Integer call() throws Exception {
    if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      throw usage("--url must be an http://host:port/ URL, got " + url);
    }
    if (connections < 1 || connections > 10_000 || seconds < 1 || warmup < 0) {
      throw usage("--connections must be 1..10000, --seconds at least 1 and --warmup not negative");
    }
    IntFunction<String> body = switch (method) {
      case "eth_getBalance" -> RpcBench.balances(
          DevAccounts.standard().stream().map(DevAccount::address).map(a -> a.toHex()).toList());
      default -> i -> RpcBench.call(i, method, "[]");
    };
    PrintWriter out = spec.commandLine().getOut();
    RpcBench.Result result = RpcBench.run(
        new RpcBench.Options(url, connections, warmup, seconds, method, body, 1), line -> {
          out.println(line);
          out.flush();
        });
    out.println(result.summaryLine());
    out.flush();
    return 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
