package dev.bulwark.p2p.scoring;

import dev.bulwark.ledger.types.Bytes;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores per node key (not per connection, so reconnecting does not wipe the slate): 0 is
 * clean, offences subtract their penalty, and the score recovers linearly towards 0 so that rare
 * slips are forgiven. Reaching {@code -banThreshold} asks the caller to ban; the score then
 * restarts at 0 for when the ban ends.
 */
public final class PeerScores {
  private static final class Score {
    double value;
    long updatedMillis;
  }

  private final ConcurrentHashMap<Bytes, Score> scores = new ConcurrentHashMap<>();
  private final double banThreshold;
  private final double recoveryPerSecond;
  private final Clock clock;

  /** Scores banning at {@code -banThreshold} and recovering {@code recoveryPerSecond}. */
  public PeerScores(double banThreshold, double recoveryPerSecond, Clock clock) {
    if (banThreshold <= 0 || recoveryPerSecond < 0) {
      throw new IllegalArgumentException("ban threshold must be positive, recovery non-negative");
    }
    this.banThreshold = banThreshold;
    this.recoveryPerSecond = recoveryPerSecond;
    this.clock = clock;
  }

  /** Applies {@code offence}; true when the peer must now be banned. */
  public boolean penalise(Bytes nodeKey, Offence offence) {
    Score score = scores.computeIfAbsent(nodeKey, k -> new Score());
    synchronized (score) {
      recover(score);
      score.value -= offence.penalty();
      if (score.value <= -banThreshold) {
        score.value = 0;
        return true;
      }
      return false;
    }
  }

  /** The current score of {@code nodeKey} (0 when never penalised). */
  public double score(Bytes nodeKey) {
    Score score = scores.get(nodeKey);
    if (score == null) {
      return 0;
    }
    synchronized (score) {
      recover(score);
      return score.value;
    }
  }

  private void recover(Score score) {
    long now = clock.millis();
    if (score.updatedMillis != 0 && now > score.updatedMillis) {
      score.value = Math.min(0, score.value + (now - score.updatedMillis) / 1000.0 * recoveryPerSecond);
    }
    score.updatedMillis = now;
  }
}
