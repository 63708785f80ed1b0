package dev.bulwark.p2p.transport;

import dev.bulwark.ledger.types.Bytes;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/**
 * Splits a byte stream into frames with a {@link RecordParser}, alternating between the 4-byte
 * length prefix and the body. The length is checked against the maximum before the parser is
 * asked for the body, so an oversize claim is refused without buffering or allocating it.
 */
public final class FrameReader implements Handler<Buffer> {
  private final int maxFrameSize;
  private final FrameListener listener;
  private final RecordParser parser;
  private boolean readingHeader = true;
  private boolean stopped;
  private boolean skipNext;

  /** A reader refusing bodies (type + payload) longer than {@code maxFrameSize} bytes. */
  public FrameReader(int maxFrameSize, FrameListener listener) {
    if (maxFrameSize < FrameCodec.TYPE_SIZE) {
      throw new IllegalArgumentException("max frame size too small: " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.listener = listener;
    this.parser = RecordParser.newFixed(FrameCodec.HEADER_SIZE, this::onRecord);
  }

  /** Feeds bytes read from the socket. */
  @Override
  public void handle(Buffer chunk) {
    if (!stopped) {
      parser.handle(chunk);
    }
  }

  /** Ignores everything from now on (the session is closing). */
  public void stop() {
    stopped = true;
  }

  private void onRecord(Buffer record) {
    if (stopped) {
      return;
    }
    if (readingHeader) {
      long length = record.getUnsignedInt(0);
      if (length > maxFrameSize) {
        stopped = true;
        listener.onOversize(length);
        return;
      }
      if (length < FrameCodec.TYPE_SIZE) {
        // Consume the stray bytes (0 or 1) so the next length prefix is read in sync.
        listener.onMalformed("frame length " + length + " cannot hold a message type");
        if (length > 0) {
          readingHeader = false;
          parser.fixedSizeMode((int) length);
          skipNext = true;
        }
        return;
      }
      readingHeader = false;
      parser.fixedSizeMode((int) length);
      return;
    }
    readingHeader = true;
    parser.fixedSizeMode(FrameCodec.HEADER_SIZE);
    if (skipNext) {
      skipNext = false;
      return;
    }
    int type = record.getUnsignedShort(0);
    Bytes payload = Bytes.of(record.getBytes(FrameCodec.TYPE_SIZE, record.length()));
    listener.onFrame(new Frame(type, payload));
  }
}
