package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.network.WireTypes;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.transport.MessageType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connected peer that sends garbage of every node message type (seeded, printed on failure):
 * the node keeps committing, and the peer loses its session (penalised, then banned).
 */
class HostilePeerTest {
  private static final long SEED = 20261121L;

  @TempDir Path dir;
  private Node node;
  private final Vertx rogueVertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    rogueVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    if (node != null) {
      node.stop().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void garbageFromAnAdmittedPeerNeverStopsTheNodeAndCostsThePeerItsSession() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(1, "127.0.0.1", 30303,
        8545, 1337, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    NodeKey rogueKey = NodeKey.generate(new SecureRandom());
    int p2p;
    int rpc;
    try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
      p2p = a.getLocalPort();
      rpc = b.getLocalPort();
    }
    Path home = dir.resolve("validator-0");
    node = Node.start(new NodeSettings(network.genesis(), Optional.of(home),
        new DataDirectory(home.resolve("data")), "127.0.0.1", p2p, rpc, List.of(),
        Set.of(rogueKey.publicKey()), 50, false, Optional.empty()));
    awaitHeight(3);

    P2pNetwork rogue = new P2pNetwork(rogueVertx, P2pConfig.builder(rogueKey, 1337,
        node.ledger().chain().block(0).orElseThrow().hash().bytes()).listen("127.0.0.1", 0).build(),
        key -> true, new SimpleMeterRegistry());
    rogue.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    rogue.connect(new PeerAddress("127.0.0.1", p2p)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    PeerId target = new PeerId(KeyFiles.read(home).node().publicKey());

    SplittableRandom random = new SplittableRandom(SEED);
    List<MessageType> types = List.of(WireTypes.CONSENSUS, WireTypes.TRANSACTIONS, WireTypes.EVIDENCE);
    long before = node.status().head().number();
    int sent = 0;
    for (int i = 0; i < 400 && !rogue.connectedPeers().isEmpty(); i++) {
      byte[] junk = new byte[random.nextInt(0, 300)];
      random.nextBytes(junk);
      Bytes payload = i % 3 == 1
          ? Bytes.of(Rlp.encode(Rlp.list(Rlp.str(junk), Rlp.str(new byte[] {1, 2, 3})))) // a batch of junk txs
          : Bytes.of(junk);
      if (rogue.send(target, types.get(i % types.size()), payload)) {
        sent++;
      }
    }
    assertThat(sent).as("seed %d: frames written before the session went", SEED).isPositive();

    Await.until("seed " + SEED + ": the node drops the hostile session", Duration.ofSeconds(30),
        rogue::connectedPeers, Collection::isEmpty);
    awaitHeight(before + 5);
    assertThat(node.status().health().role()).isEqualTo("validator");
  }

  private void awaitHeight(long height) {
    Await.until("seed " + SEED + ": height " + height, Duration.ofSeconds(60),
        () -> node.status().head().number(), h -> h >= height);
  }
}
