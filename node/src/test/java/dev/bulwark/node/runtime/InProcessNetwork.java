package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.node.storage.DataDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Four validators of a fresh network in this JVM, on OS-assigned loopback ports, with their data
 * under one directory; {@link #close} stops those still running.
 */
final class InProcessNetwork implements AutoCloseable {
  static final int VALIDATORS = 4;

  private final Path dir;
  private final Genesis genesis;
  private final int[] ports;
  private final List<Node> nodes = new ArrayList<>();

  InProcessNetwork(Path dir) throws Exception {
    this.dir = dir;
    GeneratedNetwork network = GenesisGenerator.generate(
        new GeneratorOptions(VALIDATORS, "127.0.0.1", 30303, 8545, 1337,
            Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    this.genesis = network.genesis();
    this.ports = FreePorts.of(2 * VALIDATORS);
  }

  /** Starts every validator; returns them in index order. */
  List<Node> start(long minBlockIntervalMillis) throws NodeStartException {
    for (int i = 0; i < VALIDATORS; i++) {
      nodes.add(startValidator(i, minBlockIntervalMillis));
    }
    return List.copyOf(nodes);
  }

  /** Validator {@code i}'s data directory. */
  DataDirectory data(int i) {
    return new DataDirectory(dir.resolve("validator-" + i).resolve("data"));
  }

  private Node startValidator(int i, long minBlockIntervalMillis) throws NodeStartException {
    List<Endpoint> peers = new ArrayList<>();
    for (int j = 0; j < VALIDATORS; j++) {
      if (j != i) {
        peers.add(new Endpoint("127.0.0.1", ports[j]));
      }
    }
    return Node.start(new NodeSettings(genesis, Optional.of(dir.resolve("validator-" + i)),
        data(i), "127.0.0.1", ports[i], ports[VALIDATORS + i], peers, Set.of(),
        minBlockIntervalMillis, false, Optional.empty()));
  }

  /** The lowest committed height among the nodes. */
  long minHeight() {
    return nodes.stream().mapToLong(n -> n.status().head().number()).min().orElse(0);
  }

  /** Each node's committed height. */
  List<Long> heights() {
    return nodes.stream().map(n -> n.status().head().number()).toList();
  }

  /** Stops every node, failing rather than hanging when one does not stop within a minute. */
  @Override
  public void close() throws Exception {
    for (Node n : nodes) {
      n.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
