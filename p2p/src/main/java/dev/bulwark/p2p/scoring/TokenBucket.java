package dev.bulwark.p2p.scoring;

import java.time.Clock;

/** A token bucket: {@code capacity} burst, refilled continuously at {@code ratePerSecond}. */
public final class TokenBucket {
  private final double capacity;
  private final double ratePerMilli;
  private final Clock clock;
  private double tokens;
  private long lastMillis;

  /** A full bucket. */
  public TokenBucket(double capacity, double ratePerSecond, Clock clock) {
    if (capacity <= 0 || ratePerSecond <= 0) {
      throw new IllegalArgumentException("capacity and rate must be positive");
    }
    this.capacity = capacity;
    this.ratePerMilli = ratePerSecond / 1000.0;
    this.clock = clock;
    this.tokens = capacity;
    this.lastMillis = clock.millis();
  }

  /** Takes {@code amount} tokens if available; false (and nothing taken) otherwise. */
  public synchronized boolean tryTake(double amount) {
    long now = clock.millis();
    if (now > lastMillis) {
      tokens = Math.min(capacity, tokens + (now - lastMillis) * ratePerMilli);
      lastMillis = now;
    }
    if (tokens < amount) {
      return false;
    }
    tokens -= amount;
    return true;
  }
}
