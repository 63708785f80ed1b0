package dev.bulwark.consensus.round;

import dev.bulwark.consensus.blocktree.ExecutionState;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Execution of the tree's blocks and of the leader's drafts, by outcome: an executed block whose
 * result matches its header may be voted for and built on; an invalid one (or one whose result
 * disagrees) never is, nor are its descendants; one the environment could not execute now stays
 * waiting and is retried, never refused. Retries are event-driven and bounded: {@link #RETRIES} at
 * once on the outcome itself, then one per round timeout, so a slow or restarted ledger delays a
 * vote but never turns into a refusal.
 */
final class Execution {
  /** Immediate retries of a block the environment could not execute. */
  static final int RETRIES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(Execution.class);
  /** Bounds the retry bookkeeping of blocks that leave the tree unresolved (pruned branches). */
  private static final int MAX_TRACKED = 256;

  private final RoundHost host;
  private final Leader leader;
  private final VoteDuty votes;
  private final Address self;
  private final Map<Hash, Integer> attempts =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Integer> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  Execution(RoundHost host, Leader leader, VoteDuty votes, Address self) {
    this.host = host;
    this.leader = leader;
    this.votes = votes;
    this.self = self;
  }

  /** Asks the environment to execute {@code block} on its parent's state. */
  void execute(Block block) {
    Block parent = host.state().tree.block(block.header().parentHash()).orElseThrow();
    host.emit(new Action.ExecuteBlock(block, parent.header(), false));
  }

  /** Block {@code id} executed and matched: executes the children that waited for it. */
  void executed(Hash id) {
    for (Block child : host.state().tree.markExecuted(id)) {
      execute(child);
    }
  }

  /** The outcome of an {@link Action.ExecuteBlock} for {@code id}. */
  void onExecuted(Hash id, ExecutionOutcome outcome) {
    EpochState s = host.state();
    if (s == null) {
      return;
    }
    if (s.draft.isPresent() && s.draft.get().block().hash().equals(id)) {
      leader.onDraftExecuted(s.draft.get(), outcome);
      return;
    }
    Optional<Block> block = s.tree.block(id);
    if (block.isEmpty() || s.tree.executionState(id).orElseThrow() != ExecutionState.EXECUTING) {
      return; // pruned, or a re-execution (of a parent, for a retry) of a block already settled
    }
    if (outcome instanceof ExecutionOutcome.Unavailable u) {
      retry(block.get(), u.reason());
      return;
    }
    attempts.remove(id);
    if (outcome instanceof ExecutionOutcome.Executed x && x.result().matches(block.get().header())) {
      executed(id);
    } else {
      LOG.debug("{} rejects block {}: {}", self, id, rejection(outcome));
      s.tree.markInvalid(id);
    }
    votes.tryVote();
    leader.tryPropose();
  }

  /** The environment rebuilt the leader's draft {@code draftId}: sign it if still wanted. */
  void onDraftBuilt(Hash draftId, Optional<Block> built) {
    EpochState s = host.state();
    if (s != null && s.draft.isPresent() && s.draft.get().block().hash().equals(draftId)) {
      leader.onDraftBuilt(s.draft.get(), built);
    }
  }

  /** A round timed out: blocks still waiting after their immediate retries get one more. */
  void retryWaiting() {
    EpochState s = host.state();
    for (Map.Entry<Hash, Integer> e : new ArrayList<>(attempts.entrySet())) {
      Optional<Block> b = s.tree.block(e.getKey());
      if (b.isEmpty()
          || s.tree.executionState(e.getKey()).orElseThrow() != ExecutionState.EXECUTING) {
        attempts.remove(e.getKey());
      } else if (e.getValue() > RETRIES) {
        attempts.put(e.getKey(), RETRIES - 1);
        retry(b.get(), "retried on a round timeout");
      }
    }
  }

  private void retry(Block block, String reason) {
    int n = attempts.merge(block.hash(), 1, Integer::sum);
    if (n > RETRIES) {
      LOG.warn(
          "{} cannot execute block {} ({}) for now: {}; retrying at the next round timeout",
          self,
          block.header().number(),
          block.hash(),
          reason);
      return;
    }
    LOG.debug("{} retries block {} ({}): {}", self, block.header().number(), block.hash(), reason);
    EpochState s = host.state();
    Block parent = s.tree.block(block.header().parentHash()).orElseThrow();
    if (!parent.hash().equals(s.tree.root().hash())) {
      // the environment may have lost the parent's state (an evicted or restarted cache): the
      // parent's own re-execution restores it first, as requests are served in order
      execute(parent);
    }
    execute(block);
  }

  private static String rejection(ExecutionOutcome outcome) {
    return outcome instanceof ExecutionOutcome.Invalid i
        ? "invalid: " + i.reason()
        : "execution disagrees with its header";
  }
}
