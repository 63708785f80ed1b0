package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.testkit.Await;
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
import dev.bulwark.p2p.peer.PeerId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admitted observer floods validator 0 with transaction batches (distinct frames of 256 validly
 * signed transfers from an unfunded account, so every one costs a sender recovery and none is
 * pooled): first paced within its gossip budget, where the validators must keep committing blocks,
 * then as fast as it can, which must get it rate-limited and banned, while no validator is ever
 * penalised.
 */
class TransactionFloodTest {
  private static final int VALIDATORS = 4;
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();
  private final Vertx rogueVertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    rogueVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  @Test
  void blocksKeepBeingCommittedWhileAPeerFloodsTransactionFramesAndTheFlooderIsBanned()
      throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(VALIDATORS,
        "127.0.0.1", 30303, 8545, 1337, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    NodeKey rogueKey = NodeKey.generate(new SecureRandom());
    int[] ports = FreePorts.of(2 * VALIDATORS);
    for (int i = 0; i < VALIDATORS; i++) {
      List<Endpoint> peers = new ArrayList<>();
      for (int j = 0; j < VALIDATORS; j++) {
        if (j != i) {
          peers.add(new Endpoint("127.0.0.1", ports[j]));
        }
      }
      Path home = dir.resolve("validator-" + i);
      nodes.add(Node.start(new NodeSettings(network.genesis(), Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", ports[i], ports[VALIDATORS + i],
          peers, Set.of(rogueKey.publicKey()), 50, false, Optional.empty())));
    }
    Await.until("every node commits block 2", DEADLINE, this::heights, h -> minHeight() >= 2);

    P2pNetwork rogue = new P2pNetwork(rogueVertx, P2pConfig.builder(rogueKey, 1337,
        nodes.get(0).ledger().chain().block(0).orElseThrow().hash().bytes())
        .listen("127.0.0.1", 0).build(), key -> true, new SimpleMeterRegistry());
    rogue.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    rogue.connect(new PeerAddress("127.0.0.1", ports[0])).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    PeerId target = new PeerId(KeyFiles.read(dir.resolve("validator-0")).node().publicKey());
    List<Bytes> txs = unfundedTransfers(256);

    // Within budget: 5 frames every 50 ms (100 frames/s, about 2.9 MB/s of 4 MiB/s).
    AtomicInteger rotation = new AtomicInteger();
    long pacer = rogueVertx.setPeriodic(50, id -> {
      for (int i = 0; i < 5; i++) {
        rogue.send(target, WireTypes.TRANSACTIONS, batch(txs, rotation.getAndIncrement()));
      }
    });
    long before = maxHeight();
    Await.until("every node commits 10 blocks during the paced flood", DEADLINE, this::heights,
        h -> minHeight() >= before + 10);
    rogueVertx.cancelTimer(pacer);
    assertThat(rotation.get()).as("frames sent while paced").isGreaterThan(0);
    assertThat(rogue.connectedPeers()).as("a flood within budget keeps its session").isNotEmpty();

    // Unpaced: far past the gossip budget.
    for (int i = 0; i < 3_000 && !rogue.connectedPeers().isEmpty(); i++) {
      rogue.send(target, WireTypes.TRANSACTIONS, batch(txs, rotation.getAndIncrement()));
    }
    Await.until("validator 0 bans the flooder", DEADLINE, rogue::connectedPeers,
        Collection::isEmpty);
    long after = maxHeight();
    Await.until("every node keeps committing", DEADLINE, this::heights,
        h -> minHeight() >= after + 5);
    List<String> penalties = penalties(0);
    assertThat(penalties).as("validator 0 penalised only the flooder's rate")
        .allMatch(l -> l.contains("RATE_LIMITED") || l.startsWith("bulwark_p2p_bans"))
        .anyMatch(l -> l.startsWith("bulwark_p2p_bans") && l.endsWith(" 1.0"));
    for (int i = 1; i < VALIDATORS; i++) {
      assertThat(penalties(i)).as("penalties at validator " + i).isEmpty();
    }
    assertThat(nodes.get(0).status().peerInfos()).as("validator 0's validator peers")
        .filteredOn(p -> p.role().equals("validator")).isNotEmpty()
        .allMatch(p -> p.score() == 0);
  }

  /** One batch of {@code txs} rotated by {@code rotation}, so that every frame is new. */
  private static Bytes batch(List<Bytes> txs, int rotation) {
    List<Bytes> rotated = new ArrayList<>(txs);
    Collections.rotate(rotated, rotation % txs.size());
    if (rotation >= txs.size()) {
      Collections.swap(rotated, 0, 1 + (rotation / txs.size()) % (txs.size() - 1));
    }
    return Bytes.of(Rlp.encode(Rlp.list(rotated.stream().map(Rlp::str).toList())));
  }

  private static List<Bytes> unfundedTransfers(int n) {
    Secp256k1.KeyPair poor = Secp256k1.fromPrivateKey(Bytes.fromHex("0x" + "77".repeat(32)));
    List<Bytes> out = new ArrayList<>();
    for (int nonce = 0; nonce < n; nonce++) {
      out.add(TransactionSigner.sign(new DynamicFeeTransaction(
          Optional.of(BigInteger.valueOf(1337)), nonce, BigInteger.TEN.pow(9),
          BigInteger.TEN.pow(11), 21_000, Optional.of(Address.fromHex("0x" + "42".repeat(20))),
          BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE), poor).raw());
    }
    return out;
  }

  private long minHeight() {
    return nodes.stream().mapToLong(n -> n.status().head().number()).min().orElse(0);
  }

  private long maxHeight() {
    return nodes.stream().mapToLong(n -> n.status().head().number()).max().orElse(0);
  }

  private List<Long> heights() {
    return nodes.stream().map(n -> n.status().head().number()).toList();
  }

  /** The non-zero {@code bulwark_p2p_penalties} and {@code bulwark_p2p_bans} lines of node i. */
  private List<String> penalties(int i) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nodes.get(i).rpcPort() + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body().lines()
        .filter(l -> l.startsWith("bulwark_p2p_penalties") || l.startsWith("bulwark_p2p_bans"))
        .filter(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0)
        .toList();
  }
}
