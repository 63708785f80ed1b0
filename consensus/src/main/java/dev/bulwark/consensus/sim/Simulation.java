package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.liveness.TimeoutPolicy;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.env.ActionInterpreter;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.crypto.bls.MemoizingScheme;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One seeded run of a {@link Plan}: N consensus cores on a simulated network with a virtual clock.
 * Everything random is drawn from the run's seed, and events are ordered by (time, sequence
 * number), so the same seed replays the same run exactly. Invariants are checked after every event
 * (see {@link SafetyMonitor}, {@link EvidenceMonitor}, {@link LivenessMonitor}).
 */
public final class Simulation {
  /** The chain id of simulated runs. */
  public static final long CHAIN_ID = 1337;

  /** Unix time (ms) at which every run starts. */
  public static final long START_MILLIS = 1_700_000_000_000L;

  private static final long TICK_MILLIS = 250;
  private static final long START_SPREAD_MILLIS = 20; // nodes start within this much of time 0
  private static final int MAX_VIOLATIONS = 20;

  private record Scheduled(long time, long seq, SimEvent event) {}

  private final Plan plan;
  private final SimOptions options;
  private final long seed;
  private final boolean realBls;
  private final SplittableRandom network;
  private final SimKeys keys;
  private final SignatureScheme scheme;
  private final EpochSchedule schedule;
  private final ConsensusConfig config;
  private final List<SimNode> nodes = new ArrayList<>();
  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>(
          Comparator.comparingLong(Scheduled::time).thenComparingLong(Scheduled::seq));
  private final SafetyMonitor safety;
  private final EvidenceMonitor evidence;
  private final LivenessMonitor liveness;
  private final TraceHash trace = new TraceHash();
  private final ClusterView view = new View();
  private final NodeLifecycle lifecycle;
  private final SimTransactions clients; // the real ledger's clients, or null
  private long seq;
  private long now = START_MILLIS;
  private long events;
  private long highestHonestCommit;
  private final Set<Hash> offencesReported = new TreeSet<>();
  private final Set<Hash> offencesSlashed = new TreeSet<>();

  private Simulation(Plan plan, long seed, boolean realBls, SimOptions options) {
    this.plan = plan;
    this.options = options;
    this.seed = seed;
    this.realBls = realBls;
    SplittableRandom root = new SplittableRandom(seed);
    this.network = root.split();
    this.keys = SimKeys.create(seed, plan.keyCount());
    if (realBls) {
      this.scheme =
          options.shareBlsVerification()
              ? new MemoizingScheme(SignatureScheme.BLS)
              : SignatureScheme.BLS;
    } else {
      TestSignatureScheme test = new TestSignatureScheme();
      keys.all().forEach(k -> test.register(k.secretKey(), k.publicKey()));
      this.scheme = test;
    }
    this.schedule = new EpochSchedule(keys, plan.seats());
    this.config =
        new ConsensusConfig(
            CHAIN_ID,
            plan.epochLength(),
            options.minBlockIntervalMillis(),
            500,
            TimeoutPolicy.DEFAULT,
            32,
            50);
    Block genesis = genesis();
    SimLedger ledgers =
        plan.realLedger() ? new SimLedger(plan, keys, schedule, scheme, seed) : null;
    this.clients =
        plan.realLedger()
            ? new SimTransactions(ledgers.senders(), new SplittableRandom(~seed))
            : null;
    Set<Address> honest = new TreeSet<>();
    for (int i = 0; i < plan.nodes().size(); i++) {
      NodeSpec spec = plan.nodes().get(i);
      SimKeys.Key key = keys.get(spec.keyIndex());
      boolean isHonest = plan.isHonest(i);
      if (isHonest) {
        honest.add(key.address());
      }
      nodes.add(
          new SimNode(
              i,
              key,
              Behaviour.of(spec.behaviour()),
              root.nextLong(-50, 51),
              isHonest,
              ledgers == null ? new InMemoryCommittedChain(genesis) : null,
              ledgers == null ? null : ledgers.open(),
              root.split()));
    }
    this.safety = new SafetyMonitor(CHAIN_ID, schedule, scheme, honest);
    this.lifecycle = new NodeLifecycle(plan, config, scheme, schedule, safety, () -> now, ledgers);
    this.evidence = new EvidenceMonitor(CHAIN_ID, scheme);
    this.liveness =
        new LivenessMonitor(
            nodes.size(),
            START_MILLIS + plan.gst(),
            20 * config.timeouts().baseMillis(),
            plan.checkLiveness());
  }

  /** Runs {@code plan} with {@code seed}; {@code realBls} selects real BLS over the test scheme. */
  public static SimResult run(String scenario, Plan plan, long seed, boolean realBls) {
    return run(scenario, plan, seed, realBls, SimOptions.DEFAULT);
  }

