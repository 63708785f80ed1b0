package dev.bulwark.genesis.generator;

import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.model.Genesis;
import java.util.List;

/** A generated network in memory: the genesis and, for each validator i, its keys and node config. */
public record GeneratedNetwork(Genesis genesis, List<Member> validators) {
  public GeneratedNetwork {
    validators = List.copyOf(validators);
    if (validators.size() != genesis.validators().size()) {
      throw new IllegalArgumentException("one member per genesis validator");
    }
  }

  /** Validator {@code index} (genesis.validators[index], directory validator-index). */
  public record Member(int index, ValidatorKeys keys, NodeConfig config) {
    /** The directory name of this validator: {@code validator-<index>}. */
    public String directoryName() {
      return "validator-" + index;
    }
  }
}
