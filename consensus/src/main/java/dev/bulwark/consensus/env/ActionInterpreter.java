package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.List;
import java.util.Optional;

/**
 * Runs one consensus core in an {@link Environment}: hands it each event and carries out its
 * actions through the environment's ports; the ports' results (timers, execution, commits) come
 * back here as events. The node and the simulation both run their cores through this class, so
 * what a seed exercises is what a validator executes. Deterministic and free of I/O itself: all of
 * that happens behind the ports. Not thread-safe: every call, including the ports' callbacks, must
 * come from the one thread that handles consensus events.
 */
public final class ActionInterpreter implements Action.Handler {
  private final RoundManager core;
  private final Environment env;
  private boolean stopped;

  /** Runs {@code core} in {@code env}. */
  public ActionInterpreter(RoundManager core, Environment env) {
    if (core == null || env == null) {
      throw new IllegalArgumentException("a core and its environment are needed");
    }
    this.core = core;
    this.env = env;
  }

  /** Starts the core from its persisted state. */
  public void start() {
    handle(new Event.Start(env.timers().now()));
  }

  /**
   * Hands {@code event} to the core and carries out its actions; ignored once stopped (after a
   * halt, a refused commit or {@link #stop()}).
   */
  public void handle(Event event) {
    if (stopped) {
      return;
    }
    List<Action> actions = core.handle(event);
    env.afterEvent().accept(core);
    for (Action a : actions) {
      if (stopped) {
        return;
      }
      a.applyTo(this);
    }
  }

  /** Stops handling events and callbacks for good (the node or its simulated process stops). */
  public void stop() {
    stopped = true;
  }

  /** True once the core handles no further event. */
  public boolean stopped() {
    return stopped;
  }

  /** The core this interpreter runs (read-only use: status, the simulation's monitors). */
  public RoundManager core() {
    return core;
  }

  private long now() {
    return env.timers().now();
  }

  @Override
  public void sendTo(Action.SendTo a) {
    env.transport().sendTo(a.validator(), a.message());
  }

  @Override
  public void broadcast(Action.Broadcast a) {
    env.transport().broadcast(a.message());
  }

  @Override
  public void sendToPeer(Action.SendToPeer a) {
    env.transport().sendToPeer(a.peer(), a.message());
  }

  @Override
  public void executeBlock(Action.ExecuteBlock a) {
    // Issue 15's BuildBlock replaces the draft round trip here, and only here.
    if (a.draft()) {
      env.state().build(a.block(), a.parent(), built -> onBuilt(a, built));
    } else {
      env.state()
          .execute(
              a.block(),
              a.parent(),
              outcome -> handle(new Event.BlockExecuted(now(), a.block().hash(), outcome)));
    }
  }

  private void onBuilt(Action.ExecuteBlock draft, DraftResult result) {
    if (result.built().isPresent()) {
      handle(new Event.DraftBuilt(now(), draft.block().hash(), result.built()));
    } else {
      handle(new Event.BlockExecuted(now(), draft.block().hash(), result.outcome()));
    }
  }

  @Override
  public void commitBlocks(Action.CommitBlocks a) {
    env.state()
        .commit(
            a.blocks(),
            a.proof(),
            a.proofPath(),
            new StateComputerPort.CommitCallback() {
              @Override
              public void applied(Optional<ValidatorSet> next) {
                next.ifPresent(set -> handle(new Event.EpochChange(now(), set)));
              }

              @Override
              public void refused(String reason) {
                // consensus counts these blocks as committed: going on would let it diverge
                stopped = true;
                env.halt().halt("the ledger refused a commit: " + reason);
              }
            });
  }

  @Override
  public void setTimer(Action.SetTimer a) {
    env.timers()
        .schedule(
            a.atMillis(),
            () -> handle(new Event.TimerFired(now(), a.kind(), a.epoch(), a.round())));
  }

  @Override
  public void reportEvidence(Action.ReportEvidence a) {
    env.evidence().report(a.evidence());
  }

  @Override
  public void penalisePeer(Action.PenalisePeer a) {
    env.penalties().penalise(a.peer(), a.reason(), a.detail());
  }

  @Override
  public void halt(Action.Halt a) {
    stopped = true;
    env.halt().halt(a.reason());
  }
}
