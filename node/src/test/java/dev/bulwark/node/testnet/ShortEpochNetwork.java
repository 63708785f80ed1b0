package dev.bulwark.node.testnet;

import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.node.runtime.Node;
import dev.bulwark.node.runtime.NodeSettings;
import dev.bulwark.node.storage.DataDirectory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Four validators of a fresh network (development accounts funded) in this JVM with short epochs,
 * on OS-assigned loopback ports; its genesis is written as {@code genesis.json} in the directory,
 * as {@code bulwark verify-proof} and the explorer read it.
 */
public final class ShortEpochNetwork implements AutoCloseable {
  /** Validators in the network. */
  public static final int VALIDATORS = 4;

  private final Path genesisFile;
  private final GeneratedNetwork network;
  private final List<Node> nodes = new ArrayList<>();

  /** Starts the network under {@code dir} with epochs of {@code epochLength} blocks. */
  public ShortEpochNetwork(Path dir, long epochLength, long minBlockIntervalMillis)
      throws Exception {
    network = GenesisGenerator.generate(
        new GeneratorOptions(VALIDATORS, "127.0.0.1", 30303, 8545, 1337,
            Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis genesis = withEpochLength(network.genesis(), epochLength);
    genesisFile = dir.resolve("genesis.json");
    Files.writeString(genesisFile, GenesisJsonWriter.write(genesis));
    int[] ports = FreePorts.of(2 * VALIDATORS);
    try {
      for (int i = 0; i < VALIDATORS; i++) {
        List<Endpoint> peers = new ArrayList<>();
        for (int j = 0; j < VALIDATORS; j++) {
          if (j != i) {
            peers.add(new Endpoint("127.0.0.1", ports[j]));
          }
        }
        Path home = dir.resolve("validator-" + i);
        nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
            new DataDirectory(home.resolve("data")), "127.0.0.1", ports[i],
            ports[VALIDATORS + i], peers, Set.of(), minBlockIntervalMillis, false,
            Optional.empty())));
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** The genesis file every node runs. */
  public Path genesisFile() {
    return genesisFile;
  }

  /** Validator {@code i}'s keys (its account is funded in the genesis). */
  public ValidatorKeys keys(int i) {
    return network.validators().get(i).keys();
  }

  /** Validator {@code i}. */
  public Node node(int i) {
    return nodes.get(i);
  }

  /** Validator {@code i}'s JSON-RPC URL. */
  public URI rpcUrl(int i) {
    return URI.create("http://127.0.0.1:" + nodes.get(i).rpcPort() + "/");
  }

  /** Waits until validator 0 has committed block {@code height}. */
  public void awaitHeight(long height, Duration deadline) {
    Await.until("validator 0 commits block " + height, deadline,
        () -> nodes.get(0).status().head().number(), h -> h >= height);
  }

  @Override
  public void close() throws Exception {
    for (Node n : nodes) {
      n.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private static Genesis withEpochLength(Genesis g, long epochLength) {
    GenesisParams p = g.params();
    GenesisParams shortEpochs = new GenesisParams(epochLength, p.maxValidators(), p.minStake(),
        p.unbondingPeriodBlocks(), p.jailDurationBlocks(), p.equivocationSlashBps(),
        p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(), p.inactivityThresholdSlots(),
        p.inactivitySlashBps(), p.blockGasLimit(), p.minBaseFeePerGas(), p.stakingCallGas(),
        p.admin());
    return new Genesis(g.chainId(), g.genesisTime(), shortEpochs, g.validators(), g.alloc());
  }
}
