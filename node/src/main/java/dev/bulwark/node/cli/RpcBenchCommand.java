package dev.bulwark.node.cli;

import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.node.bench.RpcBench;
import dev.bulwark.node.bench.SendRawLoad;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
      "sendraw funds fresh senders from the development accounts, signs --transfers legacy",
      "EIP-155 transfers up front and sends them once as eth_sendRawTransaction batches of",
      "--batch (calls/s counts accepted transactions; refusals count as errors);",
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

  @Option(names = "--transfers", paramLabel = "N", defaultValue = "20000",
      description = "sendraw: pre-signed transfers to send, then the run ends (default: ${DEFAULT-VALUE}).")
  int transfers;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
      description = "sendraw: eth_sendRawTransaction calls per batch (default: ${DEFAULT-VALUE}).")
  int batch;

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
    if (transfers < 1 || batch < 1 || batch > 1000) {
      throw usage("--transfers must be at least 1 and --batch between 1 and 1000");
    }
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress = line -> {
      out.println(line);
      out.flush();
    };
    RpcBench.Options options = switch (method) {
      case "eth_getBalance" -> new RpcBench.Options(url, connections, warmup, seconds, method,
          RpcBench.balances(DevAccounts.standard().stream().map(a -> a.address().toHex()).toList()), 0);
      case "sendraw" -> {
        List<String> bodies = SendRawLoad.prepare(url,
            DevAccounts.standard().stream().map(DevAccount::privateKey).toList(),
            transfers, batch, progress);
        // Every transfer is sent once: no warm-up, the window ends when the last is answered.
        yield new RpcBench.Options(url, connections, 0, seconds, "eth_sendRawTransaction(batch " + batch + ")",
            bodies::get, bodies.size());
      }
      default -> new RpcBench.Options(url, connections, warmup, seconds, method,
          i -> RpcBench.call(i, method, "[]"), 0);
    };
    RpcBench.Result result = RpcBench.run(options, progress);
    out.println(result.summaryLine());
    out.flush();
    return 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
