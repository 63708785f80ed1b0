package dev.bulwark.p2p.peer;

/** Who opened the TCP connection. */
public enum Direction {
  /** The peer dialled us. */
  INBOUND,
  /** We dialled the peer. */
  OUTBOUND
}