  /** As {@link #run(String, Plan, long, boolean)}, with non-default {@code options}. */
  public static SimResult run(
      String scenario, Plan plan, long seed, boolean realBls, SimOptions options) {
    Simulation sim = new Simulation(plan, seed, realBls, options);
    List<Violation> violations = sim.runToEnd();
    return new SimResult(
        scenario,
        sim.schedule.set(1).size(),
        seed,
        realBls,
        sim.highestHonestCommit,
        violations,
        sim.trace.value(),
        sim.events,
        sim.offencesReported.size(),
        sim.offencesSlashed.size());
  }

  private Block genesis() {
    BlockHeader h =
        BlockHeader.builder()
            .number(0)
            .timestampMillis(START_MILLIS - 1000)
            .epoch(0)
            .round(0)
            .gasLimit(FakeStateComputer.GAS_LIMIT)
            .stateRoot(FakeStateComputer.genesisStateRoot(CHAIN_ID))
            .build();
    return new Block(h, List.of(), List.of());
  }

  private List<Violation> runToEnd() {
    for (SimNode n : nodes) {
      schedule(
          START_MILLIS + network.nextLong(0, START_SPREAD_MILLIS), new SimEvent.Start(n.id));
    }
    for (CrashSpec c : plan.crashes()) {
      schedule(START_MILLIS + c.at(), new SimEvent.Crash(c.node()));
      if (c.restartAt() >= 0) {
        schedule(START_MILLIS + c.restartAt(), new SimEvent.Restart(c.node(), c.wipeSafetyData()));
      }
    }
    for (PartitionPhase p : plan.partitions()) {
      // not before every node started: nodes not started yet are no outage of the quorum
      schedule(START_MILLIS + Math.max(p.from(), START_SPREAD_MILLIS), new SimEvent.Tick());
      schedule(START_MILLIS + p.until(), new SimEvent.Tick());
    }
    for (long t = TICK_MILLIS; t <= plan.end(); t += TICK_MILLIS) { // all nodes are up by the first
      schedule(START_MILLIS + t, new SimEvent.Tick());
    }
    long end = START_MILLIS + plan.end();
    while (!queue.isEmpty()
        && queue.peek().time() <= end
        && highestHonestCommit < options.stopAtHeight()) {
      Scheduled s = queue.poll();
      now = s.time();
      events++;
      process(s.event());
      if (s.event() instanceof SimEvent.Tick
          || s.event() instanceof SimEvent.Crash
          || s.event() instanceof SimEvent.Restart) {
        liveness.check(view, now);
      }
      if (safety.violations().size() + liveness.violations().size() > MAX_VIOLATIONS) {
        break;
      }
    }
    List<Violation> all = new ArrayList<>();
    all.addAll(safety.violations());
    all.addAll(liveness.violations());
    all.addAll(evidence.missed());
    return all.stream()
        .map(v -> new Violation(v.kind(), v.atMillis() - START_MILLIS, v.detail()))
        .toList();
  }

  void schedule(long time, SimEvent e) {
    queue.add(new Scheduled(time, seq++, e));
  }

  // ------------------------------------------------------------------ events

  private void process(SimEvent e) {
    trace.add(now);
    if (e instanceof SimEvent.Start s) {
      start(nodes.get(s.node()));
    } else if (e instanceof SimEvent.Deliver d) {
      deliver(d);
    } else if (e instanceof SimEvent.DeliverBytes b) {
      SimNode to = nodes.get(b.to());
      trace.add(31L * b.to() + b.bytes().size());
      if (to.up) {
        handle(to, new Event.BytesReceived(to.clock(now), nodes.get(b.from()).peer, b.bytes()));
      }
    } else if (e instanceof SimEvent.Local l) {
      SimNode n = nodes.get(l.node());
      trace.add(l.tag());
      if (n.up && n.incarnation == l.incarnation()) {
        l.run().run();
      }
    } else if (e instanceof SimEvent.Crash c) {
      lifecycle.crash(nodes.get(c.node()));
      evidence.forget(c.node());
      trace.add(-1 - c.node());
    } else if (e instanceof SimEvent.Tick && clients != null) {
      clients.tick(nodes);
    } else if (e instanceof SimEvent.Restart r) {
      lifecycle.restart(nodes.get(r.node()), r.wipeSafetyData());
      start(nodes.get(r.node()));
    }
  }

  private void start(SimNode n) {
    lifecycle.boot(n);
    n.interpreter = new ActionInterpreter(n.core, new SimPorts(this, n).environment());
    trace.add(1000 + n.id);
    n.interpreter.start();
  }

  private void deliver(SimEvent.Deliver d) {
    SimNode to = nodes.get(d.to());
    trace.add(digest(d.message()) * 31 + d.to());
    if (!to.up) {
      return;
    }
    if (to.honest
        && d.message() instanceof EpochMessage m
        && to.core.activeEpoch().isPresent()
        && to.core.activeEpoch().getAsLong() == m.epoch()) {
      evidence.delivered(to.id, m, to.core.validators(), now);
    }
    handle(to, new Event.MessageReceived(to.clock(now), nodes.get(d.from()).peer, d.message()));
  }

  // ------------------------------------------------------------------ what the ports report

  private void handle(SimNode n, Event event) {
    n.interpreter.handle(event);
  }

