package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.types.Bytes;
import java.util.Collection;
import java.util.Set;

/** A {@link PeerAuthorizer} over a set of node keys that can be replaced atomically. */
public final class AllowListAuthorizer implements PeerAuthorizer {
  private volatile Set<Bytes> allowed;

  /** Allows exactly {@code keys}. */
  public AllowListAuthorizer(Collection<Bytes> keys) {
    this.allowed = Set.copyOf(keys);
  }

  /** Replaces the allowed set, e.g. on an epoch change. */
  public void replace(Collection<Bytes> keys) {
    this.allowed = Set.copyOf(keys);
  }

  @Override
  public boolean isAllowed(Bytes nodeKey) {
    return allowed.contains(nodeKey);
  }
}
