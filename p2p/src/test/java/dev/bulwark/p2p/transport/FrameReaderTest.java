package dev.bulwark.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  private final List<Frame> frames = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final FrameReader reader = new FrameReader(1024, new FrameListener() {
    @Override
    public void onFrame(Frame frame) {
      frames.add(frame);
    }

    @Override
    public void onOversize(long declaredLength) {
      problems.add("oversize " + declaredLength);
    }

    @Override
    public void onMalformed(String reason) {
      problems.add("malformed");
    }
  });

  @Test
  void reassemblesFramesSplitAtEveryByte() {
    Frame one = new Frame(0x0100, Bytes.fromHex("0x0102030405"));
    Frame two = new Frame(0xFFFF, Bytes.EMPTY);
    Buffer wire = FrameCodec.encode(one).appendBuffer(FrameCodec.encode(two));
    for (int i = 0; i < wire.length(); i++) {
      reader.handle(wire.getBuffer(i, i + 1));
    }
    assertThat(frames).containsExactly(one, two);
    assertThat(problems).isEmpty();
  }

  @Test
  void encodesLengthThenTypeThenPayload() {
    Buffer wire = FrameCodec.encode(new Frame(0x0102, Bytes.fromHex("0xaabb")));
    assertThat(Bytes.of(wire.getBytes())).isEqualTo(Bytes.fromHex("0x000000040102aabb"));
  }

  @Test
  void oversizeLengthStopsTheReaderBeforeAnyBodyIsRead() {
    reader.handle(Buffer.buffer().appendUnsignedInt(0xFFFF_FFFFL));
    reader.handle(FrameCodec.encode(new Frame(0x0100, Bytes.EMPTY)));
    assertThat(problems).containsExactly("oversize " + 0xFFFF_FFFFL);
    assertThat(frames).isEmpty();
  }

  @Test
  void maximumSizeIsInclusive() {
    Frame biggest = new Frame(0x0100, Bytes.of(new byte[1022]));
    reader.handle(FrameCodec.encode(biggest));
    reader.handle(FrameCodec.encode(new Frame(0x0100, Bytes.of(new byte[1023]))));
    assertThat(frames).containsExactly(biggest);
    assertThat(problems).containsExactly("oversize 1025");
  }

  @Test
  void tooShortFramesAreMalformedButKeepTheStreamInSync() {
    Frame after = new Frame(0x0100, Bytes.fromHex("0x01"));
    reader.handle(Buffer.buffer().appendInt(0).appendInt(1).appendByte((byte) 7)
        .appendBuffer(FrameCodec.encode(after)));
    assertThat(problems).containsExactly("malformed", "malformed");
    assertThat(frames).containsExactly(after);
  }

  @Test
  void frameTypesAreUnsigned16Bit() {
    assertThatThrownBy(() -> new Frame(0x10000, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageType(0x00ff, "control", Priority.HIGH, false))
        .hasMessageContaining("application message codes");
  }
}
