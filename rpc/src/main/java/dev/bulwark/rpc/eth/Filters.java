package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Polled filters ({@code eth_newFilter}, {@code eth_newBlockFilter}, {@code
 * eth_newPendingTransactionFilter}): each collects what the head feed and the pool announce until
 * {@code eth_getFilterChanges} takes it. A filter not polled for {@code filterTimeoutMillis} is
 * removed ({@code filter not found} after); at most {@code maxFilters} live, the least recently
 * polled evicted first. A filter holds at most {@code maxLogsResults} unpolled changes, oldest
 * dropped first.
 */
final class Filters implements HeadFeed.Listener, MempoolListener {
  private enum Kind { LOGS, BLOCKS, PENDING }

  private static final class Filter {
    final Kind kind;
    final LogCriteria criteria;
    final int capacity;
    final ArrayDeque<JsonNode> changes = new ArrayDeque<>();
    long lastPolled;

    Filter(Kind kind, LogCriteria criteria, int capacity, long now) {
      this.kind = kind;
      this.criteria = criteria;
      this.capacity = capacity;
      this.lastPolled = now;
    }

    void add(JsonNode change) {
      if (changes.size() >= capacity) {
        changes.removeFirst();
      }
      changes.addLast(change);
    }
  }

  private final LogQueries logs;
  private final LongSupplier clock;
  private final Map<String, Filter> filters = new HashMap<>();
  private long timeoutMillis = RpcLimits.DEFAULTS.filterTimeoutMillis();

  Filters(LogQueries logs, LongSupplier clock) {
    this.logs = logs;
    this.clock = clock;
  }

  void register(RpcMethods m) {
    m.register("eth_newFilter", (p, c) -> {
      p.expect(1, 1);
      LogCriteria criteria = LogCriteria.parse(p, 0);
      if (criteria.blockHash().isPresent()) {
        throw RpcException.invalidParams("invalid argument 0: a filter cannot take a blockHash");
      }
      return JSON.textNode(install(Kind.LOGS, criteria, c.limits()));
    });
    m.register("eth_newBlockFilter", (p, c) -> {
      p.expect(0, 0);
      return JSON.textNode(install(Kind.BLOCKS, null, c.limits()));
    });
    m.register("eth_newPendingTransactionFilter", (p, c) -> {
      p.expect(0, 1);
      return JSON.textNode(install(Kind.PENDING, null, c.limits()));
    });
    m.register("eth_getFilterChanges", (p, c) -> {
      p.expect(1, 1);
      return changes(p.string(0), c.limits());
    });
    m.register("eth_getFilterLogs", (p, c) -> {
      p.expect(1, 1);
      LogCriteria criteria = logCriteria(p.string(0), c.limits());
      ArrayNode out = JSON.arrayNode();
      logs.run(criteria, c.limits()).forEach(l -> out.add(TxJson.log(l)));
      return out;
    });
    m.register("eth_uninstallFilter", (p, c) -> {
      p.expect(1, 1);
      String id = p.string(0);
      synchronized (this) {
        expire(c.limits());
        return JSON.booleanNode(filters.remove(id) != null);
      }
    });
  }

  private synchronized String install(Kind kind, LogCriteria criteria, RpcLimits limits) {
    expire(limits);
    while (filters.size() >= limits.maxFilters()) {
      filters.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastPolled))
          .map(Map.Entry::getKey).ifPresent(filters::remove);
    }
    String id = Ids.next();
    filters.put(id, new Filter(kind, criteria, limits.maxLogsResults(), clock.getAsLong()));
    return id;
  }

  private synchronized JsonNode changes(String id, RpcLimits limits) throws RpcException {
    expire(limits);
    Filter f = filters.get(id);
    if (f == null) {
      throw RpcException.server("filter not found");
    }
    f.lastPolled = clock.getAsLong();
    ArrayNode out = JSON.arrayNode();
    out.addAll(f.changes);
    f.changes.clear();
    return out;
  }

  private synchronized LogCriteria logCriteria(String id, RpcLimits limits) throws RpcException {
    expire(limits);
    Filter f = filters.get(id);
    if (f == null || f.kind != Kind.LOGS) {
      throw RpcException.server("filter not found");
    }
    f.lastPolled = clock.getAsLong();
    return f.criteria;
  }

  /** Drops the filters not polled within the timeout. */
  private void expire(RpcLimits limits) {
    timeoutMillis = limits.filterTimeoutMillis();
    long now = clock.getAsLong();
    filters.values().removeIf(f -> now - f.lastPolled >= timeoutMillis);
  }

  @Override
  public synchronized void onBlock(HeadFeed.NewBlock b) {
    long now = clock.getAsLong();
    filters.values().removeIf(f -> now - f.lastPolled >= timeoutMillis);
    long n = b.block().header().number();
    for (Filter f : filters.values()) {
      switch (f.kind) {
        case BLOCKS -> f.add(Hex.hash(b.block().hash()));
        case LOGS -> {
          if (inRange(f.criteria, n)) {
            for (StoredLog l : b.logs()) {
              if (f.criteria.matches(l.log())) {
                f.add(TxJson.log(l));
              }
            }
          }
        }
        default -> { }
      }
    }
  }

  /** A new filter's range: a tag means "as blocks arrive", a number bounds it. */
  private static boolean inRange(LogCriteria c, long n) {
    boolean afterFrom = c.fromBlock().kind() != BlockTag.Kind.NUMBER || n >= c.fromBlock().number();
    boolean beforeTo = c.toBlock().kind() != BlockTag.Kind.NUMBER || n <= c.toBlock().number();
    return afterFrom && beforeTo;
  }

  @Override
  public synchronized void onNewTransactions(List<PooledTransaction> batch) {
    for (Filter f : filters.values()) {
      if (f.kind == Kind.PENDING) {
        batch.forEach(t -> f.add(Hex.hash(t.hash())));
      }
    }
  }
}
