package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The Ethereum namespace ({@code eth_*}, {@code txpool_*}) over the node's ports; documented in
 * {@code rpc/README.md}, "Ethereum methods".
 */
public final class EthApi {
  /**
   * Settings of the Ethereum methods.
   *
   * @param allowUnprotectedTxs whether {@code eth_sendRawTransaction} admits pre-EIP-155
   *     transactions ({@code --rpc-allow-unprotected-txs}, default true)
   * @param clock wall-clock milliseconds, for filter expiry
   */
  public record Config(boolean allowUnprotectedTxs, LongSupplier clock) {
    public Config {
      if (clock == null) {
        throw new IllegalArgumentException("a clock is required");
      }
    }

    /** Unprotected transactions allowed, the system clock. */
    public static Config defaults() {
      return new Config(true, System::currentTimeMillis);
    }
  }

  private EthApi() {}

  /**
   * Registers every Ethereum method in {@code methods} and subscribes filters and subscriptions
   * to {@code feed} (committed blocks) and {@code pool} (new pending transactions).
   */
  public static void register(RpcMethods methods, ChainReader chain, TransactionPool pool,
      SyncStatus sync, HeadFeed feed, Config config) {
    Blocks blocks = new Blocks(chain);
    registerBasics(methods, chain, sync);
    new StateMethods(blocks, pool).register(methods);
    new BlockMethods(blocks, pool).register(methods);
    new FeeMethods(blocks).register(methods);
    new PoolMethods(pool, config.allowUnprotectedTxs()).register(methods);
    LogQueries logs = new LogQueries(blocks);
    methods.register("eth_getLogs", (p, c) -> {
      p.expect(1, 1);
      LogCriteria criteria = LogCriteria.parse(p, 0);
      var out = JSON.arrayNode();
      logs.run(criteria, c.limits()).forEach(l -> out.add(TxJson.log(l)));
      return out;
    });
    Filters filters = new Filters(logs, config.clock());
    filters.register(methods);
    Subscriptions subscriptions = new Subscriptions();
    subscriptions.register(methods);
    feed.addListener(filters);
    feed.addListener(subscriptions);
    pool.addListener(filters);
    pool.addListener(subscriptions);
  }

  private static void registerBasics(RpcMethods methods, ChainReader chain, SyncStatus sync) {
    methods.register("eth_chainId", (p, c) -> {
      p.expect(0, 0);
      return Hex.quantity(chain.params().chainId());
    });
    methods.register("eth_accounts", (p, c) -> {
      p.expect(0, 0);
      return JSON.arrayNode();
    });
    AtomicLong startingBlock = new AtomicLong(-1);
    methods.register("eth_syncing", (p, c) -> {
      p.expect(0, 0);
      long current = chain.head().number();
      OptionalLong highest = sync.highestBlock();
      if (highest.isEmpty() || highest.getAsLong() <= current) {
        startingBlock.set(-1);
        return JSON.booleanNode(false);
      }
      startingBlock.compareAndSet(-1, current);
      ObjectNode o = JSON.objectNode();
      o.set("startingBlock", Hex.quantity(startingBlock.get()));
      o.set("currentBlock", Hex.quantity(current));
      o.set("highestBlock", Hex.quantity(highest.getAsLong()));
      return o;
    });
  }

}
