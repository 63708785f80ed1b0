package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.server.Health;
import dev.bulwark.rpc.server.HttpServerVerticle;
import dev.bulwark.rpc.server.NetApi;
import dev.bulwark.rpc.server.RpcServerConfig;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.rpc.jsonrpc.RpcException;
import io.vertx.core.Vertx;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bench rpc} drives a JSON-RPC server and reports its one summary line. */
class RpcBenchCommandTest {
  @Test
  void sendrawFundsFreshSendersThenSendsEveryTransferOnceInBatches() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      // A stand-in for the eth methods: every new transaction is committed at once, as a pool
      // would queue one whose nonce is ahead; the count of a sender is what it sent.
      Map<String, Long> sent = new ConcurrentHashMap<>();
      Set<String> known = ConcurrentHashMap.newKeySet();
      AtomicInteger accepted = new AtomicInteger();
      RpcMethods methods = new RpcMethods();
      methods.register("eth_chainId", (p, c) -> TextNode.valueOf("0x539"));
      methods.register("eth_gasPrice", (p, c) -> TextNode.valueOf("0x3b9aca00"));
      methods.register("eth_getTransactionCount", (p, c) ->
          TextNode.valueOf("0x" + Long.toHexString(sent.getOrDefault(p.address(0).toHex(), 0L))));
      methods.register("eth_sendRawTransaction", (p, c) -> {
        SignedTransaction tx = TransactionCodec.decode(p.data(0));
        LegacyTransaction legacy = (LegacyTransaction) tx.transaction();
        if (!legacy.chainId().equals(Optional.of(BigInteger.valueOf(1337))) || !known.add(tx.hash().toString())) {
          throw new RpcException(RpcException.SERVER_ERROR, "wrong chain or already known");
        }
        sent.merge(tx.sender().orElseThrow().toHex(), 1L, Long::sum);
        accepted.incrementAndGet();
        return TextNode.valueOf(tx.hash().toString());
      });
      HttpServerVerticle server = new HttpServerVerticle(RpcServerConfig.defaults("127.0.0.1", 0), methods,
          () -> new Health(0, "0x00", 1337, 0, 0, 0, false, "validator"), () -> "");
      vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      CliRun run = CliRun.of("bench", "rpc", "--url", "http://127.0.0.1:" + server.actualPort() + "/",
          "--method", "sendraw", "--transfers", "300", "--batch", "50", "--connections", "2",
          "--seconds", "60");
      assertThat(run.exitCode()).as(run.err()).isZero();
      // 300 transfers need 5 fresh senders (64 each at most), funded by 5 dev accounts.
      assertThat(run.out()).contains("funding 5 fresh senders")
          .containsPattern("method=eth_sendRawTransaction\\(batch 50\\) connections=2 seconds=60 calls=300 errors=0 ");
      assertThat(accepted.get()).isEqualTo(305);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

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
