package dev.bulwark.p2p;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.scoring.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fluent construction of a {@link P2pConfig}, starting from production defaults. */
public final class P2pConfigBuilder {
  private final NodeKey nodeKey;
  private final long chainId;
  private final Bytes chainIdentity;
  private int protocolVersion = P2pConfig.PROTOCOL_VERSION;
  private String listenHost = "127.0.0.1";
  private int listenPort;
  private List<PeerAddress> peers = List.of();
  private int maxFrameSize = P2pConfig.DEFAULT_MAX_FRAME_SIZE;
  private Duration handshakeTimeout = Duration.ofSeconds(5);
  private Duration keepAliveInterval = Duration.ofSeconds(10);
  private double banThreshold = 100;
  private double scoreRecoveryPerSecond = 1;
  private Duration banDuration = Duration.ofMinutes(10);
  private RateLimits rateLimits = RateLimits.defaults();
  private int sendQueueFrames = 4096;
  private long sendQueueBytes = 32L * 1024 * 1024;
  private int seenCacheSize = 65_536;
  private Duration backoffInitial = Duration.ofMillis(250);
  private Duration backoffMax = Duration.ofSeconds(30);
  private double backoffJitter = 0.5;
  private Optional<TlsConfig> tls = Optional.empty();

  P2pConfigBuilder(NodeKey nodeKey, long chainId, Bytes chainIdentity) {
    this.nodeKey = nodeKey;
    this.chainId = chainId;
    this.chainIdentity = chainIdentity;
  }

  /** Protocol version announced in the hello. */
  public P2pConfigBuilder protocolVersion(int v) {
    this.protocolVersion = v;
    return this;
  }

  /** Address and port to listen on (port 0: any free port). */
  public P2pConfigBuilder listen(String host, int port) {
    this.listenHost = host;
    this.listenPort = port;
    return this;
  }

  /** Addresses to dial and keep dialling. */
  public P2pConfigBuilder peers(List<PeerAddress> v) {
    this.peers = v;
    return this;
  }

  /** Hard maximum of a frame's type + payload bytes. */
  public P2pConfigBuilder maxFrameSize(int v) {
    this.maxFrameSize = v;
    return this;
  }

  /** Time allowed for the handshake. */
  public P2pConfigBuilder handshakeTimeout(Duration v) {
    this.handshakeTimeout = v;
    return this;
  }

  /** Ping period; a session silent for three periods is closed. */
  public P2pConfigBuilder keepAliveInterval(Duration v) {
    this.keepAliveInterval = v;
    return this;
  }

  /** Ban threshold (positive; the score is banned at its negation) and recovery rate. */
  public P2pConfigBuilder scoring(double threshold, double recoveryPerSecond) {
    this.banThreshold = threshold;
    this.scoreRecoveryPerSecond = recoveryPerSecond;
    return this;
  }

  /** How long a ban lasts. */
  public P2pConfigBuilder banDuration(Duration v) {
    this.banDuration = v;
    return this;
  }

  /** Per-session inbound rate limits. */
  public P2pConfigBuilder rateLimits(RateLimits v) {
    this.rateLimits = v;
    return this;
  }

  /** Bounds of each priority lane of a session's send queue. */
  public P2pConfigBuilder sendQueue(int frames, long bytes) {
    this.sendQueueFrames = frames;
    this.sendQueueBytes = bytes;
    return this;
  }

  /** Number of gossip ids remembered for de-duplication. */
  public P2pConfigBuilder seenCacheSize(int v) {
    this.seenCacheSize = v;
    return this;
  }

  /** Reconnect backoff: first delay, cap and jitter fraction. */
  public P2pConfigBuilder backoff(Duration initial, Duration max, double jitter) {
    this.backoffInitial = initial;
    this.backoffMax = max;
    this.backoffJitter = jitter;
    return this;
  }

  /** Enables TLS. */
  public P2pConfigBuilder tls(TlsConfig v) {
    this.tls = Optional.of(v);
    return this;
  }

  /** The validated configuration. */
  public P2pConfig build() {
    return new P2pConfig(nodeKey, protocolVersion, chainId, chainIdentity, listenHost, listenPort, peers,
        maxFrameSize, handshakeTimeout, keepAliveInterval, banThreshold, scoreRecoveryPerSecond, banDuration,
        rateLimits, sendQueueFrames, sendQueueBytes, seenCacheSize, backoffInitial, backoffMax, backoffJitter,
        tls);
  }
}
