package dev.bulwark.consensus.round;

import dev.bulwark.consensus.aggregation.PendingTimeouts;
import dev.bulwark.consensus.aggregation.PendingVotes;
import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.liveness.Pacemaker;
import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.persistence.BlockTreeStorageException;
import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.consensus.port.EpochProvider;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorageException;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator's consensus: a deterministic state machine, {@link #handle}(event) → actions (after
 * Aptos' {@code round_manager}). It never reads a clock, never blocks and never does I/O;
 * everything it needs comes in as {@link Event}s and everything it does goes out as {@link
 * Action}s, so a seeded simulation can drive many of them.
 *
 * <p>The round flow is split into small parts: {@link SafetyRules} (the only signer), {@link
 * Pacemaker}, {@link ProposerElection}, {@link BlockTree} (commit rule), {@link PendingVotes} and
 * {@link PendingTimeouts} (aggregation), {@link EquivocationDetector}. Leaders propose on their
 * highest QC (pipelining: no waiting for commits), no earlier than the minimum block interval after
 * the parent. Votes go to the next leader, timeouts to all. Invalid messages are dropped and the
 * sending peer penalised; messages of later epochs are buffered while the node catches up with
 * committed blocks.
 */
public final class RoundManager {
  private static final Logger LOG = LoggerFactory.getLogger(RoundManager.class);

  private final Core core;
  private final Address self;
  private Optional<Action.Halt> halt = Optional.empty();

  /**
   * A core whose uncommitted block tree lives only in memory: a restart keeps only the committed
   * chain and the safety data (tests of single events use it).
   */
  public RoundManager(
      ConsensusConfig config,
      SafetyRules safety,
      PayloadSource payloads,
      EpochProvider epochs,
      CommittedChain chain) {
    this(config, safety, payloads, epochs, chain, new InMemoryBlockTreeStorage());
  }

  /**
   * A core for the validator whose key {@code safety} holds, over the given ports; {@code tree}
   * keeps the uncommitted blocks and certificates across restarts, and is saved to before any vote
   * or timeout that relies on them.
   */
  public RoundManager(
      ConsensusConfig config,
      SafetyRules safety,
      PayloadSource payloads,
      EpochProvider epochs,
      CommittedChain chain,
      BlockTreeStorage tree) {
    this.core = new Core(config, safety, payloads, epochs, chain, tree);
    this.self = safety.signer().address();
  }

  /**
   * Handles one event and returns what to do, in order. After a failed safety-data write the core
   * halts: see {@link #halted()}.
   */
  public List<Action> handle(Event event) {
    if (halt.isPresent()) {
      return List.of();
    }
    try {
      return core.handle(event);
    } catch (SafetyStorageException e) {
      return halt("the safety data could not be made durable", e);
    } catch (BlockTreeStorageException e) {
      // The tree backs the next vote and timeout just as the safety data does.
      return halt("the block tree could not be made durable", e);
    }
  }

  /**
   * A signature whose safety data is not durable must never leave, and nothing may be signed on
   * data that might not match the disk, so the core stops for good. The event's messages are
   * dropped (a crash before sending them would be no different), but its commits are kept: the
   * block tree has already moved its root past them, and a ledger that never received them would
   * refuse every later commit with a misleading cause.
   */
  private List<Action> halt(String what, RuntimeException e) {
    String reason =
        what + ": "
            + e.getMessage()
            + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
    LOG.error("{} halts consensus: {}", self, reason);
    Action.Halt h = new Action.Halt(reason);
    halt = Optional.of(h);
    List<Action> kept = new ArrayList<>();
    for (Action a : core.unfinished()) {
      if (a instanceof Action.CommitBlocks) {
        kept.add(a);
      }
    }
    kept.add(h);
    return kept;
  }

  /** The halt, once a safety-data write failed; the core then ignores every event. */
  public Optional<Action.Halt> halted() {
    return halt;
  }

  /** The current epoch (-1 before start). */
  public long epoch() {
    EpochState s = core.state();
    return s == null ? -1 : s.epoch;
  }

  /** The epoch whose messages the node processes now; empty while it waits for an epoch change. */
  public OptionalLong activeEpoch() {
    EpochState s = core.state();
    return s == null || core.awaitingEpochChange()
        ? OptionalLong.empty()
        : OptionalLong.of(s.epoch);
  }

  /** The current round (0 before start). */
  public long round() {
    EpochState s = core.state();
    return s == null ? 0 : s.pacemaker.round();
  }

  /** The validator set of the current epoch (null before start). */
  public ValidatorSet validators() {
    EpochState s = core.state();
    return s == null ? null : s.validators;
  }

  /** Rounds timed out in a row since the last progress (0 before start). */
  public int consecutiveTimeouts() {
    EpochState s = core.state();
    return s == null ? 0 : s.pacemaker.consecutiveTimeouts();
  }

  /** The leader of the current round (empty before start). */
  public Optional<Address> leader() {
    EpochState s = core.state();
    return s == null ? Optional.empty() : Optional.of(s.election.leader(s.pacemaker.round()));
  }

  /** The highest QC known in the current epoch. */
  public Optional<QuorumCertificate> highestQc() {
    EpochState s = core.state();
    return s == null ? Optional.empty() : s.tree.highestQc();
  }

  /** The last committed block this core knows of. */
  public Optional<Block> committedRoot() {
    EpochState s = core.state();
    return s == null ? Optional.empty() : Optional.of(s.tree.root());
  }
}
