package dev.bulwark.p2p.support;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.handshake.HandshakeTranscript;
import dev.bulwark.p2p.handshake.Hello;
import dev.bulwark.p2p.handshake.HelloCodec;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.FrameCodec;
import dev.bulwark.p2p.transport.FrameListener;
import dev.bulwark.p2p.transport.FrameReader;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted peer speaking the wire protocol by hand, to send what a correct node never would:
 * bad signatures, replayed proofs, malformed and oversize frames, floods.
 */
public final class RawPeer implements AutoCloseable {
  private final Vertx vertx;
  private final NetClient client;
  private final SecureRandom random = new SecureRandom();
  /** Every frame received, in order. */
  public final List<Frame> received = new CopyOnWriteArrayList<>();
  /** Every frame this peer sent, in order. */
  public final List<Frame> sent = new CopyOnWriteArrayList<>();
  /** Whether to answer pings (a dead peer does not). */
  public volatile boolean answerPings = true;
  private volatile NetSocket socket;
  private volatile boolean closed;

  /** A peer on {@code vertx}. */
  public RawPeer(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createNetClient();
  }

  /** Opens the TCP connection. */
  public RawPeer connect(int port) {
    // Connect from the event loop so the handlers are installed before the first read.
    Promise<NetSocket> connected = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v ->
        client.connect(port, "127.0.0.1").map(this::install).onComplete(connected));
    socket = Await.result(connected.future());
    return this;
  }

  private NetSocket install(NetSocket socket) {
    socket.handler(new FrameReader(P2pConfig.DEFAULT_MAX_FRAME_SIZE, new FrameListener() {
      @Override
      public void onFrame(Frame frame) {
        received.add(frame);
        if (frame.type() == ControlType.PING && answerPings) {
          send(new Frame(ControlType.PONG, Bytes.EMPTY));
        }
      }

      @Override
      public void onOversize(long declaredLength) {
        throw new AssertionError("server sent an oversize frame");
      }

      @Override
      public void onMalformed(String reason) {
        throw new AssertionError("server sent a malformed frame: " + reason);
      }
    }));
    socket.closeHandler(v -> closed = true);
    return socket;
  }

  /** A hello for {@code key} with a fresh challenge and instance id. */
  public Hello hello(NodeKey key, long chainId, Bytes genesis) {
    return new Hello(P2pConfig.PROTOCOL_VERSION, chainId, genesis, key.publicKey(), randomBytes(32), randomBytes(16));
  }

  /** Runs a correct handshake as {@code key} and returns the server's hello. */
  public Hello authenticate(NodeKey key) {
    Hello mine = hello(key, TestNet.CHAIN_ID, TestNet.GENESIS);
    send(new Frame(ControlType.HELLO, HelloCodec.encode(mine)));
    Hello server = serverHello();
    send(new Frame(ControlType.AUTH, Bytes.of(key.sign(HandshakeTranscript.signingBytes(mine, server)))));
    // A real node only accepts after verifying the server's proof; the scripted peer trusts it.
    send(new Frame(ControlType.ACCEPT, Bytes.EMPTY));
    return server;
  }

  /** Waits for and decodes the server's hello. */
  public Hello serverHello() {
    Await.until("server hello", () -> received.stream().anyMatch(f -> f.type() == ControlType.HELLO));
    return received.stream().filter(f -> f.type() == ControlType.HELLO).findFirst()
        .map(f -> HelloCodec.decode(f.payload())).orElseThrow();
  }

  /** Sends one frame. */
  public void send(Frame frame) {
    sent.add(frame);
    socket.write(FrameCodec.encode(frame));
  }

  /** Sends raw bytes. */
  public void sendRaw(Buffer bytes) {
    socket.write(bytes);
  }

  /** The reason text of the first REJECT received, if any. */
  public Optional<String> rejectReason() {
    return received.stream().filter(f -> f.type() == ControlType.REJECT).findFirst()
        .map(f -> Handshake.reasonText(f.payload()));
  }

  /** True once the server closed the connection. */
  public boolean isClosed() {
    return closed;
  }

  private Bytes randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Bytes.of(b);
  }

  @Override
  public void close() {
    if (socket != null) {
      Await.result(socket.close());
    }
    Await.result(client.close());
  }
}
