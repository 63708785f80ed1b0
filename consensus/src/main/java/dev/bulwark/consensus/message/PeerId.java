package dev.bulwark.consensus.message;

/**
 * The connection a message came from (the p2p layer's peer, e.g. its node key in hex). Faults are
 * charged to the peer, never to the validator a message claims to come from.
 */
public record PeerId(String id) implements Comparable<PeerId> {
  /** The node itself: messages it hands to its own core (a leader's own proposal, say). */
  public static final PeerId SELF = new PeerId("self");

  public PeerId {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("peer id must not be empty");
    }
  }

  @Override
  public int compareTo(PeerId o) {
    return id.compareTo(o.id);
  }

  @Override
  public String toString() {
    return id;
  }
}
