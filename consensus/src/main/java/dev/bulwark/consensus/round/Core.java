package dev.bulwark.consensus.round;

import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.blocktree.CommitDecision;
import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.evidence.Observation;
import dev.bulwark.consensus.message.BlockRetrievalRequest;
import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.consensus.port.EpochProvider;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.consensus.round.EpochState.Pending;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round flow behind {@link RoundManager}: dispatch, proposals and votes, certificates and
 * rounds, commits, with {@link Leader}, {@link TimeoutDuty}, {@link Execution} and {@link CatchUp}
 * as helpers that see it through {@link RoundHost}.
 */
final class Core implements RoundHost {
  private static final Logger LOG = LoggerFactory.getLogger(RoundManager.class);

  private final ConsensusConfig config;
  private final SafetyRules safety;
  private final SignatureScheme scheme;
  private final Address self;
  private final PayloadSource payloads;
  private final EpochProvider epochs;
  private final CommittedChain chain;
  private final EquivocationDetector detector;
  private final EquivocationWatch watch;
  private final FutureBuffer future;
  private final Deque<ConsensusMessage> selfQueue = new ArrayDeque<>();
  private final Leader leader;
  private final CatchUp catchUp;
  private final TimeoutDuty timeouts;
  private final VoteDuty votes;
  private final BlockTreeStorage treeStorage;
  private final Recovery recovery;
  private boolean restoring; // re-inserting what the tree storage holds: nothing to save again
  private final Execution execution;
  private List<Action> out = new ArrayList<>();
  private EpochState state;
  private boolean awaitingEpochChange;
  private long now;

  Core(
      ConsensusConfig config,
      SafetyRules safety,
      PayloadSource payloads,
      EpochProvider epochs,
      CommittedChain chain,
      BlockTreeStorage treeStorage) {
    this.config = config;
    this.safety = safety;
    this.scheme = safety.signer().scheme();
    this.self = safety.signer().address();
    this.payloads = payloads;
    this.epochs = epochs;
    this.chain = chain;
    this.detector = new EquivocationDetector(scheme, config.maxRoundsAhead());
    this.watch = new EquivocationWatch(this, detector, self);
    this.future = new FutureBuffer(config.maxBufferedPerPeer());
    this.leader = new Leader(this, config, safety, payloads);
    this.catchUp = new CatchUp(this, config.epochLength());
    this.timeouts = new TimeoutDuty(this, safety, config.maxRoundsAhead(), treeStorage);
    this.votes = new VoteDuty(this, safety, config);
    this.treeStorage = treeStorage;
    this.recovery = new Recovery(this, config, epochs, chain, treeStorage);
    this.execution = new Execution(this, leader, votes, self);
  }

