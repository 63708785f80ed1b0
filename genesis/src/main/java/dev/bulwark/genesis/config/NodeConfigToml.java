package dev.bulwark.genesis.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads and writes {@code node.toml}; the format is documented in genesis/README.md. */
public final class NodeConfigToml {
  /** The file name the generator uses in each validator directory. */
  public static final String FILE_NAME = "node.toml";
  private static final TomlMapper MAPPER = new TomlMapper();
  private static final Set<String> KEYS = Set.of("genesis", "keyDir", "dataDir", "host", "p2pPort",
      "rpcPort", "peers", "observers", "rpcHost", "rpcCorsOrigins", "rpcAllowedHosts", "rpcMaxBodyBytes",
      "rpcMaxBatchSize", "rpcMaxFrameBytes", "rpcMaxConnections", "rpcMaxSubscriptions", "rpcMaxFilters",
      "rpcFilterTimeoutSeconds", "rpcMaxLogsBlockRange", "rpcMaxLogsResults", "rpcAllowUnprotectedTxs",
      "rpcWsIdleTimeoutSeconds", "rpcWsMaxPendingBytes", "stateHistoryBlocks");
  private static final String HEADER = """
      # Bulwark node configuration (format: genesis/README.md).
      # Relative paths are relative to the directory of this file.
      """;

  private NodeConfigToml() {}

