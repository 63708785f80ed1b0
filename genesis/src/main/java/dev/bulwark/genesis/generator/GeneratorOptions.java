package dev.bulwark.genesis.generator;

import dev.bulwark.genesis.devaccounts.LoadgenAccounts;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.GenesisRules;

/**
 * What to generate: N validators on {@code host}, validator i on p2p port basePort + i and RPC
 * port baseRpcPort + i, the chain id and start time, whether to fund the development accounts, and
 * how many {@link dev.bulwark.genesis.devaccounts.LoadgenAccounts} to fund.
 */
public record GeneratorOptions(
    int validators, String host, int baseP2pPort, int baseRpcPort, long chainId, long genesisTime,
    boolean fundDevAccounts, int loadgenAccounts) {
  /** Upper bound on generated validators (keeps a typo from writing a million key files). */
  public static final int MAX_VALIDATORS = 1000;
  /** Default listen/advertise host. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default first p2p port. */
  public static final int DEFAULT_BASE_P2P_PORT = 30303;
  /** Default first JSON-RPC port. */
  public static final int DEFAULT_BASE_RPC_PORT = 8545;

  public GeneratorOptions {
    if (validators < 1 || validators > MAX_VALIDATORS) {
      throw new IllegalArgumentException(
          "the number of validators must be between 1 and " + MAX_VALIDATORS + ", got " + validators);
    }
    new Endpoint(host, DEFAULT_BASE_P2P_PORT); // host syntax
    checkPorts("p2p", baseP2pPort, validators);
    checkPorts("RPC", baseRpcPort, validators);
    if (baseP2pPort < baseRpcPort + validators && baseRpcPort < baseP2pPort + validators) {
      throw new IllegalArgumentException("p2p ports " + range(baseP2pPort, validators)
          + " overlap RPC ports " + range(baseRpcPort, validators));
    }
    String chainProblem = GenesisRules.chainIdProblem(chainId);
    if (chainProblem != null) {
      throw new IllegalArgumentException("chain id " + chainProblem + ", got " + chainId);
    }
    String timeProblem = GenesisRules.genesisTimeProblem(genesisTime);
    if (timeProblem != null) {
      throw new IllegalArgumentException("genesis time " + timeProblem + ", got " + genesisTime);
    }
    if (loadgenAccounts < 0 || loadgenAccounts > LoadgenAccounts.MAX_ACCOUNTS) {
      throw new IllegalArgumentException("loadgen accounts must be between 0 and "
          + LoadgenAccounts.MAX_ACCOUNTS + ", got " + loadgenAccounts);
    }
  }

  /** Options without loadgen accounts. */
  public GeneratorOptions(int validators, String host, int baseP2pPort, int baseRpcPort,
      long chainId, long genesisTime, boolean fundDevAccounts) {
    this(validators, host, baseP2pPort, baseRpcPort, chainId, genesisTime, fundDevAccounts, 0);
  }

  /** Defaults for everything but the validator count and the time. */
  public static GeneratorOptions defaults(int validators, long genesisTime) {
    return new GeneratorOptions(validators, DEFAULT_HOST, DEFAULT_BASE_P2P_PORT,
        DEFAULT_BASE_RPC_PORT, GenesisRules.DEFAULT_CHAIN_ID, genesisTime, true);
  }

  /** The p2p endpoint of validator {@code i}. */
  public Endpoint p2pEndpoint(int i) {
    return new Endpoint(host, baseP2pPort + i);
  }

  /** The RPC port of validator {@code i}. */
  public int rpcPort(int i) {
    return baseRpcPort + i;
  }

  private static void checkPorts(String what, int base, int count) {
    if (base < 1 || base > 65535) {
      throw new IllegalArgumentException("base " + what + " port must be between 1 and 65535, got " + base);
    }
    if ((long) base + count - 1 > 65535) {
      throw new IllegalArgumentException(count + " validators need " + what + " ports "
          + range(base, count) + ", beyond 65535");
    }
  }

  private static String range(int base, int count) {
    return count == 1 ? String.valueOf(base) : base + "-" + ((long) base + count - 1);
  }
}
