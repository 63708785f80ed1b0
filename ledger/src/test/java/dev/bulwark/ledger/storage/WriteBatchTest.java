package dev.bulwark.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBatchTest {
  private static final Bytes A = Bytes.fromHex("0x0a");
  private static final Bytes B = Bytes.fromHex("0x0b");
  private static final Bytes C = Bytes.fromHex("0x0c");

  @Test
  void theLastOperationOnAKeyWinsWhetherReadBeforeOrAfterTheIndexExists() {
    InMemoryStore store = new InMemoryStore();
    store.write(new WriteBatch().put(C, Bytes.fromHex("0xcc")), Durability.NO_SYNC);
    WriteBatch batch = new WriteBatch().put(A, Bytes.fromHex("0x01")).put(A, Bytes.fromHex("0x02"));
    assertThat(batch.readThrough(A, store)).contains(Bytes.fromHex("0x02")); // builds the index
    batch.put(A, Bytes.fromHex("0x03")).delete(C).put(B, Bytes.fromHex("0x04"));
    assertThat(batch.readThrough(A, store)).contains(Bytes.fromHex("0x03"));
    assertThat(batch.readThrough(B, store)).contains(Bytes.fromHex("0x04"));
    assertThat(batch.readThrough(C, store)).as("a staged delete hides the stored value").isEmpty();
    assertThat(batch.size()).isEqualTo(3);
    assertThat(store.get(C)).contains(Bytes.fromHex("0xcc"));

    store.write(batch, Durability.NO_SYNC);
    assertThat(store.get(A)).contains(Bytes.fromHex("0x03"));
    assertThat(store.get(B)).contains(Bytes.fromHex("0x04"));
    assertThat(store.get(C)).isEmpty();
  }

  @Test
  void forEachPassesEveryOperationInStagingOrder() {
    WriteBatch batch = new WriteBatch().put(A, B).delete(B).put(A, C);
    List<String> seen = new ArrayList<>();
    batch.forEach((k, v) -> seen.add(k.toHex() + "=" + (v == null ? "delete" : v.toHex())));
    assertThat(seen).containsExactly("0x0a=0x0b", "0x0b=delete", "0x0a=0x0c");
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.stagedBytes()).isEqualTo(5);
    assertThat(batch.isEmpty()).isFalse();
    assertThat(new WriteBatch().isEmpty()).isTrue();
  }

  @Test
  void aKeyStagedTwiceLandsWithItsLastValueInLevelDb(@TempDir Path dir) {
    try (LevelDbStore store = LevelDbStore.open(dir, 1, Bytes.of(new byte[32]))) {
      store.write(new WriteBatch().put(A, B).put(A, C).put(B, A).delete(B), Durability.SYNC);
      assertThat(store.get(A)).contains(C);
      assertThat(store.get(B)).isEmpty();
    }
  }
}
