package dev.bulwark.p2p;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.transport.MessageType;
import java.util.Objects;

/** A message received from an authenticated peer over session {@code sessionId}. */
public record InboundMessage(PeerId from, long sessionId, MessageType type, Bytes payload) {
  /** Validates presence. */
  public InboundMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
