package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.env.LedgerStateComputer;
import dev.bulwark.consensus.env.MempoolPayloadSource;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.port.EpochProvider;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.SafetyStorageException;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Starting, crashing and restarting simulated nodes. A crash drops the core (and every timer,
 * execution and not-yet-durable commit of its incarnation); a restart builds a new core over what a
 * real node's disk keeps: the committed chain, the safety data and the block-tree storage. A wipe
 * (a lost disk, a Byzantine fault) empties the last two. On the real ledger the node's ledger
 * survives as its chain does; its mempool does not.
 */
final class NodeLifecycle {
  private final Plan plan;
  private final ConsensusConfig config;
  private final SignatureScheme scheme;
  private final EpochSchedule schedule;
  private final SafetyMonitor safety;
  private final LongSupplier now;
  private final SimLedger ledgers;

  NodeLifecycle(
      Plan plan,
      ConsensusConfig config,
      SignatureScheme scheme,
      EpochSchedule schedule,
      SafetyMonitor safety,
      LongSupplier now,
      SimLedger ledgers) {
    this.plan = plan;
    this.config = config;
    this.scheme = scheme;
    this.schedule = schedule;
    this.safety = safety;
    this.now = now;
    this.ledgers = ledgers;
  }

  /** A fresh core for {@code n} over its surviving stores; the node is up once it returns. */
  RoundManager boot(SimNode n) {
    n.up = true;
    n.payloads = new SimPayloadSource(n.random.split());
    PayloadSource payloads = n.payloads;
    SafetyRules rules =
        new SafetyRules(
            Simulation.CHAIN_ID,
            new ValidatorSigner(n.key.address(), n.key.secretKey(), scheme),
            monitored(n));
    EpochProvider epochs;
    if (n.ledger != null) {
      n.mempool = ledgers.mempool(n.ledger);
      n.computer = new LedgerStateComputer(n.ledger, n.mempool, n.payloads);
      payloads = new MempoolPayloadSource(ledgers.params(), n.mempool, n.payloads);
      epochs = n.ledger::validatorSet;
    } else {
      epochs =
          epoch ->
              epoch >= 1 && n.chain.height() >= (epoch - 1) * plan.epochLength()
                  ? Optional.of(schedule.set(epoch))
                  : Optional.empty();
      n.computer =
          new FakeStateComputer(
              Simulation.CHAIN_ID,
              schedule,
              scheme,
              (InMemoryCommittedChain) n.chain,
              plan.epochLength());
    }
    n.core = new RoundManager(config, rules, payloads, epochs, n.chain, n.tree);
    return n.core;
  }

  /** Stops {@code n}: nothing of its running incarnation reaches the stores any more. */
  void crash(SimNode n) {
    n.up = false;
    if (n.interpreter != null) {
      n.interpreter.stop();
    }
    n.core = null;
    n.tree.crash();
  }

  /** Prepares {@code n}'s restart; {@code wipe} loses its safety data and block tree. */
  void restart(SimNode n, boolean wipe) {
    if (wipe) {
      n.storage = new InMemorySafetyStorage();
      n.tree = new InMemoryBlockTreeStorage();
    }
    n.incarnation++;
  }

  /** The node's safety storage, reporting every save of an honest node to the safety monitor. */
  private SafetyStorage monitored(SimNode n) {
    return new SafetyStorage() {
      @Override
      public SafetyData load() {
        return n.storage.load();
      }

      @Override
      public void save(SafetyData data) {
        long at = now.getAsLong() - Simulation.START_MILLIS;
        if (plan.diskFailures().stream().anyMatch(f -> f.node() == n.id && f.at() <= at)) {
          throw new SafetyStorageException("no space left on the simulated disk");
        }
        n.storage.save(data);
        if (n.honest) {
          long t = now.getAsLong();
          data.lastVote().ifPresent(v -> safety.onSigned(n.id, v.author(), v.vote(), t));
          data.lastTimeout().ifPresent(x -> safety.onSigned(n.id, x.author(), x.timeout(), t));
        }
      }
    };
  }
}
