package dev.bulwark.p2p.transport;

import io.vertx.core.buffer.Buffer;

/**
 * The frame wire format: a 4-byte big-endian length L, then L bytes made of a 2-byte big-endian
 * message type and the payload. L counts the type and the payload, so L below 2 is malformed.
 */
public final class FrameCodec {
  /** Size of the length prefix. */
  public static final int HEADER_SIZE = 4;
  /** Size of the message type field. */
  public static final int TYPE_SIZE = 2;

  private FrameCodec() {}

  /** Encodes one frame. */
  public static Buffer encode(Frame frame) {
    byte[] payload = frame.payload().toArray();
    return Buffer.buffer(HEADER_SIZE + TYPE_SIZE + payload.length)
        .appendInt(TYPE_SIZE + payload.length)
        .appendUnsignedShort(frame.type())
        .appendBytes(payload);
  }
}
