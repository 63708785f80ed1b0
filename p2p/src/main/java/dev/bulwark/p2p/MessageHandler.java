package dev.bulwark.p2p;

/**
 * Receives the inbound messages of one registered type, on the session's event loop: it must
 * not block (the node forwards to its verticles over the event bus). Throwing
 * {@link dev.bulwark.ledger.codec.DecodeException} penalises the sender for a bad payload.
 */
@FunctionalInterface
public interface MessageHandler {
  /** Handles one message. */
  void onMessage(InboundMessage message);
}
