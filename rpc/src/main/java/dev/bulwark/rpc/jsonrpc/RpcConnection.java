package dev.bulwark.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A live WebSocket connection, for subscriptions. Notifications are written in the order they are
 * sent, and never before the response of the request that is being answered on this connection
 * (so the reply to {@code eth_subscribe} precedes its first notification).
 */
public interface RpcConnection {
  /** A process-unique id of this connection. */
  String id();

  /** Sends {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{subscription, result}}}. */
  void notify(String subscriptionId, JsonNode result);

  /** Runs {@code action} once when the connection closes (at once if it already has). */
  void onClose(Runnable action);

  /** True until the connection closes. */
  boolean isOpen();
}