  List<Action> handle(Event event) {
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
      execution.onExecuted(x.blockId(), x.outcome());
    } else if (event instanceof Event.DraftBuilt d) {
      execution.onDraftBuilt(d.draftId(), d.block());
    } else if (event instanceof Event.EpochChange c) {
      onEpochChange(c.next());
    }
    while (!selfQueue.isEmpty()) {
      receive(PeerId.SELF, selfQueue.poll());
    }
    return out;
  }

  /** The actions of an event that threw, as far as it got (the next event starts a new list). */
  List<Action> unfinished() {
    return out;
  }

  // ------------------------------------------------------------------ start and epochs

  private void start() {
    Recovery.StartPoint p = recovery.startPoint();
    awaitingEpochChange = false;
    enterEpoch(p.set(), p.root(), p.rootRound(), p.rootQc());
    restoring = true;
    try {
      recovery.restoreTree();
    } finally {
      restoring = false;
    }
    SafetyData d = safety.data();
    if (d.epoch() == state.epoch) { // repeat exactly what was signed before the restart
      d.lastTimeout()
          .ifPresent(
              t -> {
                out.add(new Action.Broadcast(t));
                selfQueue.add(t);
              });
      d.lastVote().ifPresent(votes::send);
    }
  }

  private void enterEpoch(
      ValidatorSet set, Block root, long rootRound, Optional<QuorumCertificate> rootQc) {
    long epoch = set.epoch();
    Hash epochRoot =
        rootRound == 0
            ? root.hash()
            : chain.block((epoch - 1) * config.epochLength()).map(Block::hash).orElse(Hash.ZERO);
    state =
        EpochState.start(
            config,
            set,
            scheme,
            self,
            new BlockTree(root, rootRound, rootQc, epoch, config.epochLength()),
            epochRoot);
    safety.startEpoch(set);
    detector.forgetEpochsBelow(epoch);
    out.add(
        new Action.SetTimer(
            TimerKind.ROUND_TIMEOUT, epoch, state.pacemaker.round(), state.pacemaker.start(now)));
    LOG.debug("{} entered epoch {} at block {}", self, epoch, root.header().number());
    leader.tryPropose();
  }

  private void onEpochChange(ValidatorSet next) {
    if (state == null || !awaitingEpochChange || next.epoch() != state.epoch + 1) {
      LOG.debug("{} ignores an epoch change to {}", self, next.epoch());
      return;
    }
    awaitingEpochChange = false;
    Block root = state.tree.root();
    enterEpoch(
        next, root, 0, Optional.of(QuorumCertificate.genesis(config.chainId(), next, root.hash())));
    for (FutureBuffer.Buffered b : future.drain(next.epoch())) {
      receive(b.from(), b.message());
    }
    catchUp.resume();
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
        catchUp.onBlocks(from, r);
      } else if (message instanceof CommittedBlocksRequest r) {
        reply(from, SyncServer.committed(r, chain));
      } else if (message instanceof CommittedBlocksResponse r) {
        catchUp.onCommitted(from, r);
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
      LOG.debug(
          "{} got a message of epoch {} in epoch {}: catching up", self, m.epoch(), state.epoch);
      buffer(from, m);
      catchUp.fetchCommitted(from);
      return;
    }
    if (m instanceof ProposalMessage p) {
      onProposal(from, p);
    } else if (m instanceof VoteMessage v) {
      votes.onVote(from, v);
    } else if (m instanceof TimeoutMessage t) {
      timeouts.onTimeout(from, t);
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
    int index = s.verifier.indexOf(p.author());
    SigningData data = p.proposalData(config.chainId());
    if (!from.equals(PeerId.SELF)) {
      s.verifier.checkSignature(data, index, p.signature());
    }
    observe(data, p.author(), index, p.signature(), true);
    if (!s.election.leader(p.round()).equals(p.author())) {
      throw new InvalidMessageException(
          PenaltyReason.WRONG_LEADER, p.author() + " does not lead round " + p.round());
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
      replySyncInfo(from);
      return;
    }
    if (p.round() > round || !s.tree.contains(p.block().header().parentHash())) {
      s.keepPending(from, p);
      return;
    }
    Block block = p.block();
    Block parent = s.tree.block(block.header().parentHash()).orElseThrow();
    BlockRules.check(
        block, parent, s.tree.atOrAfterEpochEnd(parent.hash()), now, config.maxClockSkewMillis());
    insertBlock(block);
    s.awaitingVote = Optional.of(p);
    votes.tryVote();
  }

  // ------------------------------------------------------------------ timeouts

  private void onTimer(Event.TimerFired t) {
    EpochState s = state;
    if (s == null
        || awaitingEpochChange
        || t.epoch() != s.epoch
        || t.round() != s.pacemaker.round()) {
      return;
    }
    if (t.kind() == TimerKind.ROUND_TIMEOUT && now >= s.pacemaker.deadline()) {
      execution.retryWaiting();
      timeouts.timeOut();
    } else if (t.kind() == TimerKind.PROPOSAL_DELAY) {
      leader.tryPropose();
    }
  }

  // ------------------------------------------------------------------ certificates and rounds

  private void onSyncInfo(PeerId from, SyncInfo info) throws InvalidMessageException {
    EpochState s = state;
    for (QuorumCertificate qc :
        List.of(info.highestQc(), info.commitQc()).stream().flatMap(Optional::stream).toList()) {
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

  @Override
  public void syncCertificates(
      PeerId from, Optional<QuorumCertificate> qc, Optional<TimeoutCertificate> tc)
      throws InvalidMessageException {
    EpochState s = state;
    if (qc.isPresent()) {
      QuorumCertificate q = qc.get();
      if (s.tree.contains(q.blockId())) {
        if (s.tree.qcFor(q.blockId()).isEmpty()) {
          processQc(q);
        }
      } else if (q.round() > s.tree.rootRound()) {
        s.awaitBlock(q);
        catchUp.fetchBlock(q.blockId(), from);
      }
    }
    if (tc.isPresent() && state == s && !awaitingEpochChange) {
      processTc(tc.get());
    }
  }

  @Override
  public void processQc(QuorumCertificate qc) throws InvalidMessageException {
    EpochState s = state;
    Optional<CommitDecision> commit;
    boolean fresh = s.tree.qcFor(qc.blockId()).isEmpty();
    try {
      commit = s.tree.insertQc(qc);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_CERTIFICATE, e.getMessage());
    }
    if (fresh && !restoring) {
      treeStorage.saveQc(qc); // made durable by the next block save or before a timeout
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
      leader.tryPropose();
    }
  }

  @Override
  public void processTc(TimeoutCertificate tc) {
    EpochState s = state;
    if (s.highestTc.isEmpty() || tc.round() > s.highestTc.get().round()) {
      s.highestTc = Optional.of(tc);
      if (!restoring) {
        treeStorage.saveTc(tc); // it justifies the next round's votes and timeouts after a crash
      }
    }
    if (s.pacemaker.onTimeoutCertificate(tc.round(), now).isPresent()) {
      newRound();
    }
  }

  private void applyCommit(CommitDecision d) {
    out.add(new Action.CommitBlocks(d.blocks(), d.proof(), d.proofPath()));
    // The ledger applies commits asynchronously: only what it already holds may be forgotten, so
    // a crash before it makes this commit durable finds the blocks again and re-commits them.
    treeStorage.prune(Math.min(chain.height(), d.lastBlock().header().number()), state.epoch);
    for (Block child : state.tree.settleRoot()) {
      execution.execute(child);
    }
    if (d.endsEpoch()) {
      awaitingEpochChange = true;
      out.add(new Action.Broadcast(syncInfo())); // lets every peer see the commit of the epoch end
      LOG.debug(
          "{} committed the end of epoch {} (block {})",
          self,
          state.epoch,
          d.lastBlock().header().number());
    }
  }

  @Override
  public void newRound() {
    EpochState s = state;
    long round = s.pacemaker.round();
    s.votes.pruneBelow(round - 1);
    s.timeouts.pruneBelow(round);
    s.pendingProposals.headMap(round).clear();
    s.awaitingVote = Optional.empty();
    out.add(new Action.SetTimer(TimerKind.ROUND_TIMEOUT, s.epoch, round, s.pacemaker.deadline()));
    LOG.trace(
        "{} enters round {} of epoch {} (timeout {} ms)",
        self,
        round,
        s.epoch,
        s.pacemaker.currentTimeoutMillis());
    if (s.timeouts.joinable(round)) {
      timeouts.timeOut();
    }
    leader.tryPropose();
    retryPending();
  }

  @Override
  public void retryPending() {
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
    return new SyncInfo(
        state.epoch, state.tree.highestQc(), state.tree.commitQc(), state.highestTc);
  }

  @Override
  public void replySyncInfo(PeerId from) {
    EpochState s = state;
    Long last = s.syncReplies.get(from);
    if (from.equals(PeerId.SELF) || (last != null && last >= s.pacemaker.round())) {
      return;
    }
    s.syncReplies.put(from, s.pacemaker.round());
    reply(from, syncInfo());
  }

  // ------------------------------------------------------------------ blocks and execution

  @Override
  public void insertBlock(Block block) throws InvalidMessageException {
    EpochState s = state;
    Optional<Block> ready;
    boolean fresh = !s.tree.contains(block.hash());
    try {
      ready = s.tree.insert(block);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_BLOCK, e.getMessage());
    }
    if (fresh && !restoring) {
      treeStorage.saveBlock(block); // before any vote on it (Aptos' save_tree)
    }
    if (ready.isPresent()) {
      if (leader.isOwnBlock(block.hash())) {
        execution.executed(block.hash());
      } else {
        execution.execute(block);
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  @Override
  public Observation observe(
      SigningData data, Address author, int index, BlsSignature sig, boolean verified) {
    return watch.observe(data, author, index, sig, verified);
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

  @Override
  public EpochState state() {
    return state;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public void emit(Action action) {
    out.add(action);
  }

  @Override
  public void deliverToSelf(ConsensusMessage message) {
    selfQueue.add(message);
  }

  @Override
  public void fetchBlock(Hash id, PeerId from) {
    catchUp.fetchBlock(id, from);
  }

  @Override
  public boolean awaitingEpochChange() {
    return awaitingEpochChange;
  }

  @Override
  public void awaitEpochChange() {
    awaitingEpochChange = true;
  }
}
