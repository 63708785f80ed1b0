package dev.bulwark.consensus.round;

import dev.bulwark.consensus.aggregation.PendingTimeouts;
import dev.bulwark.consensus.aggregation.PendingVotes;
import dev.bulwark.consensus.aggregation.TimeoutOutcome;
import dev.bulwark.consensus.aggregation.VoteOutcome;
import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.blocktree.CommitDecision;
import dev.bulwark.consensus.blocktree.ExecutionState;
import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.evidence.Observation;
import dev.bulwark.consensus.liveness.Pacemaker;
import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.BlockRetrievalRequest;
import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.consensus.port.EpochProvider;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.consensus.round.EpochState.Draft;
import dev.bulwark.consensus.round.EpochState.Pending;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.UnsafeToSignException;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator's consensus: a deterministic state machine, {@link #handle}(event) → actions
 * (after Aptos' {@code round_manager}). It never reads a clock, never blocks and never does I/O;
 * everything it needs comes in as {@link Event}s and everything it does goes out as {@link
 * Action}s, so a seeded simulation can drive many of them.
 *
 * <p>It owns the round flow and delegates to small parts: {@link SafetyRules} (the only signer),
 * {@link Pacemaker}, {@link ProposerElection}, {@link BlockTree} (commit rule), {@link
 * PendingVotes} and {@link PendingTimeouts} (aggregation), {@link EquivocationDetector}.
 * Leaders propose on their highest QC (pipelining: no waiting for commits), no earlier than the
 * minimum block interval after the parent. Votes go to the next leader, timeouts to all.
 * Invalid messages are dropped and the sending peer penalised; messages of later epochs are
 * buffered while the node catches up with committed blocks.
 */
public final class RoundManager {
  private static final Logger LOG = LoggerFactory.getLogger(RoundManager.class);

  private final ConsensusConfig config;
  private final SafetyRules safety;
  private final SignatureScheme scheme;
  private final Address self;
  private final PayloadSource payloads;
  private final EpochProvider epochs;
  private final CommittedChain chain;
  private final EquivocationDetector detector;
  private final FutureBuffer future;
  private final BlockSync sync = new BlockSync();
  private final Deque<ConsensusMessage> selfQueue = new ArrayDeque<>();
  private List<Action> out = new ArrayList<>();
  private EpochState state;
  private boolean awaitingEpochChange;
  private PeerId catchUpPeer;
  private Hash ownExecuted;
  private long now;

  /** A core for the validator whose key {@code safety} holds, over the given ports. */
  public RoundManager(ConsensusConfig config, SafetyRules safety, PayloadSource payloads,
      EpochProvider epochs, CommittedChain chain) {
    this.config = config;
    this.safety = safety;
    this.scheme = safety.signer().scheme();
    this.self = safety.signer().address();
    this.payloads = payloads;
    this.epochs = epochs;
    this.chain = chain;
    this.detector = new EquivocationDetector(scheme);
    this.future = new FutureBuffer(config.maxBufferedPerPeer());
  }

  /** Handles one event and returns what to do, in order. */
  public List<Action> handle(Event event) {
    now = event.now();
    out = new ArrayList<>();
    if (event instanceof Event.Start) {
      start();
    } else if (event instanceof Event.MessageReceived m) {
      receive(m.from(), m.message());
    } else if (event instanceof Event.BytesReceived b) {
      decodeAndReceive(b.from(), b.bytes().toArray());
    } else if (event instanceof Event.TimerFired t) {
      onTimer(t);
    } else if (event instanceof Event.BlockExecuted x) {
      onExecuted(x.blockId(), x.result());
    } else if (event instanceof Event.EpochChange c) {
      onEpochChange(c.next());
    }
    while (!selfQueue.isEmpty()) {
      receive(PeerId.SELF, selfQueue.poll());
    }
    List<Action> result = out;
    out = new ArrayList<>();
    return result;
  }

  // ------------------------------------------------------------------ observation (tests, sim)

  /** The current epoch (-1 before start). */
  public long epoch() {
    return state == null ? -1 : state.epoch;
  }

  /** The epoch whose messages the node processes now; empty while it waits for an epoch change. */
  public OptionalLong activeEpoch() {
    return state == null || awaitingEpochChange ? OptionalLong.empty()
        : OptionalLong.of(state.epoch);
  }

  /** The current round (0 before start). */
  public long round() {
    return state == null ? 0 : state.pacemaker.round();
  }

  /** The validator set of the current epoch (null before start). */
  public ValidatorSet validators() {
    return state == null ? null : state.validators;
  }

  /** The highest QC known in the current epoch. */
  public Optional<QuorumCertificate> highestQc() {
    return state == null ? Optional.empty() : state.tree.highestQc();
  }

  /** The last committed block this core knows of. */
  public Optional<Block> committedRoot() {
    return state == null ? Optional.empty() : Optional.of(state.tree.root());
  }

  // ------------------------------------------------------------------ start and epochs

  private void start() {
    Block root = chain.lastBlock();
    long number = root.header().number();
    boolean epochRoot = number % config.epochLength() == 0;
    long epoch = number == 0 ? root.header().epoch() : root.header().epoch() + (epochRoot ? 1 : 0);
    ValidatorSet set = epochs.validatorSet(epoch).orElseThrow(() -> new IllegalStateException(
        "committed state names no validator set for epoch " + epoch));
    awaitingEpochChange = false;
    if (epochRoot) {
      enterEpoch(set, root, 0, Optional.of(QuorumCertificate.genesis(config.chainId(), set,
          root.hash())));
    } else {
      enterEpoch(set, root, root.header().round(), Optional.empty());
    }
    SafetyData d = safety.data();
    if (d.epoch() == state.epoch) { // repeat exactly what was signed before the restart
      d.lastTimeout().ifPresent(t -> {
        out.add(new Action.Broadcast(t));
        selfQueue.add(t);
      });
      d.lastVote().ifPresent(this::sendVote);
    }
  }

  private void enterEpoch(ValidatorSet set, Block root, long rootRound,
      Optional<QuorumCertificate> rootQc) {
    long epoch = set.epoch();
    Hash epochRoot = rootRound == 0 ? root.hash()
        : chain.block(epoch * config.epochLength()).map(Block::hash).orElse(Hash.ZERO);
    BlockTree tree = new BlockTree(root, rootRound, rootQc, epoch, config.epochLength());
    Pacemaker pacemaker = new Pacemaker(config.timeouts(), rootRound + 1);
    state = new EpochState(set, new ProposerElection(set),
        new MessageVerifier(config.chainId(), set, scheme, epochRoot), tree, pacemaker,
        new PendingVotes(set, scheme), new PendingTimeouts(set, scheme), set.indexOf(self));
    safety.startEpoch(set);
    detector.forgetEpochsBelow(epoch);
    out.add(new Action.SetTimer(TimerKind.ROUND_TIMEOUT, epoch, pacemaker.round(),
        pacemaker.start(now)));
    LOG.debug("{} entered epoch {} at block {}", self, epoch, root.header().number());
    tryPropose();
  }

  private void onEpochChange(ValidatorSet next) {
    if (state == null || !awaitingEpochChange || next.epoch() != state.epoch + 1) {
      LOG.debug("{} ignores an epoch change to {}", self, next.epoch());
      return;
    }
    awaitingEpochChange = false;
    Block root = state.tree.root();
    enterEpoch(next, root, 0,
        Optional.of(QuorumCertificate.genesis(config.chainId(), next, root.hash())));
    for (FutureBuffer.Buffered b : future.drain(next.epoch())) {
      receive(b.from(), b.message());
    }
    if (catchUpPeer != null) {
      fetchCommitted(catchUpPeer);
      catchUpPeer = null;
    }
  }

  // ------------------------------------------------------------------ message dispatch

  private void decodeAndReceive(PeerId from, byte[] bytes) {
    ConsensusMessage m;
    try {
      m = ConsensusMessageCodec.decode(bytes);
    } catch (DecodeException e) {
      penalise(from, PenaltyReason.MALFORMED, e.getMessage());
      return;
    }
    receive(from, m);
  }

  private void receive(PeerId from, ConsensusMessage message) {
    if (state == null) {
      return;
    }
    try {
      if (message instanceof EpochMessage m) {
        receiveEpochMessage(from, m);
      } else if (message instanceof BlockRetrievalRequest r) {
        reply(from, SyncServer.blocks(r, state.tree, chain));
      } else if (message instanceof BlockRetrievalResponse r) {
        onBlocks(from, r);
      } else if (message instanceof CommittedBlocksRequest r) {
        reply(from, SyncServer.committed(r, chain));
      } else if (message instanceof CommittedBlocksResponse r) {
        onCommitted(from, r);
      }
    } catch (InvalidMessageException e) {
      penalise(from, e.reason(), e.getMessage());
    }
  }

  private void receiveEpochMessage(PeerId from, EpochMessage m) throws InvalidMessageException {
    if (awaitingEpochChange) {
      if (m.epoch() == state.epoch + 1) {
        buffer(from, m);
      }
      return;
    }
    if (m.epoch() < state.epoch) {
      return; // a peer behind us; it catches up from our later-epoch messages
    }
    if (m.epoch() > state.epoch) {
      LOG.debug("{} got a message of epoch {} in epoch {}: catching up", self, m.epoch(),
          state.epoch);
      buffer(from, m);
      fetchCommitted(from);
      return;
    }
    if (m instanceof ProposalMessage p) {
      onProposal(from, p);
    } else if (m instanceof VoteMessage v) {
      onVote(from, v);
    } else if (m instanceof TimeoutMessage t) {
      onTimeout(from, t);
    } else if (m instanceof SyncInfo s) {
      onSyncInfo(from, s);
    }
  }

  private void buffer(PeerId from, EpochMessage m) {
    if (!future.add(from, m)) {
      penalise(from, PenaltyReason.WRONG_EPOCH, "too many messages for future epochs");
    }
  }

  // ------------------------------------------------------------------ proposals and votes

  private void onProposal(PeerId from, ProposalMessage p) throws InvalidMessageException {
    EpochState s = state;
    LOG.trace("{} received the proposal of round {} from {}", self, p.round(), from);
    int index = s.verifier.indexOf(p.author());
    SigningData data = p.proposalData(config.chainId());
    if (!from.equals(PeerId.SELF)) {
      s.verifier.checkSignature(data, index, p.signature());
    }
    observe(data, p.author(), index, p.signature(), true);
    if (!s.election.leader(p.round()).equals(p.author())) {
      throw new InvalidMessageException(PenaltyReason.WRONG_LEADER,
          p.author() + " does not lead round " + p.round());
    }
    s.verifier.checkQc(p.parentQc());
    if (p.lastRoundTc().isPresent()) {
      s.verifier.checkTc(p.lastRoundTc().get());
    }
    syncCertificates(from, Optional.of(p.parentQc()), p.lastRoundTc());
    if (state != s || awaitingEpochChange) {
      return;
    }
    long round = s.pacemaker.round();
    if (p.round() < round) {
      LOG.trace("{} ignores a proposal for past round {} (in {})", self, p.round(), round);
      replySyncInfo(from);
      return;
    }
    if (p.round() > round || !s.tree.contains(p.block().header().parentHash())) {
      LOG.trace("{} keeps the proposal of round {} for later (in {})", self, p.round(), round);
      s.keepPending(from, p);
      return;
    }
    Block block = p.block();
    Block parent = s.tree.block(block.header().parentHash()).orElseThrow();
    BlockRules.check(block, parent, s.tree.atOrAfterEpochEnd(parent.hash()), now,
        config.maxClockSkewMillis());
    insertBlock(block);
    s.awaitingVote = Optional.of(p);
    tryVote();
  }

  private void tryVote() {
    EpochState s = state;
    if (s.awaitingVote.isEmpty()) {
      return;
    }
    ProposalMessage p = s.awaitingVote.get();
    Optional<ExecutionState> exec = s.tree.executionState(p.block().hash());
    LOG.trace("{} may vote in round {}: block {}", self, p.round(), exec);
    if (p.round() != s.pacemaker.round() || exec.isEmpty()
        || exec.get() == ExecutionState.INVALID) {
      s.awaitingVote = Optional.empty();
      return;
    }
    if (exec.get() != ExecutionState.EXECUTED) {
      return;
    }
    s.awaitingVote = Optional.empty();
    try {
      LOG.trace("{} votes in round {}", self, p.round());
      sendVote(safety.vote(p.block(), p.lastRoundTc()));
    } catch (UnsafeToSignException e) {
      LOG.debug("{} does not vote in round {}: {}", self, p.round(), e.getMessage());
    }
  }

  private void sendVote(VoteMessage vote) {
    Address next = state.election.leader(vote.round() + 1);
    if (next.equals(self)) {
      selfQueue.add(vote);
    } else {
      out.add(new Action.SendTo(next, vote));
    }
  }

  private void onVote(PeerId from, VoteMessage v) throws InvalidMessageException {
    EpochState s = state;
    int index = s.verifier.indexOf(v.author());
    if (v.vote().chainId() != config.chainId()) {
      throw new InvalidMessageException(PenaltyReason.BAD_SIGNATURE,
          "vote for chain " + v.vote().chainId());
    }
    Observation o = observe(v.vote(), v.author(), index, v.signature(), from.equals(PeerId.SELF));
    if (o.badSignature()) {
      throw new InvalidMessageException(PenaltyReason.BAD_SIGNATURE,
          "vote signature of " + v.author() + " does not verify");
    }
    long round = s.pacemaker.round();
    if (v.round() + 1 < round || v.round() > round + config.maxRoundsAhead()) {
      return;
    }
    VoteOutcome result = s.votes.add(v, index, from);
    for (PeerId bad : result.badSenders()) {
      penalise(bad, PenaltyReason.BAD_SIGNATURE, "vote signature does not verify");
    }
    if (result.qc().isPresent()) {
      QuorumCertificate qc = result.qc().get();
      s.verifier.trust(qc);
      if (s.tree.contains(qc.blockId())) {
        processQc(qc);
      } else {
        s.awaitBlock(qc);
        fetchBlock(qc.blockId(), from);
      }
    }
  }

  // ------------------------------------------------------------------ timeouts

  private void onTimeout(PeerId from, TimeoutMessage t) throws InvalidMessageException {
    EpochState s = state;
    int index = s.verifier.indexOf(t.author());
    if (!from.equals(PeerId.SELF)) {
      s.verifier.checkSignature(t.timeout(), index, t.signature());
    }
    observe(t.timeout(), t.author(), index, t.signature(), true);
    s.verifier.checkQc(t.highQc());
    if (t.lastRoundTc().isPresent()) {
      s.verifier.checkTc(t.lastRoundTc().get());
    }
    syncCertificates(from, Optional.of(t.highQc()), t.lastRoundTc());
    if (state != s || awaitingEpochChange) {
      return;
    }
    long round = s.pacemaker.round();
    if (t.round() < round) {
      replySyncInfo(from);
      return;
    }
    if (t.round() > round + config.maxRoundsAhead()) {
      return;
    }
    TimeoutOutcome result = s.timeouts.add(t, index);
    if (result.joinThresholdReached() && t.round() == s.pacemaker.round()) {
      localTimeout();
    }
    if (result.tc().isPresent()) {
      s.verifier.trust(result.tc().get());
      processTc(result.tc().get());
    }
  }

  private void onTimer(Event.TimerFired t) {
    EpochState s = state;
    if (s == null || awaitingEpochChange || t.epoch() != s.epoch
        || t.round() != s.pacemaker.round()) {
      return;
    }
    if (t.kind() == TimerKind.ROUND_TIMEOUT && now >= s.pacemaker.deadline()) {
      localTimeout();
    } else if (t.kind() == TimerKind.PROPOSAL_DELAY) {
      tryPropose();
    }
  }

  private void localTimeout() {
    EpochState s = state;
    if (awaitingEpochChange || s.tree.epochEnded()) {
      return;
    }
    long round = s.pacemaker.round();
    out.add(new Action.SetTimer(TimerKind.ROUND_TIMEOUT, s.epoch, round, s.pacemaker.rearm(now)));
    Optional<QuorumCertificate> hqc = s.tree.highestQc();
    if (hqc.isEmpty() || s.selfIndex.isEmpty()) {
      return;
    }
    Optional<TimeoutCertificate> tc = s.highestTc.filter(t -> t.round() + 1 == round);
    try {
      TimeoutMessage timeout = safety.timeout(round, hqc.get(), tc);
      out.add(new Action.Broadcast(timeout));
      selfQueue.add(timeout);
      // The round's votes may be stuck at a crashed or silent next leader: repeating ours to
      // everyone lets any node that collects a quorum of them form the QC (Aptos does the same).
      safety.data().lastVote().filter(v -> v.round() == round).ifPresent(v -> {
        out.add(new Action.Broadcast(v));
        selfQueue.add(v);
      });
    } catch (UnsafeToSignException e) {
      LOG.debug("{} does not time out round {}: {}", self, round, e.getMessage());
    }
  }

  // ------------------------------------------------------------------ certificates and rounds

  private void onSyncInfo(PeerId from, SyncInfo info) throws InvalidMessageException {
    EpochState s = state;
    for (QuorumCertificate qc : List.of(info.highestQc(), info.commitQc()).stream()
        .flatMap(Optional::stream).toList()) {
      s.verifier.checkQc(qc);
    }
    if (info.highestTc().isPresent()) {
      s.verifier.checkTc(info.highestTc().get());
    }
    syncCertificates(from, info.highestQc(), info.highestTc());
    if (state == s && !awaitingEpochChange) {
      syncCertificates(from, info.commitQc(), Optional.empty());
    }
  }

  /** Catches up with verified certificates from {@code from}, fetching blocks they name. */
  private void syncCertificates(PeerId from, Optional<QuorumCertificate> qc,
      Optional<TimeoutCertificate> tc) throws InvalidMessageException {
    EpochState s = state;
    if (qc.isPresent()) {
      QuorumCertificate q = qc.get();
      if (s.tree.contains(q.blockId())) {
        if (s.tree.qcFor(q.blockId()).isEmpty()) {
          processQc(q);
        }
      } else if (q.round() > s.tree.rootRound()) {
        s.awaitBlock(q);
        fetchBlock(q.blockId(), from);
      }
    }
    if (tc.isPresent() && state == s && !awaitingEpochChange) {
      processTc(tc.get());
    }
  }

  private void processQc(QuorumCertificate qc) throws InvalidMessageException {
    EpochState s = state;
    Optional<CommitDecision> commit;
    try {
      commit = s.tree.insertQc(qc);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_CERTIFICATE, e.getMessage());
    }
    if (commit.isPresent()) {
      applyCommit(commit.get());
    }
    if (state != s || awaitingEpochChange) {
      return;
    }
    if (s.pacemaker.onQuorumCertificate(qc.round(), now).isPresent()) {
      newRound();
    } else {
      tryPropose();
    }
  }

  private void processTc(TimeoutCertificate tc) {
    EpochState s = state;
    if (s.highestTc.isEmpty() || tc.round() > s.highestTc.get().round()) {
      s.highestTc = Optional.of(tc);
    }
    if (s.pacemaker.onTimeoutCertificate(tc.round(), now).isPresent()) {
      newRound();
    }
  }

  private void applyCommit(CommitDecision d) {
    out.add(new Action.CommitBlocks(d.blocks(), d.proof(), d.proofPath()));
    for (Block child : state.tree.settleRoot()) {
      execute(child);
    }
    if (d.endsEpoch()) {
      awaitingEpochChange = true;
      out.add(new Action.Broadcast(syncInfo())); // lets every peer see the commit of the epoch end
      LOG.debug("{} committed the end of epoch {} (block {})", self, state.epoch,
          d.lastBlock().header().number());
    }
  }

  private void newRound() {
    EpochState s = state;
    long round = s.pacemaker.round();
    s.votes.pruneBelow(round - 1);
    s.timeouts.pruneBelow(round);
    s.pendingProposals.headMap(round).clear();
    s.awaitingVote = Optional.empty();
    out.add(new Action.SetTimer(TimerKind.ROUND_TIMEOUT, s.epoch, round, s.pacemaker.deadline()));
    LOG.trace("{} enters round {} of epoch {} (timeout {} ms)", self, round, s.epoch,
        s.pacemaker.currentTimeoutMillis());
    if (s.timeouts.joinable(round)) {
      localTimeout();
    }
    tryPropose();
    retryPending();
  }

  private void retryPending() {
    EpochState s = state;
    Pending p = s.pendingProposals.remove(s.pacemaker.round());
    if (p != null) {
      try {
        onProposal(p.from(), p.proposal());
      } catch (InvalidMessageException e) {
        penalise(p.from(), e.reason(), e.getMessage());
      }
    }
  }

  private SyncInfo syncInfo() {
    return new SyncInfo(state.epoch, state.tree.highestQc(), state.tree.commitQc(),
        state.highestTc);
  }

  private void replySyncInfo(PeerId from) {
    EpochState s = state;
    Long last = s.syncReplies.get(from);
    if (from.equals(PeerId.SELF) || (last != null && last >= s.pacemaker.round())) {
      return;
    }
    s.syncReplies.put(from, s.pacemaker.round());
    reply(from, syncInfo());
  }

  // ------------------------------------------------------------------ leader

  private void tryPropose() {
    EpochState s = state;
    long round = s.pacemaker.round();
    if (awaitingEpochChange || s.tree.epochEnded() || s.proposingRound >= round
        || !s.election.leader(round).equals(self)) {
      return;
    }
    Optional<QuorumCertificate> hqc = s.tree.highestQc();
    if (hqc.isEmpty()) {
      return;
    }
    QuorumCertificate qc = hqc.get();
    Optional<TimeoutCertificate> tc = s.highestTc.filter(t -> t.round() + 1 == round);
    boolean safe = round == qc.round() + 1
        || (tc.isPresent() && qc.round() >= tc.get().highestQcRound());
    Optional<Block> parent = s.tree.block(qc.blockId());
    if (!safe || parent.isEmpty()
        || s.tree.executionState(qc.blockId()).orElseThrow() != ExecutionState.EXECUTED) {
      return;
    }
    long earliest = parent.get().header().timestampMillis() + config.minBlockIntervalMillis();
    if (now < earliest) {
      if (s.proposalTimerRound != round) {
        s.proposalTimerRound = round;
        out.add(new Action.SetTimer(TimerKind.PROPOSAL_DELAY, s.epoch, round, earliest));
      }
      return;
    }
    Block draft = ProposalDrafts.draft(parent.get(), qc, round, now, self, s.epoch,
        s.tree.atOrAfterEpochEnd(qc.blockId()) ? Optional.empty()
            : Optional.of(payloads.payload(s.epoch, round, parent.get())));
    s.proposingRound = round;
    s.draft = Optional.of(new Draft(round, draft, tc));
    out.add(new Action.ExecuteBlock(draft, parent.get().header(), true));
  }

  private void onDraftExecuted(Draft draft, Optional<ExecutionResult> result) {
    EpochState s = state;
    s.draft = Optional.empty();
    if (result.isEmpty() || awaitingEpochChange || draft.round() != s.pacemaker.round()) {
      return;
    }
    Block block = ProposalDrafts.complete(draft.block(), result.get());
    BlsSignature signature;
    try {
      signature = safety.signProposal(block);
    } catch (UnsafeToSignException e) {
      LOG.debug("{} does not propose in round {}: {}", self, draft.round(), e.getMessage());
      return;
    }
    ProposalMessage proposal = new ProposalMessage(block, signature, draft.tc());
    LOG.trace("{} proposes block {} in round {}", self, block.header().number(), draft.round());
    ownExecuted = block.hash();
    out.add(new Action.Broadcast(proposal));
    selfQueue.add(proposal);
  }

  // ------------------------------------------------------------------ blocks and execution

  private void insertBlock(Block block) throws InvalidMessageException {
    EpochState s = state;
    Optional<Block> ready;
    try {
      ready = s.tree.insert(block);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_BLOCK, e.getMessage());
    }
    if (ready.isPresent()) {
      if (block.hash().equals(ownExecuted)) {
        executed(block.hash());
      } else {
        execute(block);
      }
    }
  }

  private void execute(Block block) {
    Block parent = state.tree.block(block.header().parentHash()).orElseThrow();
    out.add(new Action.ExecuteBlock(block, parent.header(), false));
  }

  private void executed(Hash id) {
    for (Block child : state.tree.markExecuted(id)) {
      execute(child);
    }
  }

  private void onExecuted(Hash id, Optional<ExecutionResult> result) {
    EpochState s = state;
    if (s == null) {
      return;
    }
    if (s.draft.isPresent() && s.draft.get().block().hash().equals(id)) {
      onDraftExecuted(s.draft.get(), result);
      return;
    }
    Optional<Block> block = s.tree.block(id);
    LOG.trace("{} executed block {}: {}", self, id, block.map(b -> b.header().number()));
    if (block.isEmpty()) {
      return;
    }
    if (result.isPresent() && result.get().matches(block.get().header())) {
      executed(id);
    } else {
      LOG.debug("{} rejects block {}: execution disagrees with its header", self, id);
      s.tree.markInvalid(id);
    }
    tryVote();
    tryPropose();
  }

  // ------------------------------------------------------------------ catching up

  private void fetchBlock(Hash id, PeerId from) {
    sync.fetchBlock(id, from, now).ifPresent(a -> {
      LOG.trace("{} fetches block {} from {}", self, id, from);
      out.add(a);
    });
  }

  private void fetchCommitted(PeerId from) {
    long next = state.tree.root().header().number() + 1;
    sync.fetchCommitted(from, next, now).ifPresent(out::add);
  }

  private void onBlocks(PeerId from, BlockRetrievalResponse r) throws InvalidMessageException {
    EpochState s = state;
    if (!sync.takeBlockResponse(r.blockId()) || r.blocks().isEmpty() || awaitingEpochChange) {
      return;
    }
    List<Block> blocks = r.blocks();
    LOG.trace("{} got {} blocks from {} for {}", self, blocks.size(), from, r.blockId());
    int fresh = 0;
    while (fresh < blocks.size() && !s.tree.contains(blocks.get(fresh).hash())) {
      fresh++;
    }
    Block oldest = blocks.get(fresh - 1 < 0 ? 0 : fresh - 1);
    if (fresh == blocks.size() && !s.tree.contains(oldest.header().parentHash())) {
      if (oldest.header().number() > s.tree.root().header().number() + 1) {
        fetchCommitted(from); // too far behind for block retrieval: catch up on committed blocks
      }
      return;
    }
    for (int i = fresh - 1; i >= 0; i--) {
      if (blocks.get(i).header().epoch() != s.epoch) {
        throw new InvalidMessageException(PenaltyReason.INVALID_BLOCK, "fetched block of epoch "
            + blocks.get(i).header().epoch());
      }
      insertBlock(blocks.get(i));
    }
    for (int i = fresh - 1; i >= 0 && state == s && !awaitingEpochChange; i--) {
      QuorumCertificate parentQc = blocks.get(i).header().parentQc().orElseThrow();
      if (s.tree.contains(parentQc.blockId()) && s.tree.qcFor(parentQc.blockId()).isEmpty()) {
        processQc(parentQc);
      }
    }
    for (int i = fresh - 1; i >= 0 && state == s && !awaitingEpochChange; i--) {
      QuorumCertificate waiting = s.qcsAwaitingBlocks.remove(blocks.get(i).hash());
      if (waiting != null && s.tree.contains(waiting.blockId())) {
        processQc(waiting);
      }
    }
    if (state == s && !awaitingEpochChange) {
      retryPending();
    }
  }

  private void onCommitted(PeerId from, CommittedBlocksResponse r)
      throws InvalidMessageException {
    if (!sync.takeCommittedResponse(from)) {
      return;
    }
    LOG.debug("{} got {} committed segments from {} (its height {})", self,
        r.segments().size(), from, r.highestCommitted());
    boolean progressed = false;
    for (CommittedSegment segment : r.segments()) {
      if (awaitingEpochChange || segment.proof().epoch() != state.epoch) {
        break;
      }
      long rootNumber = state.tree.root().header().number();
      List<Block> blocks = segment.blocks().stream()
          .filter(b -> b.header().number() > rootNumber).toList();
      if (blocks.isEmpty()) {
        continue;
      }
      if (!blocks.get(0).header().parentHash().equals(state.tree.root().hash())) {
        throw new InvalidMessageException(PenaltyReason.INVALID_BLOCK,
            "committed blocks do not extend the local committed chain");
      }
      for (Block b : blocks) {
        if (b.header().epoch() != state.epoch) {
          throw new InvalidMessageException(PenaltyReason.INVALID_BLOCK,
              "committed segment mixes epochs");
        }
      }
      state.verifier.checkQc(segment.proof().qc());
      commitSynced(blocks, segment);
      progressed = true;
    }
    if (awaitingEpochChange) {
      catchUpPeer = r.highestCommitted() > state.tree.root().header().number() ? from : null;
    } else if (progressed && r.highestCommitted() > state.tree.root().header().number()) {
      fetchCommitted(from);
    }
  }

  private void commitSynced(List<Block> blocks, CommittedSegment segment) {
    EpochState s = state;
    out.add(new Action.CommitBlocks(blocks, segment.proof(), segment.proofPath()));
    Block last = blocks.get(blocks.size() - 1);
    s.resetTree(new BlockTree(last, last.header().round(), Optional.empty(), s.epoch,
        config.epochLength()));
    if (last.header().number() % config.epochLength() == 0) {
      awaitingEpochChange = true;
      return;
    }
    if (s.pacemaker.onQuorumCertificate(segment.proof().qc().round(), now).isPresent()) {
      newRound();
    }
  }

  // ------------------------------------------------------------------ helpers

  private Observation observe(SigningData data, Address author, int index, BlsSignature sig,
      boolean verified) {
    Observation o = detector.observe(data, author, state.validators.get(index).blsKey(), sig,
        verified);
    o.evidence().ifPresent(e -> {
      LOG.info("{} found {} equivocation by {} in epoch {} round {}", self, e.kind().domain(),
          e.validator(), e.epoch(), e.round());
      out.add(new Action.ReportEvidence(e));
    });
    return o;
  }

  private void reply(PeerId to, ConsensusMessage message) {
    if (!to.equals(PeerId.SELF)) {
      out.add(new Action.SendToPeer(to, message));
    }
  }

  private void penalise(PeerId peer, PenaltyReason reason, String detail) {
    LOG.debug("{} drops a message from {}: {} ({})", self, peer, reason, detail);
    if (!peer.equals(PeerId.SELF)) {
      out.add(new Action.PenalisePeer(peer, reason, detail));
    }
  }
}
