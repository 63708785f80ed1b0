package dev.bulwark.p2p.transport;

/** Frame types the transport itself uses, all below {@link MessageType#FIRST_APPLICATION_CODE}. */
public final class ControlType {
  /** Handshake hello: version, chain, node key, challenge. */
  public static final int HELLO = 0x0001;
  /** Handshake proof: the signature over the peer's challenge. */
  public static final int AUTH = 0x0002;
  /** Short UTF-8 reason sent just before a refusal or a ban closes the connection. */
  public static final int REJECT = 0x0003;
  /** Handshake confirmation: the sender verified our proof and accepts the session. */
  public static final int ACCEPT = 0x0006;
  /** Keep-alive request. */
  public static final int PING = 0x0004;
  /** Keep-alive answer. */
  public static final int PONG = 0x0005;

  private ControlType() {}

  /** True for codes reserved to the transport. */
  public static boolean isControl(int type) {
    return type < MessageType.FIRST_APPLICATION_CODE;
  }
}
