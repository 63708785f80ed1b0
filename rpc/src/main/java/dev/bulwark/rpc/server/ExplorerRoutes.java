package dev.bulwark.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in block explorer on the RPC port: {@code GET /explorer} and every path under it
 * answer the single-page app's HTML (200, no redirect, so deep links render), {@code
 * /explorer/assets/*} the bundle packed into the jar under {@code explorer/}, and {@code GET
 * /chain.json} the EIP-3085 {@code wallet_addEthereumChain} object of this node.
 */
final class ExplorerRoutes {
  /** Where the build puts the bundle on the classpath. */
  static final String RESOURCES = "explorer/";

  private static final Logger LOG = LoggerFactory.getLogger(ExplorerRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "html", "text/html; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
      "json", "application/json");
  private static final RpcContext LOCAL = new RpcContext() {
    @Override
    public Optional<RpcConnection> connection() {
      return Optional.empty();
    }

    @Override
    public RpcLimits limits() {
      return RpcLimits.DEFAULTS;
    }
  };

  private final RpcMethods methods;
  /** Resources read once: the bundle is immutable for the life of the jar. */
  private final Map<String, Optional<Buffer>> cache = new ConcurrentHashMap<>();

  private ExplorerRoutes(RpcMethods methods) {
    this.methods = methods;
  }

  /** Adds the explorer and {@code /chain.json} routes to {@code router}. */
  static void mount(Router router, RpcMethods methods) {
    ExplorerRoutes routes = new ExplorerRoutes(methods);
    router.get("/chain.json").handler(routes::chainJson);
    router.get("/explorer/assets/*").handler(routes::asset);
    router.get("/explorer").handler(routes::page);
    router.get("/explorer/*").handler(routes::page);
  }

  private void page(RoutingContext ctx) {
    send(ctx, "index.html", "no-cache");
  }

  private void asset(RoutingContext ctx) {
    String name = ctx.request().path().substring("/explorer/".length());
    if (name.contains("..") || name.contains("//")) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    send(ctx, name, "no-cache");
  }

  private void send(RoutingContext ctx, String name, String cacheControl) {
    Optional<Buffer> body = cache.computeIfAbsent(name, ExplorerRoutes::load);
    if (body.isEmpty()) {
      boolean page = name.equals("index.html");
      ctx.response().setStatusCode(page ? 503 : 404)
          .putHeader("content-type", "text/plain; charset=utf-8")
          .end(page ? "the explorer bundle is not in this build (mvn package builds it)\n"
              : "not found\n");
      return;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    ctx.response().putHeader("content-type", TYPES.getOrDefault(ext, "application/octet-stream"))
        .putHeader("cache-control", cacheControl)
        .putHeader("x-content-type-options", "nosniff")
        .end(body.get());
  }

  private static Optional<Buffer> load(String name) {
    try (InputStream in = ExplorerRoutes.class.getClassLoader()
        .getResourceAsStream(RESOURCES + name)) {
      return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read explorer resource " + name, e);
    }
  }

  /** EIP-3085's object, its chainId string-equal to eth_chainId's answer. */
  private void chainJson(RoutingContext ctx) {
    JsonNode chainId;
    try {
      chainId = methods.get("eth_chainId").orElseThrow(() -> RpcException.server(
          "eth_chainId is not served")).call(new RpcParams(JSON.createArrayNode()), LOCAL);
    } catch (RpcException e) {
      LOG.warn("cannot answer /chain.json: {}", e.getMessage());
      ctx.response().setStatusCode(503).end("no chain id: " + e.getMessage() + "\n");
      return;
    }
    String host = ctx.request().getHeader("host");
    String base = "http://" + (host == null ? ctx.request().localAddress().toString() : host);
    ObjectNode o = JSON.createObjectNode();
    o.set("chainId", chainId);
    o.put("chainName", "Bulwark " + Long.decode(chainId.textValue()));
    ObjectNode currency = o.putObject("nativeCurrency");
    currency.put("name", "Ether");
    currency.put("symbol", "ETH");
    currency.put("decimals", 18);
    o.putArray("rpcUrls").add(base + "/");
    o.putArray("blockExplorerUrls").add(base + "/explorer");
    ctx.response().putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-cache").end(o.toString());
  }
}
