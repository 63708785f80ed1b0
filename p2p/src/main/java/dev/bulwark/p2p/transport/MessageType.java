package dev.bulwark.p2p.transport;

import java.util.Objects;

/**
 * A message type an upper layer registers: its wire code, a name for logs and metrics, its send
 * priority, and whether it is gossip (de-duplicated by payload hash and never echoed to its origin).
 */
public record MessageType(int code, String name, Priority priority, boolean gossip) {
  /** Codes below this are reserved for the transport's own control frames. */
  public static final int FIRST_APPLICATION_CODE = 0x0100;

  /** Validates the code range. */
  public MessageType {
    if (code < FIRST_APPLICATION_CODE || code > Frame.MAX_TYPE) {
      throw new IllegalArgumentException(
          "application message codes are " + FIRST_APPLICATION_CODE + ".." + Frame.MAX_TYPE + ": " + code);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(priority, "priority");
  }
}
