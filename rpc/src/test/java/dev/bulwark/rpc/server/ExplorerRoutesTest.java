package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The explorer's routes on the RPC port (with the test classpath's stub bundle): every path under
 * {@code /explorer} answers the app's HTML with 200 and no redirect, assets are served with their
 * types, and {@code /chain.json} is EIP-3085's object with eth_chainId's exact answer.
 */
class ExplorerRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private int port;

  @BeforeEach
  void start() throws Exception {
    RpcMethods methods = new RpcMethods();
    methods.register("eth_chainId", (p, c) -> TextNode.valueOf("0x539"));
    HttpServerVerticle server = new HttpServerVerticle(
        new RpcServerConfig("127.0.0.1", 0, RpcTestServer.LIMITS, List.of(),
            RpcServerConfig.DEFAULT_ALLOWED_HOSTS),
        methods, () -> new Health(1, "0x01", 1337, 1, 0, 0, false, "validator"), () -> "");
    vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyExplorerPathAnswersTheAppsHtmlWithoutARedirect() throws Exception {
    for (String path : List.of("/explorer", "/explorer/", "/explorer/block/12",
        "/explorer/tx/0x" + "ab".repeat(32), "/explorer/address/0x" + "12".repeat(20),
        "/explorer/token/0x" + "12".repeat(20), "/explorer/validators", "/explorer/slashing",
        "/explorer/no/such/view")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).as(path)
          .contains("text/html; charset=utf-8");
      assertThat(r.body()).as(path).contains("<title>stub explorer</title>");
    }
  }

  @Test
  void assetsAreServedWithTheirTypesAndMissingOnesAre404() throws Exception {
    HttpResponse<String> js = get("/explorer/assets/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
    assertThat(js.body()).isEqualTo("console.log(\"stub\");\n");
    assertThat(get("/explorer/assets/none.js").statusCode()).isEqualTo(404);
    assertThat(get("/explorer/assets/../index.html").statusCode()).isIn(200, 404);
    assertThat(get("/explorerx").statusCode()).isEqualTo(404);
  }

  @Test
  void chainJsonIsTheEip3085ObjectOfThisNode() throws Exception {
    HttpResponse<String> r = get("/chain.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("application/json");
    JsonNode o = JSON.readTree(r.body());
    String base = "http://127.0.0.1:" + port;
    assertThat(o).isEqualTo(JSON.readTree("{\"chainId\":\"0x539\",\"chainName\":\"Bulwark 1337\","
        + "\"nativeCurrency\":{\"name\":\"Ether\",\"symbol\":\"ETH\",\"decimals\":18},"
        + "\"rpcUrls\":[\"" + base + "/\"],\"blockExplorerUrls\":[\"" + base + "/explorer\"]}"));
  }
}
