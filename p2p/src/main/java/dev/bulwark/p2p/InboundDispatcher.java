package dev.bulwark.p2p;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.p2p.gossip.SeenCache;
import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.metrics.P2pMetrics;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.MessageType;
import dev.bulwark.p2p.transport.Priority;
import dev.bulwark.ledger.types.Bytes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a frame of an established session: rate limits (per priority lane), control frames,
 * unknown types, gossip de-duplication, then the registered handler. Runs on the session's event
 * loop.
 */
final class InboundDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

  /** A registered type and its handler. */
  record Registration(MessageType type, MessageHandler handler) {}

  private final Map<Integer, Registration> registrations;
  private final SeenCache seen;
  private final PeerDiscipline discipline;
  private final P2pMetrics metrics;
  private final String localId;

  InboundDispatcher(Map<Integer, Registration> registrations, SeenCache seen, PeerDiscipline discipline,
      P2pMetrics metrics, String localId) {
    this.registrations = registrations;
    this.seen = seen;
    this.discipline = discipline;
    this.metrics = metrics;
    this.localId = localId;
  }

  void onFrame(Session session, Frame frame) {
    metrics.frameIn(frame.wireSize());
    boolean control = ControlType.isControl(frame.type());
    Registration registration = control ? null : registrations.get(frame.type());
    // Each lane has its own budget, so a transaction flood cannot use up consensus's; frames of
    // unknown types go to the gossip lane for the same reason.
    Priority lane = control ? Priority.HIGH
        : registration == null ? Priority.LOW : registration.type().priority();
    if (!session.limiter().admitFrame(lane, frame.wireSize())) {
      metrics.dropped("rate_limit");
      discipline.penalise(session.peer(), Offence.RATE_LIMITED,
          lane.name() + "-priority frame over the rate limit dropped");
      return;
    }
    if (control) {
      onControl(session, frame);
      return;
    }
    if (registration == null) {
      discipline.penalise(session.peer(), Offence.UNKNOWN_TYPE, "message type " + frame.type());
      return;
    }
    MessageType type = registration.type();
    if (type.gossip()) {
      Bytes id = SeenCache.idOf(frame.type(), frame.payload());
      boolean repeated = !session.receivedGossip().markSeen(id);
      if (!seen.markSeen(id)) {
        metrics.dropped("duplicate");
        // Honest relaying hands us a payload once from every peer that has it, often at the same
        // time: only the same session sending it again is a flood (past the tolerated rate).
        if (repeated && !session.limiter().admitDuplicate()) {
          discipline.penalise(session.peer(), Offence.DUPLICATE_FLOOD, "repeated " + type.name());
        }
        return;
      }
    }
    try {
      registration.handler().onMessage(new InboundMessage(session.peer(), session.id(), type, frame.payload()));
    } catch (DecodeException e) {
      discipline.penalise(session.peer(), Offence.DECODE_FAILURE, type.name() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // A handler bug is not the peer's fault: log it and keep the session.
      LOG.error("[{}] handler for {} failed on a message from {}", localId, type.name(), session.peer(), e);
    }
  }

  private void onControl(Session session, Frame frame) {
    switch (frame.type()) {
      case ControlType.PING -> session.send(new Frame(ControlType.PONG, Bytes.EMPTY), Priority.HIGH);
      case ControlType.PONG -> { }
      case ControlType.REJECT -> LOG.warn("[{}] peer {} is closing the session: {}", localId, session,
          Handshake.reasonText(frame.payload()));
      default -> discipline.penalise(session.peer(), Offence.MALFORMED_FRAME,
          "control frame " + frame.type() + " after the handshake");
    }
  }
}
