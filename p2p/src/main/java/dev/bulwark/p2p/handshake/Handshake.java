package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One connection's mutual authentication, symmetric for both directions: send our hello; on the
 * peer's hello, check it and answer with our proof over its challenge; on the peer's proof,
 * verify it, check the ban list and send ACCEPT. The session is established once we accepted the
 * peer and the peer accepted us, so a side the other refuses never believes it is connected.
 * Confined to the connection's event loop; it never touches the socket itself.
 */
public final class Handshake {
  /** Longest reason text sent in a REJECT frame. */
  public static final int MAX_REASON_BYTES = 200;

  private enum State { AWAIT_HELLO, AWAIT_AUTH, AWAIT_ACCEPT, DONE }

  private final Hello local;
  private final NodeKey key;
  private final HelloValidator validator;
  private final Consumer<Frame> out;
  private final HandshakeListener listener;
  private State state = State.AWAIT_HELLO;
  private Hello remote;
  private boolean peerAccepted;

  /** A handshake sending frames to {@code out} and reporting to {@code listener}. */
  public Handshake(HelloValidator validator, NodeKey key, Consumer<Frame> out, HandshakeListener listener) {
    this.local = validator.local();
    this.key = key;
    this.validator = validator;
    this.out = out;
    this.listener = listener;
  }

  /** Sends our hello. */
  public void start() {
    out.accept(new Frame(ControlType.HELLO, HelloCodec.encode(local)));
  }

  /** True once an outcome was reported. */
  public boolean isDone() {
    return state == State.DONE;
  }

  /** Handles one frame received before the session is established. */
  public void onFrame(Frame frame) {
    if (state == State.DONE) {
      return;
    }
    try {
      if (frame.type() == ControlType.REJECT) {
        state = State.DONE;
        listener.onRejectedByPeer(reasonText(frame.payload()), remote);
      } else if (state == State.AWAIT_HELLO && frame.type() == ControlType.HELLO) {
        onHello(frame.payload());
      } else if (state == State.AWAIT_AUTH && frame.type() == ControlType.AUTH) {
        onAuth(frame.payload());
      } else if (frame.type() == ControlType.ACCEPT && !peerAccepted && state != State.AWAIT_HELLO) {
        peerAccepted = true;
        establishIfMutual();
      } else {
        throw new HandshakeRefusal(RefusalReason.MALFORMED,
            "unexpected frame type " + frame.type() + " during the handshake");
      }
    } catch (HandshakeRefusal refusal) {
      refuse(refusal);
    }
  }

  /** Ends the handshake with {@code refusal} (e.g. on timeout), telling the peer why. */
  public void refuse(HandshakeRefusal refusal) {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    out.accept(rejectFrame(refusal.getMessage()));
    listener.onRefused(refusal, remote);
  }

  private void onHello(Bytes payload) throws HandshakeRefusal {
    Hello hello;
    try {
      hello = HelloCodec.decode(payload);
    } catch (DecodeException e) {
      throw new HandshakeRefusal(RefusalReason.MALFORMED, "undecodable hello: " + e.getMessage());
    }
    remote = hello;
    validator.checkHello(hello);
    byte[] proof = key.sign(HandshakeTranscript.signingBytes(local, hello));
    out.accept(new Frame(ControlType.AUTH, Bytes.of(proof)));
    state = State.AWAIT_AUTH;
  }

  private void onAuth(Bytes signature) throws HandshakeRefusal {
    byte[] signed = HandshakeTranscript.signingBytes(remote, local);
    if (!NodeKey.verify(remote.nodeKey(), signed, signature)) {
      throw new HandshakeRefusal(RefusalReason.BAD_SIGNATURE,
          "handshake signature of " + HelloValidator.abbreviate(remote.nodeKey()) + " does not verify");
    }
    validator.checkProven(remote);
    out.accept(new Frame(ControlType.ACCEPT, Bytes.EMPTY));
    state = State.AWAIT_ACCEPT;
    establishIfMutual();
  }

  private void establishIfMutual() {
    if (state == State.AWAIT_ACCEPT && peerAccepted) {
      state = State.DONE;
      listener.onEstablished(remote);
    }
  }

  /** A REJECT frame carrying {@code reason}, truncated to {@link #MAX_REASON_BYTES}. */
  public static Frame rejectFrame(String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(text.length, MAX_REASON_BYTES);
    return new Frame(ControlType.REJECT, Bytes.of(text, 0, length));
  }

  /** The reason text of a REJECT payload, bounded and sanitised for a log line. */
  public static String reasonText(Bytes payload) {
    int length = Math.min(payload.size(), MAX_REASON_BYTES);
    String text = new String(payload.slice(0, length).toArray(), StandardCharsets.UTF_8);
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
