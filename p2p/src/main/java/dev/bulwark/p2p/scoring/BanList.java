package dev.bulwark.p2p.scoring;

import dev.bulwark.ledger.types.Bytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Node keys banned until an instant; expired bans vanish on lookup. */
public final class BanList {
  private final ConcurrentHashMap<Bytes, Instant> bans = new ConcurrentHashMap<>();
  private final Clock clock;

  /** An empty ban list on {@code clock}. */
  public BanList(Clock clock) {
    this.clock = clock;
  }

  /** Bans {@code nodeKey} for {@code duration} from now; returns the end of the ban. */
  public Instant ban(Bytes nodeKey, Duration duration) {
    Instant until = clock.instant().plus(duration);
    bans.merge(nodeKey, until, (a, b) -> a.isAfter(b) ? a : b);
    return bans.get(nodeKey);
  }

  /** The end of {@code nodeKey}'s ban, if it is banned now. */
  public Optional<Instant> bannedUntil(Bytes nodeKey) {
    Instant until = bans.get(nodeKey);
    if (until == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(until)) {
      bans.remove(nodeKey, until);
      return Optional.empty();
    }
    return Optional.of(until);
  }
}
