package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.node.storage.GenesisCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node keeps the genesis it first started with in its data directory and refuses another. */
class GenesisCopyTest {
  @TempDir Path dir;

  private Genesis network(Path out, long chainId) throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(4, "127.0.0.1",
        30303, 8545, chainId, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, out, false);
    return network.genesis();
  }

  private static Node start(Genesis genesis, Path keys, DataDirectory data) throws NodeStartException {
    return Node.start(new NodeSettings(genesis, Optional.of(keys), data, "127.0.0.1", 0, 0,
        List.of(), Set.of(), 250, false, Optional.empty()));
  }

  @Test
  void theFirstStartKeepsTheGenesisAndALaterStartWithAnotherOneIsRefused() throws Exception {
    Genesis mine = network(dir.resolve("mine"), 1337);
    Genesis other = network(dir.resolve("other"), 99);
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    Path keys = dir.resolve("mine/validator-0");

    start(mine, keys, data).stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Path copy = data.root().resolve("genesis.json");
    assertThat(copy).exists();
    assertThat(GenesisCopy.hashOf(GenesisLoader.load(copy))).isEqualTo(GenesisCopy.hashOf(mine));

    String kept = Files.readString(copy);
    assertThatThrownBy(() -> start(other, keys, data))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("belongs to genesis " + GenesisCopy.hashOf(mine))
        .hasMessageContaining("was given genesis " + GenesisCopy.hashOf(other));
    assertThat(Files.readString(copy)).isEqualTo(kept);

    // the same genesis again, even as a file laid out differently, is accepted
    Path reformatted = dir.resolve("reformatted.json");
    Files.writeString(reformatted, Files.readString(dir.resolve("mine/genesis.json"))
        .replace("\n", "\n\n  "));
    start(GenesisLoader.load(reformatted), keys, data).stop().toCompletionStage()
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aRefusedStoreOfAnotherChainGetsNoGenesisCopy() throws Exception {
    Genesis mine = network(dir.resolve("mine"), 1337);
    Genesis other = network(dir.resolve("other"), 99);
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    data.openLedger(other).close();
    assertThatThrownBy(() -> start(mine, dir.resolve("mine/validator-0"), data))
        .isInstanceOf(NodeStartException.class).hasMessageContaining("cannot open the ledger");
    assertThat(data.root().resolve("genesis.json")).doesNotExist();
  }
}
