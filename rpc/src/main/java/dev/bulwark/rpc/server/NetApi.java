package dev.bulwark.rpc.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The transport-level methods: {@code web3_clientVersion}, {@code net_version} (the chain id in
 * decimal), {@code net_listening} and {@code net_peerCount}.
 */
public final class NetApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NetApi() {}

  /**
   * Registers the four methods on {@code methods}; {@code version} is the node's release (e.g.
   * {@code 0.1.0}), {@code peers} counts connected peers.
   */
  public static void register(RpcMethods methods, long chainId, String version, IntSupplier peers) {
    if (chainId < 0 || version == null || version.isBlank() || peers == null) {
      throw new IllegalArgumentException("net methods need a chain id, a version and a peer count");
    }
    String client = clientVersion(version);
    methods.register("web3_clientVersion", (p, c) -> {
      p.expect(0, 0);
      return NODES.textNode(client);
    });
    methods.register("net_version", (p, c) -> {
      p.expect(0, 0);
      return NODES.textNode(Long.toUnsignedString(chainId));
    });
    methods.register("net_listening", (p, c) -> {
      p.expect(0, 0);
      return NODES.booleanNode(true);
    });
    methods.register("net_peerCount", (p, c) -> {
      p.expect(0, 0);
      return NODES.textNode("0x" + Integer.toHexString(Math.max(0, peers.getAsInt())));
    });
  }

  /** geth's shape: {@code name/vVERSION/os-arch/runtime}, e.g. {@code bulwark/v0.1.0/linux-amd64/java17.0.9}. */
  static String clientVersion(String version) {
    String v = version.startsWith("v") ? version : "v" + version;
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '_');
    String arch = switch (System.getProperty("os.arch", "unknown")) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> System.getProperty("os.arch", "unknown");
    };
    return "bulwark/" + v + "/" + os + "-" + arch + "/java" + Runtime.version();
  }
}
