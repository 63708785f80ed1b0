package dev.bulwark.rpc.jsonrpc;

import java.util.Optional;

/** What a method may know of the call it answers: the transport and the configured limits. */
public interface RpcContext {
  /** The WebSocket connection the call came on; empty over HTTP. */
  Optional<RpcConnection> connection();

  /** The node's configured RPC limits. */
  RpcLimits limits();
}
