package dev.bulwark.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.storage.StorageException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadFeedTest {
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void aFailedReadNeitherThrowsIntoTheCommitterNorSkipsTheBlock() {
    AtomicBoolean failOnce = new AtomicBoolean(true);
    ChainReader flaky = new ForwardingChainReader(fx.chain) {
      @Override
      public Optional<Block> block(long number) {
        if (number == 2 && failOnce.getAndSet(false)) {
          throw new StorageException("disk hiccup");
        }
        return super.block(number);
      }
    };
    HeadFeed feed = new HeadFeed(flaky);
    List<Long> seen = new CopyOnWriteArrayList<>();
    feed.addListener(b -> seen.add(b.block().header().number()));
    // a listener that throws does not stop the others
    feed.addListener(b -> {
      throw new IllegalStateException("broken subscriber");
    });
    fx.commitQuietly(List.of());
    fx.commitQuietly(List.of());
    fx.commitQuietly(List.of());
    feed.onCommitted();
    assertThat(seen).containsExactly(1L);
    assertThat(feed.announced()).isEqualTo(1);
    fx.commitQuietly(List.of());
    feed.onCommitted();
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
  }
}
