package dev.bulwark.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethod;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real ledger over an in-memory store (ChainFixture's chain: chain id 1337, funded users, the
 * fake system module at the staking address, or the real staking module), a real mempool, the
 * head feed, and every Ethereum method registered; calls go through the method table as the
 * server would dispatch them.
 */
final class EthFixture implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  final ChainFixture f;
  final Ledger ledger;
  final Mempool mempool;
  final LedgerChainReader chain;
  final HeadFeed feed;
  final RpcMethods methods = new RpcMethods();
  final AtomicLong clock = new AtomicLong(1_000_000);
  RpcLimits limits = RpcLimits.DEFAULTS;

  EthFixture() {
    this(true, false);
  }

  /** A fixture; {@code staking} for the real staking module instead of the fake one. */
  EthFixture(boolean allowUnprotected, boolean staking) {
    this(allowUnprotected, staking, 0);
  }

  /** As above, keeping only the last {@code stateHistoryBlocks} blocks' states (0: all). */
  EthFixture(boolean allowUnprotected, boolean staking, long stateHistoryBlocks) {
    f = new ChainFixture(4, 1000, 30_000_000);
    SystemModule module = staking ? new StakingModule(f.params()) : f.module();
    ledger = Ledger.open(new InMemoryStore(), f.genesis(), module,
        GenesisBlock.of(f.genesis(), module), MerkleStateTree.defaultResidentNodes(),
        stateHistoryBlocks);
    mempool = new Mempool(MempoolConfig.defaults(),
        new TransactionRules(TransactionRules.Config.of(ChainFixture.CHAIN_ID)),
        new PoolHead(ledger.accountView(), FeeMarket.nextBaseFee(ledger.head(), f.params()),
            f.params().blockGasLimit()));
    chain = new LedgerChainReader(ledger);
    feed = new HeadFeed(chain);
    EthApi.register(methods, chain, new MempoolTransactionPool(mempool), SyncStatus.IN_SYNC, feed,
        new EthApi.Config(allowUnprotected, clock::get));
  }

  /** Builds and commits one block of {@code txs} without announcing it. */
  Block commitQuietly(List<SignedTransaction> txs) {
    BuiltBlock built = ledger.build(f.template(ledger.head(), 0), txs, List.of());
    try {
      ledger.commit(built.block(), f.commitProof(built.block().header()));
    } catch (InvalidBlockException e) {
      throw new AssertionError("a built block must be valid", e);
    }
    mempool.onCommit(built.result().transactionHashes(), ledger.accountView(),
        FeeMarket.nextBaseFee(ledger.head(), f.params()));
    return built.block();
  }

  /** Commits one block of {@code txs} and runs the head feed, as the ledger worker does. */
  Block commit(SignedTransaction... txs) {
    Block b = commitQuietly(List.of(txs));
    feed.onCommitted();
    return b;
  }

  /** The result of {@code method(params)} over HTTP (no connection). */
  JsonNode call(String method, Object... params) throws RpcException {
    return call(Optional.empty(), method, params);
  }

  /** The result of {@code method(params)} on {@code connection}. */
  JsonNode call(Optional<RpcConnection> connection, String method, Object... params)
      throws RpcException {
    RpcMethod m = methods.get(method).orElseThrow(() -> RpcException.methodNotFound(method));
    ArrayNode array = MAPPER.createArrayNode();
    for (Object p : params) {
      array.add(MAPPER.valueToTree(p));
    }
    return m.call(new RpcParams(array), context(connection));
  }

  /** The result of {@code method} with raw JSON params {@code paramsJson}. */
  JsonNode callJson(String method, String paramsJson) throws Exception {
    RpcMethod m = methods.get(method).orElseThrow(() -> RpcException.methodNotFound(method));
    return m.call(new RpcParams((ArrayNode) MAPPER.readTree(paramsJson)),
        context(Optional.empty()));
  }

  RpcContext context(Optional<RpcConnection> connection) {
    RpcLimits l = limits;
    return new RpcContext() {
      @Override
      public Optional<RpcConnection> connection() {
        return connection;
      }

      @Override
      public RpcLimits limits() {
        return l;
      }
    };
  }

  @Override
  public void close() {
    ledger.close();
  }

  /** A WebSocket connection stand-in that records notifications. */
  static final class Connection implements RpcConnection {
    record Notification(String subscription, JsonNode result) {}

    private static final AtomicLong IDS = new AtomicLong();
    final String id = "c" + IDS.incrementAndGet();
    final List<Notification> received = new CopyOnWriteArrayList<>();
    final List<Runnable> closers = new ArrayList<>();
    volatile boolean open = true;

    @Override
    public String id() {
      return id;
    }

    @Override
    public void notify(String subscriptionId, JsonNode result) {
      received.add(new Notification(subscriptionId, result));
    }

    @Override
    public synchronized void onClose(Runnable action) {
      if (!open) {
        action.run();
      } else {
        closers.add(action);
      }
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    synchronized void close() {
      open = false;
      closers.forEach(Runnable::run);
    }

    List<JsonNode> results(String subscription) {
      return received.stream().filter(n -> n.subscription().equals(subscription))
          .map(Notification::result).toList();
    }
  }
}
