package dev.bulwark.p2p.transport;

/** What a {@link FrameReader} reports; called on the socket's event loop. */
public interface FrameListener {
  /** A complete, well-formed frame. */
  void onFrame(Frame frame);

  /** A length prefix above the maximum: the stream cannot be trusted any more. */
  void onOversize(long declaredLength);

  /** A frame too short to hold a message type; the stream stays in sync. */
  void onMalformed(String reason);
}
