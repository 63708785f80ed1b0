package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.types.Bytes;

/**
 * Port deciding which node keys may hold a session: genesis validators, the current validator
 * set, configured observers. Implementations may change their answer at runtime (epoch change);
 * the network then re-checks live sessions when told to.
 */
@FunctionalInterface
public interface PeerAuthorizer {
  /** True when the holder of {@code nodeKey} may connect. */
  boolean isAllowed(Bytes nodeKey);
}
