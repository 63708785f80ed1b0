package dev.bulwark.consensus.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import org.junit.jupiter.api.Test;

/** The simulation's tree storage loses in a crash exactly what a file store may lose. */
class InMemoryBlockTreeStorageTest {
  private final ChainFixture chain = new ChainFixture(4, 3, 1);
  private final Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 0);
  private final Block b2 = chain.child(b1, chain.qc(b1), 2, 1);

  @Test
  void aQcNotYetSyncedIsLostInACrash() {
    InMemoryBlockTreeStorage s = new InMemoryBlockTreeStorage();
    s.saveBlock(b1);
    s.saveQc(chain.qc(b1));
    s.crash();
    assertThat(s.load().blocks()).containsExactly(b1);
    assertThat(s.load().qcs()).isEmpty();
  }

  @Test
  void theNextBlockSaveOrASyncMakesAQcDurable() {
    InMemoryBlockTreeStorage s = new InMemoryBlockTreeStorage();
    s.saveBlock(b1);
    s.saveQc(chain.qc(b1));
    s.saveBlock(b2);
    s.saveQc(chain.qc(b2));
    s.sync();
    s.crash();
    assertThat(s.load().qcs()).containsExactly(chain.qc(b1), chain.qc(b2));
    assertThat(s.syncs()).isEqualTo(3);
  }

  @Test
  void pruningKeepsOnlyBlocksAboveTheCommittedNumberAndTheHighestQc() {
    InMemoryBlockTreeStorage s = new InMemoryBlockTreeStorage();
    s.saveBlock(b1);
    s.saveBlock(b2);
    s.saveQc(chain.qc(b1));
    s.saveQc(chain.qc(b2));
    s.prune(2, chain.epoch());
    assertThat(s.load().blocks()).isEmpty();
    assertThat(s.load().qcs()).containsExactly(chain.qc(b2));
    s.prune(2, chain.epoch() + 1);
    assertThat(s.load().qcs()).isEmpty();
  }
}
