package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code eth_subscribe}/{@code eth_unsubscribe} over WebSocket: {@code newHeads} (one header per
 * committed block, in order), {@code logs} (one notification per matching log) and {@code
 * newPendingTransactions} (hashes, or full objects with {@code true}). A subscription lives until
 * unsubscribed or its connection closes; a connection holds at most {@code
 * maxSubscriptionsPerConnection}.
 */
final class Subscriptions implements HeadFeed.Listener, MempoolListener {
  private enum Kind { NEW_HEADS, LOGS, PENDING_HASHES, PENDING_FULL }

  private record Subscription(String id, RpcConnection connection, Kind kind,
      LogCriteria criteria) {}

  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  void register(RpcMethods m) {
    m.register("eth_subscribe", (p, c) -> {
      if (c.connection().isEmpty()) {
        throw new RpcException(RpcException.METHOD_NOT_FOUND, "notifications not supported");
      }
      p.expect(1, 2);
      String name = p.string(0);
      Kind kind;
      LogCriteria criteria = null;
      switch (name) {
        case "newHeads" -> {
          p.expect(1, 1);
          kind = Kind.NEW_HEADS;
        }
        case "logs" -> {
          kind = Kind.LOGS;
          criteria = p.has(1) ? LogCriteria.parse(p, 1) : LogCriteria.parse(emptyObject(), 0);
        }
        case "newPendingTransactions" -> kind = p.has(1) && p.bool(1)
            ? Kind.PENDING_FULL : Kind.PENDING_HASHES;
        default -> throw new RpcException(RpcException.METHOD_NOT_FOUND,
            "no \"" + name + "\" subscription in eth namespace");
      }
      RpcConnection conn = c.connection().get();
      return JSON.textNode(subscribe(conn, kind, criteria,
          c.limits().maxSubscriptionsPerConnection()));
    });
    m.register("eth_unsubscribe", (p, c) -> {
      p.expect(1, 1);
      String id = p.string(0);
      Subscription s = subscriptions.get(id);
      if (s == null || c.connection().isEmpty()
          || !s.connection().id().equals(c.connection().get().id())) {
        throw RpcException.server("subscription not found");
      }
      subscriptions.remove(id);
      return JSON.booleanNode(true);
    });
  }

  private static RpcParams emptyObject() {
    return new RpcParams(JSON.arrayNode().add(JSON.objectNode()));
  }

  private synchronized String subscribe(RpcConnection conn, Kind kind, LogCriteria criteria,
      int max) throws RpcException {
    long held = subscriptions.values().stream()
        .filter(s -> s.connection().id().equals(conn.id())).count();
    if (held >= max) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "too many subscriptions on this"
          + " connection: at most " + max + " (maxSubscriptionsPerConnection)");
    }
    String id = Ids.next();
    subscriptions.put(id, new Subscription(id, conn, kind, criteria));
    conn.onClose(() -> subscriptions.remove(id));
    return id;
  }

  /** The number of live subscriptions (for tests and metrics). */
  int size() {
    return subscriptions.size();
  }

  @Override
  public void onBlock(HeadFeed.NewBlock b) {
    JsonNode header = null;
    for (Subscription s : subscriptions.values()) {
      if (!s.connection().isOpen()) {
        subscriptions.remove(s.id());
        continue;
      }
      if (s.kind() == Kind.NEW_HEADS) {
        if (header == null) {
          header = BlockJson.header(b.block().header(), b.bloom());
        }
        s.connection().notify(s.id(), header);
      } else if (s.kind() == Kind.LOGS) {
        for (StoredLog l : b.logs()) {
          if (s.criteria().matches(l.log())) {
            s.connection().notify(s.id(), TxJson.log(l));
          }
        }
      }
    }
  }

  @Override
  public void onNewTransactions(List<PooledTransaction> batch) {
    for (Subscription s : subscriptions.values()) {
      if (s.kind() == Kind.PENDING_HASHES) {
        batch.forEach(t -> s.connection().notify(s.id(), Hex.hash(t.hash())));
      } else if (s.kind() == Kind.PENDING_FULL) {
        batch.forEach(t -> s.connection().notify(s.id(),
            TxJson.transaction(t.tx(), t.sender(), null)));
      }
    }
  }
}
