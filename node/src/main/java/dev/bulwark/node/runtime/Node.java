package dev.bulwark.node.runtime;

import dev.bulwark.consensus.liveness.TimeoutPolicy;
import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.MemoizingScheme;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.consensus.ConsensusVerticle;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.consensus.env.MempoolPayloadSource;
import dev.bulwark.consensus.env.LedgerCommittedChain;
import dev.bulwark.node.ledger.LedgerVerticle;
import dev.bulwark.node.network.P2pVerticle;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.status.NodeStatus;
import dev.bulwark.node.status.RpcPorts;
import dev.bulwark.node.storage.GenesisMismatchException;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.rpc.eth.EthApi;
import dev.bulwark.rpc.eth.HeadFeed;
import dev.bulwark.rpc.eth.LedgerChainReader;
import dev.bulwark.rpc.eth.MempoolTransactionPool;
import dev.bulwark.rpc.bulwark.BulwarkApi;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.server.HttpServerVerticle;
import dev.bulwark.rpc.server.NetApi;
import dev.bulwark.rpc.ots.AddressIndex;
import dev.bulwark.rpc.ots.OtsApi;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the ledger, builds the consensus core over its ports and deploys the
 * verticles (ledger worker, p2p, HTTP, consensus) on the node's own Vert.x instance. Everything a
 * node is made of is wired here, in this one place.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final long START_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final Ledger ledger;
  private final NodeStatus status;
  private final Address address;
  private final Mempool mempool;
  private RpcMethods rpcMethods;
  private final List<String> deployments = new ArrayList<>();
  private final Promise<Void> terminated = Promise.promise();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicReference<String> failure = new AtomicReference<>();
  /** An event-loop context of no verticle, which lives until the Vert.x instance closes. */
  private final Context control;
  private int p2pPort;
  private int rpcPort;

  private Node(Vertx vertx, Ledger ledger, NodeStatus status, Address address, Mempool mempool) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.status = status;
    this.address = address;
    this.mempool = mempool;
    this.control = vertx.getOrCreateContext();
  }

  /** Starts a node as {@code settings} describe; returns once it listens and consensus runs. */
  public static Node start(NodeSettings settings) throws NodeStartException {
    Genesis genesis = settings.genesis();
    ChainParams params = genesis.chainParams();
    ValidatorKeys keys = NodeIdentity.load(settings);
    try {
      settings.dataDir().genesisCopy().verify(genesis);
    } catch (GenesisMismatchException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
    Ledger ledger;
    try {
      ledger = settings.dataDir().openLedger(genesis, settings.stateNodesInMemory(),
          settings.stateHistoryBlocks());
    } catch (RuntimeException e) {
      throw new NodeStartException("cannot open the ledger in " + settings.dataDir().ledgerDir()
          + ": " + e.getMessage(), e);
    }
    try {
      // kept only once the store accepted this genesis, so a refused start leaves no trace
      settings.dataDir().genesisCopy().keep(genesis);
    } catch (UncheckedIOException e) {
      ledger.close();
      throw new NodeStartException(e.getMessage(), e);
    }
    ledger.warmStateInBackground();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
        .setInternalBlockingPoolSize(2));
    try {
      return wire(vertx, ledger, settings, genesis, params, keys);
    } catch (NodeStartException | RuntimeException e) {
      vertx.close();
      ledger.close();
      throw e;
    }
  }

  private static Node wire(Vertx vertx, Ledger ledger, NodeSettings settings, Genesis genesis,
      ChainParams params, ValidatorKeys keys) throws NodeStartException {
    String role = settings.observer() ? "observer" : "validator";
    NodeStatus nodeStatus = new NodeStatus(params.chainId(), role, ledger.head());
    SignatureScheme scheme = new MemoizingScheme(SignatureScheme.BLS);
    EvidencePool evidence = new EvidencePool();
    Mempool mempool = new Mempool(MempoolConfig.defaults(),
        new TransactionRules(TransactionRules.Config.of(params.chainId())),
        new PoolHead(ledger.accountView(), FeeMarket.nextBaseFee(ledger.head(), params),
            params.blockGasLimit()));

    Map<Address, Bytes> genesisKeys = new LinkedHashMap<>();
    for (GenesisValidator v : genesis.validators()) {
      genesisKeys.put(v.address(), v.nodePublicKey());
    }
    PeerDirectory directory = new PeerDirectory(genesisKeys, settings.observers());

    Address self;
    SafetyRules safety;
    if (settings.observer()) {
      // Never a member of any set: the rules refuse to sign ("not a validator"), so it never votes.
      BlsKeyPair throwaway = BlsKeyPair.generate(new SecureRandom());
      self = Address.of(Arrays.copyOfRange(Keccak.hash256(throwaway.publicKey().toBytes().toArray()), 12, 32));
      safety = new SafetyRules(params.chainId(),
          new ValidatorSigner(self, throwaway.secretKey(), scheme), new InMemorySafetyStorage());
    } else {
      self = keys.address();
      SafetyStorage storage = settings.dataDir().safetyStorage();
      safety = new SafetyRules(params.chainId(),
          new ValidatorSigner(self, keys.bls().secretKey(), scheme), storage);
      if (genesisKeys.get(self) == null && ledger.validatorSet(ledger.head().epoch() + 1).stream()
          .noneMatch(s -> s.indexOf(self).isPresent())) {
        LOG.warn("{} is not in the genesis validator set; it follows the chain and votes once it"
            + " joins a set", self);
      }
    }
    ConsensusConfig config = new ConsensusConfig(params.chainId(), params.epochLengthBlocks(),
        settings.minBlockIntervalMillis(), 500, TimeoutPolicy.DEFAULT, 32, 50);
    // An observer never signs, so it has nothing a persisted tree would let it recover.
    BlockTreeStorage tree = settings.observer()
        ? new InMemoryBlockTreeStorage() : settings.dataDir().blockTreeStorage();
    RoundManager core = new RoundManager(config, safety,
        new MempoolPayloadSource(params, mempool, evidence), ledger::validatorSet,
        new LedgerCommittedChain(ledger.chain()), tree);

    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("bulwark.height", nodeStatus, st -> st.head().number())
        .description("latest committed block").register(metrics);
    Gauge.builder("bulwark.round", nodeStatus, st -> st.health().round()).register(metrics);
    Gauge.builder("bulwark.epoch", nodeStatus, st -> st.health().epoch()).register(metrics);
    Gauge.builder("bulwark.mempool.size", mempool, Mempool::size).register(metrics);
    Gauge.builder("bulwark.evidence.pending", evidence, EvidencePool::size).register(metrics);
    Gauge.builder("bulwark.state.resident.nodes", ledger.chain().stateTree(),
            MerkleStateTree::residentNodes)
        .description("state-tree internal nodes held in memory").register(metrics);
    var p2pBuilder = P2pConfig.builder(keys.node(), params.chainId(),
            ledger.chain().block(0).orElseThrow().hash().bytes())
        .listen(settings.host(), settings.p2pPort())
        .peers(settings.peers().stream().map(e -> new PeerAddress(e.host(), e.port())).toList());
    settings.tls().ifPresent(p2pBuilder::tls);
    P2pConfig p2pConfig = p2pBuilder.build();
    P2pNetwork network = new P2pNetwork(vertx, p2pConfig, directory, metrics);

    Node node = new Node(vertx, ledger, nodeStatus, self, mempool);
    BusMessages.registerCodecs(vertx.eventBus());
    P2pVerticle p2p = new P2pVerticle(network, params.chainId(), scheme, evidence, nodeStatus,
        Math.max(1, Runtime.getRuntime().availableProcessors()), mempool);
    mempool.addListener(p2p.relay());
    node.rpcMethods = rpcMethods(params, nodeStatus);
    HeadFeed heads = registerEthMethods(node.rpcMethods, ledger, mempool, settings, nodeStatus);
    registerBulwarkRpc(node.rpcMethods, ledger, nodeStatus, evidence, role,
        keys.node().publicKey(), settings.observer() ? Optional.empty() : Optional.of(self));
    HttpServerVerticle http = new HttpServerVerticle(settings.rpc().serverConfig(settings.rpcPort()),
        node.rpcMethods, nodeStatus::health, metrics::scrape);
    ConsensusVerticle consensus = new ConsensusVerticle(core, directory, evidence, nodeStatus,
        Clock.systemUTC(), node::fail);

    node.deploy(new LedgerVerticle(ledger, mempool, evidence, nodeStatus, metrics,
            heads::onCommitted),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER), "ledger");
    node.deploy(p2p, new DeploymentOptions(), "p2p");
    node.p2pPort = settings.p2pPort();
    node.deploy(http, new DeploymentOptions(), "HTTP");
    node.rpcPort = http.actualPort();
    node.deploy(consensus, ConsensusVerticle.deploymentOptions(), "consensus");
    LOG.info("{} {} started: chain {}, head {} ({}), p2p {}:{}, HTTP {}:{}", role, self,
        params.chainId(), ledger.head().number(), ledger.head().hash(), settings.host(),
        node.p2pPort, settings.rpc().host(), node.rpcPort);
    return node;
  }

  /** The JSON-RPC method table; each API registers its methods here, once. */
  private static RpcMethods rpcMethods(ChainParams params, NodeStatus status) {
    RpcMethods methods = new RpcMethods();
    NetApi.register(methods, params.chainId(), version(), status::peerCount);
    return methods;
  }

  /**
   * The eth_* and txpool_* methods over this node's ledger and mempool; returns the head feed the
   * ledger worker calls after each commit (newHeads, logs, filters).
   */
  private static HeadFeed registerEthMethods(RpcMethods methods, Ledger ledger, Mempool mempool,
      NodeSettings settings, NodeStatus status) {
    LedgerChainReader chain = new LedgerChainReader(ledger);
    HeadFeed heads = new HeadFeed(chain);
    EthApi.register(methods, chain, new MempoolTransactionPool(mempool),
        () -> status.health().syncing()
            ? OptionalLong.of(status.highestSeen()) : OptionalLong.empty(),
        heads, new EthApi.Config(settings.rpc().allowUnprotectedTxs(), System::currentTimeMillis));
    OtsApi.register(methods, AddressIndex.start(chain, heads));
    return heads;
  }

  /** The release in the jar manifest, or {@code 0.0.0-dev} when run from classes. */
  private static String version() {
    String v = Node.class.getPackage().getImplementationVersion();
    return v == null ? "0.0.0-dev" : v;
  }

  /** The bulwark_* and qbft_* methods over this node's ports (issue 12 section 2). */
  private static void registerBulwarkRpc(RpcMethods methods, Ledger ledger, NodeStatus status,
      EvidencePool evidence, String role, Bytes nodeKey, Optional<Address> validator) {
    RpcPorts ports = new RpcPorts(status, evidence, role, nodeKey, validator);
    BulwarkApi.register(methods, ledger, ports, ports, ports, version());
  }

  private void deploy(io.vertx.core.Deployable verticle, DeploymentOptions options, String what)
      throws NodeStartException {
    deployments.add(await(vertx.deployVerticle(verticle, options), "start the " + what + " verticle"));
  }

  private static <T> T await(Future<T> future, String what) throws NodeStartException {
    try {
      return future.toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new NodeStartException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new NodeStartException("cannot " + what + ": no answer in " + START_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeStartException("interrupted while trying to " + what, e);
    }
  }

  private void fail(String reason) {
    LOG.error("stopping the node: {}", reason);
    failure.compareAndSet(null, reason);
    // Faults are reported from the consensus worker context, whose pool closes when consensus is
    // undeployed: a stop chained there would never get past that first step.
    control.runOnContext(v -> stop());
  }

  /**
   * Stops accepting work and shuts down in reverse order: consensus first (no new votes), then
   * p2p and HTTP, then the ledger worker (after its queued commits), then the store is closed.
   */
  public Future<Void> stop() {
    if (!stopping.compareAndSet(false, true)) {
      return terminated.future().recover(e -> Future.succeededFuture());
    }
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> {
        LOG.warn("undeploying {} failed: {}", id, e.toString());
        return Future.succeededFuture();
      }));
    }
    return chain.compose(v -> vertx.close()).eventually(() -> {
      ledger.close();
      LOG.info("node stopped at block {}", ledger.head().number());
      // stop() completes `terminated` itself, so a fault must be known here or it reads as success
      String reason = failure.get();
      if (reason == null) {
        terminated.tryComplete();
      } else {
        terminated.tryFail(reason);
      }
      return Future.succeededFuture();
    });
  }

  /** Completes when the node has stopped; failed when it stopped because of a fault. */
  public Future<Void> terminated() {
    return terminated.future();
  }

  /** The node's live figures. */
  public NodeStatus status() {
    return status;
  }

  /** The validator (or observer's throwaway) address the node signs as. */
  public Address address() {
    return address;
  }

  /** The bound p2p port. */
  public int p2pPort() {
    return p2pPort;
  }

  /** The bound HTTP (RPC) port. */
  public int rpcPort() {
    return rpcPort;
  }

  /**
   * Admits a raw signed transaction to the mempool (Ethereum's error texts on rejection); an
   * admitted one is gossiped to the peers. Thread-safe.
   */
  public AddResult submitTransaction(Bytes raw) {
    return mempool.add(raw.toArray(), TxOrigin.LOCAL);
  }

  /** The JSON-RPC method table the node serves. */
  public RpcMethods rpcMethods() {
    return rpcMethods;
  }

  /** The node's ledger (reads only). */
  public Ledger ledger() {
    return ledger;
  }
}
