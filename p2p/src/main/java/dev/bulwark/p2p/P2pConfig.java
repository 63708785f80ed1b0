package dev.bulwark.p2p;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.scoring.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the transport needs to know; build one with {@link #builder}. */
public record P2pConfig(
    NodeKey nodeKey,
    int protocolVersion,
    long chainId,
    Bytes chainIdentity,
    String listenHost,
    int listenPort,
    List<PeerAddress> peers,
    int maxFrameSize,
    Duration handshakeTimeout,
    Duration keepAliveInterval,
    double banThreshold,
    double scoreRecoveryPerSecond,
    Duration banDuration,
    RateLimits rateLimits,
    int sendQueueFrames,
    long sendQueueBytes,
    int seenCacheSize,
    Duration backoffInitial,
    Duration backoffMax,
    double backoffJitter,
    Optional<TlsConfig> tls) {
  /** The wire protocol version this code speaks. */
  public static final int PROTOCOL_VERSION = 1;
  /** Default hard maximum of one frame's type + payload: 4 MiB. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024;

  /** Validates ranges and required fields. */
  public P2pConfig {
    Objects.requireNonNull(nodeKey, "nodeKey");
    Objects.requireNonNull(chainIdentity, "chainIdentity");
    Objects.requireNonNull(listenHost, "listenHost");
    peers = List.copyOf(peers);
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(tls, "tls");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listen port out of range: " + listenPort);
    }
    if (maxFrameSize < 1024) {
      throw new IllegalArgumentException("max frame size must be at least 1024 bytes");
    }
    requirePositive(handshakeTimeout, "handshakeTimeout");
    requirePositive(keepAliveInterval, "keepAliveInterval");
    requirePositive(banDuration, "banDuration");
    requirePositive(backoffInitial, "backoffInitial");
    requirePositive(backoffMax, "backoffMax");
    if (sendQueueFrames <= 0 || sendQueueBytes <= 0 || seenCacheSize <= 0) {
      throw new IllegalArgumentException("queue and cache sizes must be positive");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }

  /** A builder with the defaults: ephemeral port on 127.0.0.1, no peers, no TLS. */
  public static P2pConfigBuilder builder(NodeKey nodeKey, long chainId, Bytes chainIdentity) {
    return new P2pConfigBuilder(nodeKey, chainId, chainIdentity);
  }
}
