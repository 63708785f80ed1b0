package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.storage.DataDirectory;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of about 19k transfers submitted to two of four in-process validators: the honest relay
 * of the transaction batches (every node to every peer but the sender, so each batch reaches a
 * node from several peers) must not cost any validator a penalty or a ban, and the chain must
 * commit every transfer.
 */
class TransactionBurstTest {
  private static final int VALIDATORS = 4;
  private static final int SENDERS = 300;
  private static final int PER_SENDER = 64; // the mempool's per-sender window
  private static final Duration DEADLINE = Duration.ofSeconds(240);
  private static final Address RECEIVER = Address.fromHex("0x" + "42".repeat(20));

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  @Test
  void aBurstOfTransfersIsCommittedWithoutHonestValidatorsPenalisingEachOther() throws Exception {
    List<Secp256k1.KeyPair> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      senders.add(Secp256k1.fromPrivateKey(Bytes.of(privateKey(i + 1))));
    }
    GeneratedNetwork network = GenesisGenerator.generate(
        new GeneratorOptions(VALIDATORS, "127.0.0.1", 30303, 8545, 1337,
            Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis g = network.genesis();
    Map<Address, AllocAccount> alloc = new LinkedHashMap<>(g.alloc());
    for (Secp256k1.KeyPair s : senders) {
      alloc.put(s.address(), new AllocAccount(BigInteger.TEN.pow(22)));
    }
    Genesis genesis = new Genesis(g.chainId(), g.genesisTime(), g.params(), g.validators(), alloc);
    int[] ports = FreePorts.of(2 * VALIDATORS);
    for (int i = 0; i < VALIDATORS; i++) {
      List<Endpoint> peers = new ArrayList<>();
      for (int j = 0; j < VALIDATORS; j++) {
        if (j != i) {
          peers.add(new Endpoint("127.0.0.1", ports[j]));
        }
      }
      Path home = dir.resolve("validator-" + i);
      nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", ports[i], ports[VALIDATORS + i],
          peers, Set.of(), 50, false, Optional.empty())));
    }
    Await.until("every node commits block 2", DEADLINE, this::heights, h -> minHeight() >= 2);

    List<Bytes> raws = new ArrayList<>(SENDERS * PER_SENDER);
    for (int nonce = 0; nonce < PER_SENDER; nonce++) {
      for (Secp256k1.KeyPair s : senders) {
        raws.add(TransactionSigner.sign(new DynamicFeeTransaction(Optional.of(BigInteger.valueOf(1337)),
            nonce, BigInteger.TEN.pow(9), BigInteger.TEN.pow(11), 21_000, Optional.of(RECEIVER),
            BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE), s).raw());
      }
    }
    Thread second = new Thread(() -> submitHalf(raws, 1));
    second.start();
    submitHalf(raws, 0);
    second.join();

    int total = raws.size();
    try {
      Await.until("every node commits all " + total + " transfers", DEADLINE,
          () -> List.of(heights(), receivedBy()),
          seen -> nodes.stream().allMatch(n ->
              n.ledger().headState().account(RECEIVER).balance().intValue() == total));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; p2p penalties: " + penalties(), e);
    }
    assertThat(penalties()).as("penalties and bans seen by the validators' p2p").isEmpty();
  }

  private void submitHalf(List<Bytes> raws, int half) {
    for (int i = half; i < raws.size(); i += 2) {
      assertThat(nodes.get(half).submitTransaction(raws.get(i))).isInstanceOf(AddResult.Added.class);
    }
  }

  private static byte[] privateKey(int i) {
    byte[] key = new byte[32];
    key[0] = 0x11;
    key[28] = (byte) (i >>> 24);
    key[29] = (byte) (i >>> 16);
    key[30] = (byte) (i >>> 8);
    key[31] = (byte) i;
    return key;
  }

  private long minHeight() {
    return nodes.stream().mapToLong(n -> n.status().head().number()).min().orElse(0);
  }

  private List<Long> heights() {
    return nodes.stream().map(n -> n.status().head().number()).toList();
  }

  private List<BigInteger> receivedBy() {
    return nodes.stream().map(n -> n.ledger().headState().account(RECEIVER).balance()).toList();
  }

  /** The non-zero {@code bulwark_p2p_penalties} and {@code bulwark_p2p_bans} lines of every node's scrape. */
  private List<String> penalties() {
    List<String> out = new ArrayList<>();
    for (Node n : nodes) {
      try {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.rpcPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        response.body().lines()
            .filter(l -> l.startsWith("bulwark_p2p_penalties") || l.startsWith("bulwark_p2p_bans"))
            .filter(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0)
            .forEach(out::add);
      } catch (IOException e) {
        out.add("scrape of " + n.rpcPort() + " failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return out;
  }
}
