package dev.bulwark.p2p.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Bytes;
import org.junit.jupiter.api.Test;

class SeenCacheTest {
  private static Bytes id(int n) {
    return SeenCache.idOf(0x0101, Bytes.of((byte) n));
  }

  @Test
  void remembersUpToItsCapacityForgettingTheLeastRecentlySeen() {
    SeenCache cache = new SeenCache(2);
    assertThat(cache.markSeen(id(1))).isTrue();
    assertThat(cache.markSeen(id(2))).isTrue();
    assertThat(cache.markSeen(id(1))).isFalse(); // 1 is now the most recent
    assertThat(cache.markSeen(id(3))).isTrue(); // evicts 2
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.markSeen(id(1))).isFalse();
    assertThat(cache.markSeen(id(2))).isTrue();
  }

  @Test
  void idsDependOnTypeAndPayload() {
    Bytes payload = Bytes.of((byte) 1);
    assertThat(SeenCache.idOf(0x0101, payload)).isNotEqualTo(SeenCache.idOf(0x0102, payload));
    assertThat(SeenCache.idOf(0x0101, payload).size()).isEqualTo(32);
  }
}
