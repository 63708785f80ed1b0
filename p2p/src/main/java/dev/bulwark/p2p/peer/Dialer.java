package dev.bulwark.p2p.peer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one outbound session per configured address: dials, and after a failed dial, a refused
 * handshake or a closed session, dials again after an exponential backoff with jitter. The
 * attempt counter resets once a session was established. Timers only; never blocks.
 */
public final class Dialer {
  private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

  private final Vertx vertx;
  private final Function<PeerAddress, Future<Session>> connector;
  private final Backoff backoff;
  private final String localId;
  private final Map<PeerAddress, Long> timers = new ConcurrentHashMap<>();
  private final Map<PeerAddress, Integer> attempts = new ConcurrentHashMap<>();
  private volatile boolean running;

  /** A dialer connecting (and authenticating) through {@code connector}. */
  public Dialer(Vertx vertx, Function<PeerAddress, Future<Session>> connector, Backoff backoff, String localId) {
    this.vertx = vertx;
    this.connector = connector;
    this.backoff = backoff;
    this.localId = localId;
  }

  /** Starts dialling every address. */
  public void start(List<PeerAddress> peers) {
    running = true;
    peers.forEach(this::dial);
  }

  /** Stops dialling and cancels pending retries; live sessions are left to their owner. */
  public void stop() {
    running = false;
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }

  private void dial(PeerAddress address) {
    if (!running) {
      return;
    }
    connector.apply(address).onComplete(ar -> {
      if (ar.succeeded()) {
        attempts.remove(address);
        ar.result().closed().onComplete(v -> retry(address, "session closed"));
      } else {
        retry(address, String.valueOf(ar.cause().getMessage()));
      }
    });
  }

  private void retry(PeerAddress address, String why) {
    if (!running) {
      return;
    }
    int attempt = attempts.merge(address, 1, Integer::sum) - 1;
    Duration delay = backoff.delay(attempt);
    LOG.debug("[{}] redialling {} in {} ms (attempt {}): {}", localId, address, delay.toMillis(), attempt + 1, why);
    long timer = vertx.setTimer(delay.toMillis(), id -> {
      timers.remove(address, id);
      dial(address);
    });
    timers.put(address, timer);
    if (!running) {
      vertx.cancelTimer(timer);
    }
  }
}