  /** The TOML text of {@code config}, paths as given (normally relative). */
  public static String write(NodeConfig config) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("genesis", slashes(config.genesis()));
    n.put("keyDir", slashes(config.keyDir()));
    n.put("dataDir", slashes(config.dataDir()));
    n.put("host", config.host());
    n.put("p2pPort", config.p2pPort());
    n.put("rpcPort", config.rpcPort());
    config.peers().forEach(p -> n.withArray("peers").add(p.toString()));
    if (config.peers().isEmpty()) {
      n.putArray("peers");
    }
    config.observers().forEach(k -> n.withArray("observers").add(k.toHex()));
    writeRpc(config.rpc(), n);
    if (config.stateHistoryBlocks() != null) {
      n.put("stateHistoryBlocks", config.stateHistoryBlocks());
    }
    try {
      return HEADER + MAPPER.writeValueAsString(n);
    } catch (JacksonException e) {
      throw new IllegalStateException("writing a TOML tree to a string cannot fail", e);
    }
  }

  /** Loads {@code file} with its paths resolved against the file's directory. */
  public static NodeConfig load(Path file) throws NodeConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new NodeConfigException(file.toString(), List.of("cannot read: " + e));
    }
    Path dir = file.toAbsolutePath().getParent();
    return read(text, file.toString()).resolvedAgainst(dir);
  }

  /** Parses TOML text; paths stay as written. {@code source} names the file in messages. */
  public static NodeConfig read(String toml, String source) throws NodeConfigException {
    JsonNode root;
    try {
      root = MAPPER.readTree(toml);
    } catch (JacksonException e) {
      throw new NodeConfigException(source, List.of("invalid TOML: " + e.getOriginalMessage()));
    }
    List<String> problems = new ArrayList<>();
    if (!(root instanceof ObjectNode obj)) {
      throw new NodeConfigException(source, List.of("invalid TOML: not a table"));
    }
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(key + ": unknown field");
      }
    }
    String genesis = text(obj, "genesis", problems);
    String keyDir = text(obj, "keyDir", problems);
    JsonNode dataDirNode = obj.get("dataDir");
    String dataDir = dataDirNode == null ? NodeConfig.DEFAULT_DATA_DIR : text(obj, "dataDir", problems);
    String host = text(obj, "host", problems);
    Integer p2pPort = port(obj, "p2pPort", problems);
    Integer rpcPort = port(obj, "rpcPort", problems);
    List<Endpoint> peers = peers(obj, problems);
    List<Bytes> observers = observers(obj, problems);
    RpcConfig rpc = readRpc(obj, problems);
    Long stateHistoryBlocks = count(obj, "stateHistoryBlocks", problems);
    if (!problems.isEmpty()) {
      throw new NodeConfigException(source, problems);
    }
    try {
      return new NodeConfig(Path.of(genesis), Path.of(keyDir), Path.of(dataDir), host, p2pPort, rpcPort, peers,
          observers, rpc, stateHistoryBlocks);
    } catch (IllegalArgumentException e) {
      throw new NodeConfigException(source, List.of(e.getMessage()));
    }
  }

  private static RpcConfig readRpc(ObjectNode obj, List<String> problems) {
    String host = null;
    if (obj.has("rpcHost")) {
      host = text(obj, "rpcHost", problems);
    }
    return new RpcConfig(host, strings(obj, "rpcCorsOrigins", problems),
        strings(obj, "rpcAllowedHosts", problems), count(obj, "rpcMaxBodyBytes", problems),
        count(obj, "rpcMaxBatchSize", problems), count(obj, "rpcMaxFrameBytes", problems),
        count(obj, "rpcMaxConnections", problems), count(obj, "rpcMaxSubscriptions", problems),
        count(obj, "rpcMaxFilters", problems), count(obj, "rpcFilterTimeoutSeconds", problems),
        count(obj, "rpcMaxLogsBlockRange", problems), count(obj, "rpcMaxLogsResults", problems),
        bool(obj, "rpcAllowUnprotectedTxs", problems), count(obj, "rpcWsIdleTimeoutSeconds", problems),
        count(obj, "rpcWsMaxPendingBytes", problems));
  }

  private static Boolean bool(ObjectNode obj, String key, List<String> problems) {
    JsonNode v = obj.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      problems.add(key + ": must be true or false");
      return null;
    }
    return v.booleanValue();
  }

  private static void writeRpc(RpcConfig rpc, ObjectNode n) {
    if (rpc.host() != null) {
      n.put("rpcHost", rpc.host());
    }
    if (rpc.corsOrigins() != null) {
      rpc.corsOrigins().forEach(n.putArray("rpcCorsOrigins")::add);
    }
    if (rpc.allowedHosts() != null) {
      rpc.allowedHosts().forEach(n.putArray("rpcAllowedHosts")::add);
    }
    String[] keys = {"rpcMaxBodyBytes", "rpcMaxBatchSize", "rpcMaxFrameBytes", "rpcMaxConnections",
        "rpcMaxSubscriptions", "rpcMaxFilters", "rpcFilterTimeoutSeconds", "rpcMaxLogsBlockRange",
        "rpcMaxLogsResults", "rpcWsIdleTimeoutSeconds", "rpcWsMaxPendingBytes"};
    Long[] values = {rpc.maxBodyBytes(), rpc.maxBatchSize(), rpc.maxFrameBytes(), rpc.maxConnections(),
        rpc.maxSubscriptions(), rpc.maxFilters(), rpc.filterTimeoutSeconds(), rpc.maxLogsBlockRange(),
        rpc.maxLogsResults(), rpc.wsIdleTimeoutSeconds(), rpc.wsMaxPendingBytes()};
    if (rpc.allowUnprotectedTxs() != null) {
      n.put("rpcAllowUnprotectedTxs", rpc.allowUnprotectedTxs());
    }
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        n.put(keys[i], values[i]);
      }
    }
  }

  private static List<String> strings(ObjectNode obj, String key, List<String> problems) {
    JsonNode v = obj.get(key);
    if (v == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isTextual() || e.textValue().isBlank()) {
          problems.add(key + ": must be an array of non-empty strings");
          return null;
        }
        out.add(e.textValue().trim());
      }
      return out;
    }
    problems.add(key + ": must be an array of strings");
    return null;
  }

  private static Long count(ObjectNode obj, String key, List<String> problems) {
    JsonNode v = obj.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 1) {
      problems.add(key + ": must be a positive integer");
      return null;
    }
    return v.longValue();
  }

  private static String text(ObjectNode obj, String key, List<String> problems) {
    JsonNode v = obj.get(key);
    if (v == null) {
      problems.add(key + ": is missing");
      return null;
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      problems.add(key + ": must be a non-empty string");
      return null;
    }
    return v.textValue();
  }

  private static Integer port(ObjectNode obj, String key, List<String> problems) {
    JsonNode v = obj.get(key);
    if (v == null) {
      problems.add(key + ": is missing");
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1 || v.intValue() > 65535) {
      problems.add(key + ": must be an integer between 1 and 65535");
      return null;
    }
    return v.intValue();
  }

  private static List<Bytes> observers(ObjectNode obj, List<String> problems) {
    JsonNode v = obj.get("observers");
    List<Bytes> keys = new ArrayList<>();
    if (v == null) {
      return keys;
    }
    if (!v.isArray()) {
      problems.add("observers: must be an array of node public keys (0x + 64 hex digits)");
      return keys;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode k = v.get(i);
      Bytes key = null;
      if (k.isTextual()) {
        try {
          key = Bytes.fromHex(k.textValue());
        } catch (IllegalArgumentException e) {
          key = null;
        }
      }
      if (key == null || !NodeKey.isValidPublicKey(key)) {
        problems.add("observers[" + i + "]: must be a 32-byte Ed25519 node public key as 0x + 64 hex digits");
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static List<Endpoint> peers(ObjectNode obj, List<String> problems) {
    JsonNode v = obj.get("peers");
    List<Endpoint> peers = new ArrayList<>();
    if (v == null) {
      return peers; // a lone node has no peers
    }
    if (!v.isArray()) {
      problems.add("peers: must be an array of \"host:port\" strings");
      return peers;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode p = v.get(i);
      try {
        if (!p.isTextual()) {
          throw new IllegalArgumentException("must be a \"host:port\" string");
        }
        peers.add(Endpoint.parse(p.textValue()));
      } catch (IllegalArgumentException e) {
        problems.add("peers[" + i + "]: " + e.getMessage());
      }
    }
    return peers;
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