  /** Node {@code n}'s ledger applied {@code blocks} (after the safety monitor saw them). */
  void committed(SimNode n, List<Block> blocks) {
    Block last = blocks.get(blocks.size() - 1);
    trace.add(last.hash().bytes().hashCode());
    if (n.honest) {
      blocks.forEach(b -> b.evidence().forEach(e -> offencesSlashed.add(e.id())));
      highestHonestCommit = Math.max(highestHonestCommit, last.header().number());
      liveness.onCommit(n.id, last.header().number(), now);
      options.probe().committed(n.id, blocks, now - START_MILLIS);
    }
  }

  /** Node {@code n}'s core found {@code e}. */
  void reported(SimNode n, Evidence e) {
    evidence.reported(n.id, e);
    if (n.honest) {
      offencesReported.add(e.id());
    }
    safety.onEvidence(n.id, e, now);
  }

  /** Node {@code n}'s consensus halted: the node stops, as a real one does, for good. */
  void halted(SimNode n, String reason) {
    trace.add(-1000 - n.id);
    options.probe().halted(n.id, reason, now - START_MILLIS);
    lifecycle.crash(n);
    evidence.forget(n.id);
  }

  /** Puts one message on the link {@code from} → {@code to}. */
  void transmit(int from, int to, ConsensusMessage message, long extraDelay) {
    long t = now - START_MILLIS;
    if (!connected(from, to, t) || (plan.tailGaps() && TailGap.opens(message, plan))) {
      return;
    }
    if (t < plan.gst() && network.nextDouble() < plan.network().lossBeforeGst()) {
      return;
    }
    ConsensusMessage onWire =
        realBls ? ConsensusMessageCodec.decode(ConsensusMessageCodec.encode(message)) : message;
    long max = t < plan.gst() ? plan.network().maxDelayBeforeGst() : plan.network().maxDelay();
    long delay = network.nextLong(plan.network().minDelay(), max + 1) + extraDelay;
    schedule(now + delay, new SimEvent.Deliver(from, to, onWire));
    if (network.nextDouble() < plan.network().duplicate()) {
      schedule(now + delay + 1 + network.nextLong(100), new SimEvent.Deliver(from, to, onWire));
    }
  }

  /** Puts raw bytes (spam) on the link {@code from} → {@code to}. */
  void transmitBytes(int from, int to, Bytes bytes) {
    if (connected(from, to, now - START_MILLIS)) {
      schedule(now + plan.network().minDelay() + 1, new SimEvent.DeliverBytes(from, to, bytes));
    }
  }

  Plan plan() {
    return plan;
  }

  long now() {
    return now;
  }

  SplittableRandom random() {
    return network;
  }

  SimOptions options() {
    return options;
  }

  SafetyMonitor safety() {
    return safety;
  }

  LivenessMonitor liveness() {
    return liveness;
  }

  List<SimNode> nodes() {
    return nodes;
  }

  SignatureScheme scheme() {
    return scheme;
  }

  SimKeys keys() {
    return keys;
  }

  private boolean connected(int a, int b, long t) {
    for (PartitionPhase p : plan.partitions()) {
      if (p.activeAt(t) && !p.connected(a, b)) {
        return false;
      }
    }
    return true;
  }

  private static long digest(ConsensusMessage m) {
    long base = m.getClass().getSimpleName().hashCode();
    if (m instanceof ProposalMessage p) {
      return base * 31 + p.block().hash().bytes().hashCode();
    } else if (m instanceof VoteMessage v) {
      return base * 31 + v.vote().blockId().bytes().hashCode() * 17L + v.author().hashCode();
    } else if (m instanceof EpochMessage e) {
      return base * 31 + e.epoch() * 1_000_003L + e.round();
    }
    return base;
  }

  // ------------------------------------------------------------------ views

  private final class View implements ClusterView {
    @Override
    public int nodeCount() {
      return nodes.size();
    }

    @Override
    public boolean up(int node) {
      return nodes.get(node).up;
    }

    @Override
    public boolean honest(int node) {
      return nodes.get(node).honest;
    }

    @Override
    public int keyIndex(int node) {
      return nodes.get(node).key.index();
    }

    @Override
    public long epochOf(int node) {
      SimNode n = nodes.get(node);
      return n.up && n.core != null ? n.core.epoch() : -1;
    }

    @Override
    public List<Set<Integer>> groups() {
      long t = now - START_MILLIS;
      List<Set<Integer>> groups = new ArrayList<>();
      Set<Integer> all = new TreeSet<>();
      for (int i = 0; i < nodes.size(); i++) {
        all.add(i);
      }
      for (PartitionPhase p : plan.partitions()) {
        if (p.activeAt(t)) {
          for (int i : all) {
            Set<Integer> g = new TreeSet<>();
            for (int j : all) {
              if (connected(i, j, t)) {
                g.add(j);
              }
            }
            groups.add(g);
          }
          return groups;
        }
      }
      groups.add(all);
      return groups;
    }

    @Override
    public EpochSchedule schedule() {
      return schedule;
    }
  }
}
