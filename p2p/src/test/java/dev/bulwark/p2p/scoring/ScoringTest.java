package dev.bulwark.p2p.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.support.MutableClock;
import dev.bulwark.p2p.transport.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private final MutableClock clock = new MutableClock();
  private final Bytes key = Bytes.fromHex("0x" + "01".repeat(32));

  @Test
  void tokenBucketAllowsItsBurstThenRefillsWithTime() {
    TokenBucket bucket = new TokenBucket(3, 10, clock);
    assertThat(bucket.tryTake(1)).isTrue();
    assertThat(bucket.tryTake(2)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
    clock.advance(Duration.ofMillis(100));
    assertThat(bucket.tryTake(1)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(bucket.tryTake(3)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
  }

  @Test
  void inboundLimiterChecksFramesAndBytes() {
    InboundLimiter limiter = new InboundLimiter(new RateLimits(100, 1000, 2), 500, clock);
    assertThat(limiter.admitFrame(Priority.HIGH, 600)).isTrue();
    assertThat(limiter.admitFrame(Priority.HIGH, 600)).isFalse();
    assertThat(limiter.admitDuplicate()).isTrue();
    assertThat(limiter.admitDuplicate()).isTrue();
    assertThat(limiter.admitDuplicate()).isFalse();
    // A maximum-size frame passes even when it exceeds one second of byte budget.
    InboundLimiter small = new InboundLimiter(new RateLimits(100, 10, 2), 500, clock);
    assertThat(small.admitFrame(Priority.LOW, 500)).isTrue();
  }

  @Test
  void aGossipFloodUsesUpOnlyTheGossipLane() {
    InboundLimiter limiter = new InboundLimiter(new RateLimits(
        new RateLimits.Budget(5, 1_000_000), new RateLimits.Budget(3, 1_000_000), 2), 500, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.admitFrame(Priority.LOW, 100)).isTrue();
    }
    assertThat(limiter.admitFrame(Priority.LOW, 100)).isFalse();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.admitFrame(Priority.HIGH, 100)).as("consensus frame " + i).isTrue();
    }
    assertThat(limiter.admitFrame(Priority.HIGH, 100)).isFalse();
    assertThat(limiter.admitFrame(Priority.LOW, 100)).isFalse();
  }

  @Test
  void theDefaultGossipBudgetCarriesAnHonestBurstFromThreePeersWithRoomToSpare() {
    RateLimits defaults = RateLimits.defaults();
    // 5,000 tx/s of ~120-byte transfers, every one relayed once on each link: per session at most
    // the whole burst, in full 256-tx batches plus one partial flush per origin every 25 ms.
    double bytesPerSecond = 5_000 * 120.0;
    double framesPerSecond = 5_000 / 256.0 + 4 * (1000 / 25.0);
    assertThat(defaults.gossip().bytesPerSecond()).isGreaterThan(4 * bytesPerSecond);
    assertThat(defaults.gossip().framesPerSecond()).isGreaterThan(4 * framesPerSecond);
    assertThat(defaults.consensus().framesPerSecond()).isEqualTo(2_000);
  }

  @Test
  void scoresFallByPenaltyRecoverOverTimeAndTriggerABanOnce() {
    PeerScores scores = new PeerScores(100, 1, clock);
    assertThat(scores.penalise(key, Offence.MALFORMED_FRAME)).isFalse();
    assertThat(scores.penalise(key, Offence.MALFORMED_FRAME)).isFalse();
    assertThat(scores.score(key)).isEqualTo(-50);
    clock.advance(Duration.ofSeconds(20));
    assertThat(scores.score(key)).isEqualTo(-30);
    assertThat(scores.penalise(key, Offence.MALFORMED_FRAME)).isFalse();
    assertThat(scores.penalise(key, Offence.MALFORMED_FRAME)).isFalse();
    assertThat(scores.penalise(key, Offence.MALFORMED_FRAME)).isTrue();
    assertThat(scores.score(key)).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(scores.score(key)).isZero();
  }

  @Test
  void oneOversizeFrameIsEnoughForABanAtTheDefaultThreshold() {
    assertThat(new PeerScores(100, 1, clock).penalise(key, Offence.OVERSIZE_FRAME)).isTrue();
  }

  @Test
  void bansExpire() {
    BanList bans = new BanList(clock);
    assertThat(bans.bannedUntil(key)).isEmpty();
    bans.ban(key, Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    assertThat(bans.bannedUntil(key)).isPresent();
    // A shorter second ban does not shorten the first.
    bans.ban(key, Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(bans.bannedUntil(key)).isEmpty();
  }
}
