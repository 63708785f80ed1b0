package dev.bulwark.genesis.generator;

import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.devaccounts.LoadgenAccounts;
import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.genesis.model.Amounts;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.ParamSpec;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates a network: keys for N validators, the genesis listing them, and each node's config. */
public final class GenesisGenerator {
  /** Initial stake of each validator: 1,000,000 tokens (ten times minStake). */
  public static final BigInteger VALIDATOR_STAKE = Amounts.tokens(1_000_000);
  /** Balance of each validator account: gas for staking calls such as unjail(). */
  public static final BigInteger VALIDATOR_BALANCE = Amounts.tokens(100);
  /** Balance of each development account. */
  public static final BigInteger DEV_ACCOUNT_BALANCE = Amounts.tokens(10_000);
  /** Balance of each loadgen account: about 47,000 transfers at 1,000 gwei per gas. */
  public static final BigInteger LOADGEN_ACCOUNT_BALANCE = Amounts.tokens(1_000);
  /** node.toml's path to genesis.json, from DIR/validator-i/. */
  public static final Path GENESIS_FROM_NODE = Path.of("../genesis.json");

  private GenesisGenerator() {}

  /** Generates fresh keys with {@code random} and assembles the network. */
  public static GeneratedNetwork generate(GeneratorOptions options, SecureRandom random) {
    List<ValidatorKeys> keys = new ArrayList<>();
    for (int i = 0; i < options.validators(); i++) {
      keys.add(ValidatorKeys.generate(random));
    }
    return assemble(options, keys);
  }

  /** Assembles the network of already generated keys (keys.get(i) is validator i). */
  public static GeneratedNetwork assemble(GeneratorOptions options, List<ValidatorKeys> keys) {
    if (keys.size() != options.validators()) {
      throw new IllegalArgumentException("need " + options.validators() + " key sets, got " + keys.size());
    }
    List<GenesisValidator> validators = new ArrayList<>();
    Map<Address, AllocAccount> alloc = new LinkedHashMap<>();
    if (options.fundDevAccounts()) {
      for (DevAccount a : DevAccounts.standard()) {
        alloc.put(a.address(), new AllocAccount(DEV_ACCOUNT_BALANCE));
      }
    }
    for (DevAccount a : LoadgenAccounts.derive(options.loadgenAccounts())) {
      alloc.put(a.address(), new AllocAccount(LOADGEN_ACCOUNT_BALANCE));
    }
    for (int i = 0; i < keys.size(); i++) {
      ValidatorKeys k = keys.get(i);
      validators.add(new GenesisValidator(k.address(), k.bls().publicKey(), k.proofOfPossession(),
          k.node().publicKey(), VALIDATOR_STAKE, options.p2pEndpoint(i)));
      alloc.put(k.address(), new AllocAccount(VALIDATOR_BALANCE));
    }
    // The devnet admin is dev account #0 (in every wallet's test setup); otherwise validator 0.
    Address admin = options.fundDevAccounts()
        ? DevAccounts.standard().get(0).address()
        : keys.get(0).address();
    GenesisParams params = GenesisParams.defaults(admin)
        .withMaxValidators(Math.max(ParamSpec.MAX_VALIDATORS.defaultLong(), keys.size()));
    Genesis genesis = new Genesis(options.chainId(), options.genesisTime(), params, validators, alloc);

    List<GeneratedNetwork.Member> members = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      members.add(new GeneratedNetwork.Member(i, keys.get(i), nodeConfig(options, i)));
    }
    return new GeneratedNetwork(genesis, members);
  }

  private static NodeConfig nodeConfig(GeneratorOptions options, int i) {
    List<Endpoint> peers = new ArrayList<>();
    for (int j = 0; j < options.validators(); j++) {
      if (j != i) {
        peers.add(options.p2pEndpoint(j));
      }
    }
    return new NodeConfig(GENESIS_FROM_NODE, Path.of("."), Path.of(NodeConfig.DEFAULT_DATA_DIR),
        options.host(), options.p2pEndpoint(i).port(), options.rpcPort(i), peers);
  }
}
