package dev.bulwark.node.cluster;

import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.KeyFileException;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.network.WireTypes;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.transport.MessageType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stream of signed transfers into a test cluster over p2p, the path validators gossip them on:
 * a peer holding the observer's admitted node key dials every validator (and redials after they
 * restart) and gossips a batch of one transfer per development account every {@link #PERIOD}. Nonces
 * continue from the committed state a stopped node stored, since a kill loses the mempools.
 */
final class TransferLoad implements AutoCloseable {
  /** Time between two batches. */
  static final Duration PERIOD = Duration.ofMillis(100);

  private static final Address RECEIVER = Address.fromHex("0x" + "42".repeat(20));

  private final Vertx vertx = Vertx.vertx();
  private final P2pNetwork network;
  private final long chainId;
  private final List<Secp256k1.KeyPair> senders = new ArrayList<>();
  private final long[] nonces;
  private long timer = -1;
  private long sent;

  /** A load client for {@code cluster}, not yet sending; {@code genesisHash} binds the p2p handshake. */
  TransferLoad(ClusterFixture cluster, Bytes genesisHash, List<PeerAddress> validators)
      throws KeyFileException {
    this.chainId = cluster.genesis().chainParams().chainId();
    for (DevAccount a : DevAccounts.standard()) {
      senders.add(Secp256k1.fromPrivateKey(a.privateKey()));
    }
    this.nonces = new long[senders.size()];
    P2pConfig config =
        P2pConfig.builder(KeyFiles.read(cluster.observerKeyDir()).node(), chainId, genesisHash)
            .listen("127.0.0.1", 0)
            .peers(validators)
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0.5)
            .build();
    this.network = new P2pNetwork(vertx, config, key -> true, new SimpleMeterRegistry());
    // What the validators send it is of no interest, but an unknown frame type would count
    // against them and get them banned from this client.
    for (MessageType type : List.of(WireTypes.CONSENSUS, WireTypes.TRANSACTIONS, WireTypes.EVIDENCE)) {
      network.register(type, message -> { });
    }
  }

  /** The hash of the genesis block of {@code genesis}, computed in a scratch data directory. */
  static Bytes genesisHash(Genesis genesis, Path scratch) {
    try (Ledger ledger = new DataDirectory(scratch).openLedger(genesis)) {
      return ledger.chain().block(0).orElseThrow().hash().bytes();
    }
  }

  /** Starts listening and dialling. */
  void start() throws InterruptedException, ExecutionException, TimeoutException {
    network.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * Continues every sender's nonces from the highest committed state the stopped nodes stored in
   * {@code data} (a node behind the others would have it send nonces already spent).
   */
  synchronized void resetNonces(List<DataDirectory> data, Genesis genesis) {
    Arrays.fill(nonces, 0);
    for (DataDirectory d : data) {
      try (Ledger ledger = d.openLedger(genesis)) {
        for (int i = 0; i < senders.size(); i++) {
          nonces[i] = Math.max(nonces[i], ledger.headState().account(senders.get(i).address()).nonce());
        }
      }
    }
  }

  /** Sends a batch every {@link #PERIOD} until {@link #pause}. */
  synchronized void resume() {
    if (timer < 0) {
      timer = vertx.setPeriodic(PERIOD.toMillis(), id -> sendBatch());
    }
  }

  /** Stops sending (the nodes are about to die). */
  synchronized void pause() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private synchronized void sendBatch() {
    if (network.connectedPeers().isEmpty()) {
      return;
    }
    List<Bytes> raws = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      raws.add(
          TransactionSigner.sign(
                  new DynamicFeeTransaction(
                      Optional.of(BigInteger.valueOf(chainId)),
                      nonces[i]++,
                      BigInteger.TEN.pow(9),
                      BigInteger.TEN.pow(11),
                      21_000,
                      Optional.of(RECEIVER),
                      BigInteger.ONE,
                      Bytes.EMPTY,
                      List.of(),
                      TransactionSignature.NONE),
                  senders.get(i))
              .raw());
    }
    network.broadcast(
        WireTypes.TRANSACTIONS, Bytes.of(Rlp.encode(Rlp.list(raws.stream().map(Rlp::str).toList()))));
    sent += raws.size();
  }

  /** Transfers sent so far. */
  synchronized long sent() {
    return sent;
  }

  /** Balance of the receiver in the state {@code data} stored (its node must be down). */
  static BigInteger received(DataDirectory data, Genesis genesis) {
    try (Ledger ledger = data.openLedger(genesis)) {
      return ledger.headState().account(RECEIVER).balance();
    }
  }

  @Override
  public void close() throws Exception {
    pause();
    network.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
