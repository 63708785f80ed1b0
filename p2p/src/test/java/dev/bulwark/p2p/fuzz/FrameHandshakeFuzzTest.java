package dev.bulwark.p2p.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.fuzz.Fuzz;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.handshake.HandshakeListener;
import dev.bulwark.p2p.handshake.HandshakeRefusal;
import dev.bulwark.p2p.handshake.HandshakeTranscript;
import dev.bulwark.p2p.handshake.Hello;
import dev.bulwark.p2p.handshake.HelloCodec;
import dev.bulwark.p2p.handshake.HelloValidator;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.FrameCodec;
import dev.bulwark.p2p.transport.FrameListener;
import dev.bulwark.p2p.transport.FrameReader;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an unauthenticated peer controls: the byte stream cut into frames, and the handshake those
 * frames drive. Input: byte 0 sets the maximum frame size, byte 1 the size of the chunks the
 * stream arrives in, the rest is the stream. The frame reader never throws, never yields a frame
 * above the maximum, splits the same stream into the same frames however it is chunked, and its
 * frames re-encode to the stream; the hello decoder throws only DecodeException and re-encodes
 * exactly; the handshake never throws and reports at most one outcome.
 */
class FrameHandshakeFuzzTest {
  private static final int PROTOCOL = 1;
  private static final long CHAIN_ID = 7;
  private static final Bytes GENESIS = Bytes.fromHex("ab".repeat(32));
  private static final NodeKey LOCAL_KEY = NodeKey.fromPrivateKey(Bytes.fromHex("01".repeat(32)));
  private static final NodeKey PEER_KEY = NodeKey.fromPrivateKey(Bytes.fromHex("02".repeat(32)));
  private static final Hello LOCAL = hello(LOCAL_KEY, "03", "04");
  private static final Hello PEER = hello(PEER_KEY, "05", "06");

  /** One stream as the reader saw it. */
  private record Read(List<Frame> frames, long oversize, int malformed) {}

  static List<byte[]> seedInputs() {
    byte[] proof = PEER_KEY.sign(HandshakeTranscript.signingBytes(PEER, LOCAL));
    byte[] fullHandshake = concat(
        frame(ControlType.HELLO, HelloCodec.encode(PEER).toArray()),
        frame(ControlType.AUTH, proof),
        frame(ControlType.ACCEPT, new byte[0]));
    return List.of(
        concat(new byte[] {(byte) 0xff, 0}, fullHandshake),
        concat(new byte[] {(byte) 0xff, 7}, fullHandshake),
        concat(new byte[] {(byte) 0x10, 1}, frame(ControlType.REJECT, "go away\n".getBytes())),
        concat(new byte[] {(byte) 0x01, 3}, new byte[] {0x7f, -1, -1, -1, 0, 1}),
        concat(new byte[] {(byte) 0x40, 0}, new byte[] {0, 0, 0, 1, 9, 0, 0, 0, 2, 0, 4}));
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      framesAndHandshake(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void framesAndHandshake(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int maxFrame = FrameCodec.TYPE_SIZE + (input[0] & 0xff) * 16;
    int chunk = input[1] & 0xff;
    byte[] stream = Arrays.copyOfRange(input, 2, input.length);

    Read whole = Fuzz.total("frame reader", stream, s -> read(maxFrame, s, s.length));
    Read chunked = read(maxFrame, stream, chunk == 0 ? stream.length : chunk);
    assertThat(chunked).as("chunking does not change the frames").isEqualTo(whole);
    for (Frame f : whole.frames()) {
      assertThat(f.wireSize() - FrameCodec.HEADER_SIZE).isLessThanOrEqualTo(maxFrame);
    }
    if (whole.oversize() < 0 && whole.malformed() == 0) {
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      whole.frames().forEach(f -> again.writeBytes(FrameCodec.encode(f).getBytes()));
      assertThat(read(maxFrame, again.toByteArray(), stream.length).frames()).isEqualTo(whole.frames());
    }

    for (Frame f : whole.frames()) {
      if (f.type() == ControlType.HELLO) {
        byte[] payload = f.payload().toArray();
        Optional<Hello> hello = Fuzz.decode(
            "hello", payload, DecodeException.class, p -> HelloCodec.decode(Bytes.of(p)));
        hello.ifPresent(h -> assertThat(HelloCodec.encode(h).toArray()).isEqualTo(payload));
      }
    }
    handshake(whole.frames());
  }

  /** The outcomes the handshake reported for {@code frames}. */
  private static List<String> handshake(List<Frame> frames) {
    List<String> outcomes = new ArrayList<>();
    HelloValidator validator = new HelloValidator(
        LOCAL, key -> key.equals(PEER_KEY.publicKey()), key -> Optional.empty());
    List<Frame> sent = new ArrayList<>();
    Handshake handshake = new Handshake(validator, LOCAL_KEY, sent::add, new HandshakeListener() {
      @Override
      public void onEstablished(Hello remote) {
        outcomes.add("established");
      }

      @Override
      public void onRefused(HandshakeRefusal refusal, Hello remoteOrNull) {
        outcomes.add("refused: " + refusal.getMessage());
      }

      @Override
      public void onRejectedByPeer(String reason, Hello remoteOrNull) {
        outcomes.add("rejected: " + reason);
      }
    });
    handshake.start();
    for (Frame f : frames) {
      handshake.onFrame(f);
    }
    assertThat(outcomes).as("outcomes").hasSizeLessThanOrEqualTo(1);
    assertThat(handshake.isDone()).isEqualTo(outcomes.size() == 1);
    if (outcomes.equals(List.of("established"))) {
      assertThat(frames.stream().map(Frame::type))
          .contains(ControlType.HELLO, ControlType.AUTH, ControlType.ACCEPT);
    }
    return outcomes;
  }

  @Test
  void theHandshakeSeedEstablishesASession() throws Exception {
    byte[] seed = seedInputs().get(1);
    Read read = read(FrameCodec.TYPE_SIZE + 0xff * 16, Arrays.copyOfRange(seed, 2, seed.length), 7);
    assertThat(handshake(read.frames())).containsExactly("established");
  }

  private static Read read(int maxFrame, byte[] stream, int chunk) {
    List<Frame> frames = new ArrayList<>();
    long[] oversize = {-1};
    int[] malformed = {0};
    FrameReader reader = new FrameReader(maxFrame, new FrameListener() {
      @Override
      public void onFrame(Frame frame) {
        frames.add(frame);
      }

      @Override
      public void onOversize(long declaredLength) {
        assertThat(oversize[0]).as("one oversize report, then silence").isEqualTo(-1);
        oversize[0] = declaredLength;
      }

      @Override
      public void onMalformed(String reason) {
        malformed[0]++;
      }
    });
    for (int at = 0; at < stream.length; at += Math.max(chunk, 1)) {
      int end = Math.min(stream.length, at + Math.max(chunk, 1));
      reader.handle(Buffer.buffer(Arrays.copyOfRange(stream, at, end)));
    }
    return new Read(frames, oversize[0], malformed[0]);
  }

  private static Hello hello(NodeKey key, String challenge, String instance) {
    return new Hello(PROTOCOL, CHAIN_ID, GENESIS, key.publicKey(),
        Bytes.fromHex(challenge.repeat(Hello.CHALLENGE_SIZE)),
        Bytes.fromHex(instance.repeat(Hello.INSTANCE_ID_SIZE)));
  }

  private static byte[] frame(int type, byte[] payload) {
    return FrameCodec.encode(new Frame(type, Bytes.of(payload))).getBytes();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
