package dev.bulwark.node.network;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.round.SignaturePrecheck;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.EvidenceCodec;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.Inbound;
import dev.bulwark.node.bus.BusMessages.Outbound;
import dev.bulwark.node.bus.BusMessages.Penalty;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.node.status.NodeStatus;
import dev.bulwark.p2p.InboundMessage;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.rpc.bulwark.PeersView;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's {@link P2pNetwork}: decodes inbound consensus frames and checks their signatures
 * on worker threads (in parallel, off the consensus context) before handing them to consensus;
 * admits gossiped transaction batches on a worker of their own ({@link TransactionAdmission}) and
 * relays what the mempool admits in batches ({@link TransactionRelay}); checks and relays evidence;
 * sends what the other verticles ask for; applies penalties.
 */
public final class P2pVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(P2pVerticle.class);
  /** Most transactions in one gossiped batch. */
  public static final int MAX_BATCH = 256;

  private final P2pNetwork network;
  private final long chainId;
  private final SignatureScheme scheme;
  private final EvidencePool evidence;
  private final NodeStatus status;
  private final int verifyThreads;
  private final Mempool mempool;
  private final TransactionRelay relay;
  private volatile ValidatorSet validators;
  private WorkerExecutor verifiers;
  private WorkerExecutor admitter;
  private TransactionAdmission admission;
  private EventBus bus;
  private long peerTimer = -1;
  private long flushTimer = -1;

  /**
   * Runs {@code network}; {@code scheme} is the memoizing scheme consensus also verifies with;
   * gossiped transactions go to {@code mempool}.
   */
  public P2pVerticle(P2pNetwork network, long chainId, SignatureScheme scheme, EvidencePool evidence,
      NodeStatus status, int verifyThreads, Mempool mempool) {
    this.network = network;
    this.chainId = chainId;
    this.scheme = scheme;
    this.evidence = evidence;
    this.status = status;
    this.verifyThreads = verifyThreads;
    this.mempool = mempool;
    this.relay = new TransactionRelay(this::send); // broadcast is thread-safe
  }

  /** A mempool listener relaying newly admitted transactions in batches, never to their origin. */
  public MempoolListener relay() {
    return relay;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    verifiers = vertx.createSharedWorkerExecutor("bulwark-verify-" + network.localId().shortId(),
        verifyThreads);
    admitter = vertx.createSharedWorkerExecutor("bulwark-admit-" + network.localId().shortId(), 1);
    admission = new TransactionAdmission(mempool,
        task -> admitter.executeBlocking(() -> {
          task.run();
          return null;
        }, true).onFailure(e -> LOG.error("admitting a gossiped transaction batch failed", e)),
        (key, offence, detail) -> network.penalise(new PeerId(key), offence, detail));
    network.register(WireTypes.CONSENSUS, this::onConsensus);
    network.register(WireTypes.TRANSACTIONS, this::onTransactions);
    network.register(WireTypes.EVIDENCE, this::onEvidence);
    bus.<Outbound>consumer(BusMessages.P2P_OUTBOUND, m -> send(m.body()));
    bus.<Penalty>consumer(BusMessages.P2P_PENALTY, m -> network.penalise(
        new PeerId(m.body().nodeKey()), m.body().offence(), m.body().detail()));
    bus.<BusMessages.ValidatorsChanged>consumer(BusMessages.P2P_VALIDATORS, m -> {
      validators = m.body().validators();
      network.revalidateSessions();
    });
    peerTimer = vertx.setPeriodic(500, id -> {
      status.peers(network.connectedPeers().size());
      status.peerSessions(sessions());
    });
    flushTimer = vertx.setPeriodic(TransactionRelay.FLUSH_INTERVAL_MILLIS, id -> relay.flush());
    return network.start();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(peerTimer);
    vertx.cancelTimer(flushTimer);
    return network.stop().eventually(() -> verifiers.close()).eventually(() -> admitter.close());
  }

  /** The live sessions as bulwark_peers shows them (read on this verticle's context). */
  private List<PeersView.PeerInfo> sessions() {
    ValidatorSet set = validators;
    List<PeersView.PeerInfo> out = new ArrayList<>();
    for (Session s : network.sessions()) {
      Bytes key = s.peer().nodeKey();
      boolean validator = set != null
          && set.validators().stream().anyMatch(v -> v.nodePublicKey().equals(key));
      out.add(new PeersView.PeerInfo(key, s.remoteAddress(),
          s.direction().name().toLowerCase(java.util.Locale.ROOT), network.scores().score(key),
          validator ? "validator" : "observer", -1));
    }
    return out;
  }

  private void send(Outbound out) {
    if (out.to().isPresent()) {
      network.send(new PeerId(out.to().get()), out.type(), out.payload());
    } else {
      network.broadcast(out.type(), out.payload(), out.except().map(PeerId::new).orElse(null));
    }
  }

  private void onConsensus(InboundMessage in) {
    Bytes from = in.from().nodeKey();
    verifiers.<ConsensusMessage>executeBlocking(() -> {
      ConsensusMessage message = ConsensusMessageCodec.decode(in.payload().toArray());
      SignaturePrecheck.run(chainId, validators, scheme, message);
      return message;
    }, false).onComplete(ar -> {
      if (ar.succeeded()) {
        bus.send(BusMessages.CONSENSUS_INBOUND, new Inbound(PeerDirectory.peerId(from), ar.result()));
      } else if (ar.cause() instanceof DecodeException e) {
        network.penalise(in.from(), Offence.DECODE_FAILURE, "consensus message: " + e.getMessage());
      } else {
        LOG.warn("cannot check a consensus message from {}: {}", in.from(), ar.cause().toString());
      }
    });
  }

  private void onTransactions(InboundMessage in) {
    // A DecodeException here is penalised by the transport.
    List<Bytes> raws = TransactionBatches.decode(in.payload());
    admission.offer(raws, in.from().nodeKey());
  }

  private void onEvidence(InboundMessage in) {
    Evidence e = EvidenceCodec.decode(in.payload().toArray());
    ValidatorSet set = validators;
    if (set == null || e.epoch() != set.epoch() || e.chainId() != chainId) {
      return; // other epochs' evidence is the ledger's to judge when a leader offers it
    }
    var offender = set.find(e.validator());
    if (offender.isEmpty()) {
      network.penalise(in.from(), Offence.INVALID_SIGNATURE, "evidence against a non-validator");
      return;
    }
    verifiers.<Boolean>executeBlocking(() -> {
      try {
        e.verify(offender.get().blsKey(), chainId, scheme);
        return true;
      } catch (VerificationException bad) {
        return false;
      }
    }, false).onSuccess(valid -> {
      if (!valid) {
        network.penalise(in.from(), Offence.INVALID_SIGNATURE, "evidence does not verify");
      } else if (evidence.add(e)) {
        network.broadcast(WireTypes.EVIDENCE, in.payload(), in.from());
      }
    });
  }
}
