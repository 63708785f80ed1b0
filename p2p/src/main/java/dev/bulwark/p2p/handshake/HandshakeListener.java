package dev.bulwark.p2p.handshake;

/** Outcomes of a {@link Handshake}; exactly one of them is reported. */
public interface HandshakeListener {
  /** Both sides proved their keys; {@code remote} is the peer's verified hello. */
  void onEstablished(Hello remote);

  /** This side refused; a REJECT frame was already queued when the peer may read it. */
  void onRefused(HandshakeRefusal refusal, Hello remoteOrNull);

  /** The peer refused us and said why. */
  void onRejectedByPeer(String reason, Hello remoteOrNull);
}
