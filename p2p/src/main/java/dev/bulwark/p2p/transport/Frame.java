package dev.bulwark.p2p.transport;

import dev.bulwark.ledger.types.Bytes;
import java.util.Objects;

/** One wire frame: an unsigned 16-bit message type and opaque payload bytes. */
public record Frame(int type, Bytes payload) {
  /** Largest message type code. */
  public static final int MAX_TYPE = 0xFFFF;

  /** Validates the type range. */
  public Frame {
    if (type < 0 || type > MAX_TYPE) {
      throw new IllegalArgumentException("frame type out of range: " + type);
    }
    Objects.requireNonNull(payload, "payload");
  }

  /** Bytes this frame occupies on the wire, header included. */
  public int wireSize() {
    return FrameCodec.HEADER_SIZE + FrameCodec.TYPE_SIZE + payload.size();
  }
}
