package dev.bulwark.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC method: decodes its parameters, answers a result or throws an error. */
@FunctionalInterface
public interface RpcMethod {
  /**
   * Answers one call. Runs off the event loops (it may read the store); must not block on other
   * requests. Returns the {@code result} member (JSON null for "not found").
   */
  JsonNode call(RpcParams params, RpcContext context) throws RpcException;
}
