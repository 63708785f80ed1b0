package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.server.Health;
import dev.bulwark.rpc.server.HttpServerVerticle;
import dev.bulwark.rpc.server.NetApi;
import dev.bulwark.rpc.server.RpcServerConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bench rpc} drives a JSON-RPC server and reports its one summary line. */
class RpcBenchCommandTest {
  @Test
  void reportsRequestsPerSecondAndPercentiles() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      RpcMethods methods = new RpcMethods();
      NetApi.register(methods, 1337, "0.0.1", () -> 0);
      HttpServerVerticle server = new HttpServerVerticle(RpcServerConfig.defaults("127.0.0.1", 0), methods,
          () -> new Health(0, "0x00", 1337, 0, 0, 0, false, "validator"), () -> "");
      vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      CliRun run = CliRun.of("bench", "rpc", "--url", "http://127.0.0.1:" + server.actualPort() + "/",
          "--method", "net_version", "--connections", "4", "--seconds", "1", "--warmup", "0");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).containsPattern("bench rpc: method=net_version connections=4 seconds=1 "
          + "calls=[1-9][0-9]* errors=0 requests_per_s=[0-9]+ p50_ms=[0-9.]+ p99_ms=[0-9.]+");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
