package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real ledger for a simulated run: one genesis (the plan's first validator set, each with the
 * stake that gives it the scripted power, and funded transaction senders), and per node a ledger
 * over an in-memory store (kept across a crash, as a disk is) with the real staking module, and a
 * real mempool (lost in a crash). Inactivity jailing is off, so every epoch keeps the genesis set,
 * as the plan's {@link EpochSchedule} scripts it.
 */
final class SimLedger {
  /** Transaction senders funded at genesis. */
  static final int SENDERS = 8;

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final GenesisSpec genesis;
  private final SignatureScheme scheme;
  private final List<Secp256k1.KeyPair> senders = new ArrayList<>();

  SimLedger(Plan plan, SimKeys keys, EpochSchedule schedule, SignatureScheme scheme, long seed) {
    this.scheme = scheme;
    List<ValidatorInfo> set = schedule.set(1).validators();
    ChainParams params =
        new ChainParams(
            Simulation.CHAIN_ID,
            plan.epochLength(),
            set.size(),
            BigInteger.ONE,
            10,
            10,
            0,
            100,
            0,
            0,
            0,
            FakeStateComputer.GAS_LIMIT,
            BigInteger.TEN.pow(9),
            50_000,
            keys.get(0).address());
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    for (int i = 0; i < SENDERS; i++) {
      Secp256k1.KeyPair k = sender(seed, i);
      senders.add(k);
      alloc.put(k.address(), ETHER.multiply(BigInteger.valueOf(1_000)));
    }
    List<GenesisSpec.Validator> validators = new ArrayList<>();
    for (ValidatorInfo v : set) {
      validators.add(
          new GenesisSpec.Validator(v.address(), v.blsKey(), v.nodePublicKey(), v.votingPower()));
    }
    this.genesis =
        new GenesisSpec(params, (Simulation.START_MILLIS - 1000) / 1000, alloc, validators);
  }

  private static Secp256k1.KeyPair sender(long seed, int i) {
    byte[] key = new byte[32];
    long v = (seed * 31 + i) & Long.MAX_VALUE | 1L;
    for (int b = 0; b < 8; b++) {
      key[31 - b] = (byte) (v >>> (8 * b));
    }
    key[0] = 0x11; // well inside the curve order, never zero
    return Secp256k1.fromPrivateKey(Bytes.of(key));
  }

  /** The chain rules of the run. */
  ChainParams params() {
    return genesis.params();
  }

  /** The funded senders. */
  List<Secp256k1.KeyPair> senders() {
    return senders;
  }

  /** A node's ledger, at genesis. */
  Ledger open() {
    return Ledger.open(new InMemoryStore(), genesis, new StakingModule(genesis.params(), scheme));
  }

  /** An empty mempool over {@code ledger}'s head state. */
  Mempool mempool(Ledger ledger) {
    ChainParams params = genesis.params();
    return new Mempool(
        MempoolConfig.defaults(),
        new TransactionRules(TransactionRules.Config.of(Simulation.CHAIN_ID)),
        new PoolHead(
            ledger.accountView(),
            FeeMarket.nextBaseFee(ledger.head(), params),
            params.blockGasLimit()));
  }
}
