package dev.bulwark.rpc.bulwark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.Optional;

/** Calls registered methods as the server would over HTTP, with params given as a JSON array. */
final class Rpc {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RpcContext HTTP = new RpcContext() {
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

  Rpc(RpcMethods methods) {
    this.methods = methods;
  }

  /** The result of {@code method} with {@code params} (a JSON array text). */
  JsonNode call(String method, String params) throws RpcException {
    try {
      ArrayNode array = (ArrayNode) JSON.readTree(params);
      return methods.get(method).orElseThrow(() -> RpcException.methodNotFound(method))
          .call(new RpcParams(array), HTTP);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("bad test params " + params, e);
    }
  }
}
