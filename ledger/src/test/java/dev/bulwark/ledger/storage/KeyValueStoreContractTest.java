package dev.bulwark.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One suite, every {@link KeyValueStore}: in-memory and LevelDB on each available backend. */
class KeyValueStoreContractTest {
  @TempDir Path tmp;
  private final List<KeyValueStore> opened = new ArrayList<>();

  static Stream<Named<Function<Path, KeyValueStore>>> stores() {
    Stream<Named<Function<Path, KeyValueStore>>> memory =
        Stream.of(Named.of("memory", dir -> new InMemoryStore()));
    Stream<Named<Function<Path, KeyValueStore>>> leveldb = LevelDbStoreTest.backends()
        .map(b -> Named.of("leveldb-" + b, dir -> LevelDbStore.openWithoutMetadata(dir, b)));
    return Stream.concat(memory, leveldb);
  }

  private KeyValueStore open(Function<Path, KeyValueStore> factory) {
    KeyValueStore store = factory.apply(tmp.resolve("db"));
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(KeyValueStore::close);
  }

  private static Bytes b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void batchAppliesPutsAndDeletesWithTheLastOperationWinning(Function<Path, KeyValueStore> f) {
    KeyValueStore store = open(f);
    store.write(new WriteBatch().put(b(1), b(10)).put(b(2), b(20)), Durability.SYNC);
    WriteBatch batch = new WriteBatch()
        .delete(b(1)).put(b(1), b(11)) // put after delete: present
        .put(b(2), b(21)).delete(b(2)) // delete after put: absent
        .put(b(3), Bytes.EMPTY);
    store.write(batch, Durability.NO_SYNC);
    assertThat(store.get(b(1))).contains(b(11));
    assertThat(store.get(b(2))).isEmpty();
    assertThat(store.get(b(3))).contains(Bytes.EMPTY);
    assertThat(store.get(b(4))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void readThroughSeesStagedOperationsBeforeTheStore(Function<Path, KeyValueStore> f) {
    KeyValueStore store = open(f);
    store.write(new WriteBatch().put(b(1), b(10)).put(b(2), b(20)), Durability.SYNC);
    WriteBatch batch = new WriteBatch().put(b(1), b(11)).delete(b(2));
    assertThat(batch.readThrough(b(1), store)).contains(b(11));
    assertThat(batch.readThrough(b(2), store)).isEmpty();
    assertThat(store.get(b(2))).contains(b(20));
    assertThat(batch.size()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void rangesIterateInUnsignedKeyOrderWithinTheirBounds(Function<Path, KeyValueStore> f) {
    KeyValueStore store = open(f);
    WriteBatch batch = new WriteBatch();
    List<Bytes> keys = List.of(b(0x01), b(0x7f), b(0x80), b(0x80, 0x00), b(0x80, 0xff),
        b(0x80, 0xff, 0xff), b(0x81), b(0xff), b(0xff, 0xff));
    for (int i = keys.size() - 1; i >= 0; i--) {
      batch.put(keys.get(i), keys.get(i));
    }
    store.write(batch, Durability.SYNC);
    assertThat(collect(store.range(null, null))).containsExactlyElementsOf(keys);
    assertThat(collect(store.range(b(0x7f), b(0x80, 0xff))))
        .containsExactly(b(0x7f), b(0x80), b(0x80, 0x00));
    assertThat(collect(store.prefix(b(0x80))))
        .containsExactly(b(0x80), b(0x80, 0x00), b(0x80, 0xff), b(0x80, 0xff, 0xff));
    assertThat(collect(store.prefix(b(0x80, 0xff))))
        .containsExactly(b(0x80, 0xff), b(0x80, 0xff, 0xff));
    assertThat(collect(store.prefix(b(0xff)))).containsExactly(b(0xff), b(0xff, 0xff));
    assertThat(collect(store.prefix(b(0x02)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void closedStoreRefusesCalls(Function<Path, KeyValueStore> f) {
    KeyValueStore store = open(f);
    store.close();
    assertThatThrownBy(() -> store.get(b(1))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(new WriteBatch().put(b(1), b(1)), Durability.SYNC))
        .isInstanceOf(StorageException.class);
  }

  private static List<Bytes> collect(KeyValueCursor cursor) {
    List<Bytes> out = new ArrayList<>();
    try (cursor) {
      while (cursor.hasNext()) {
        KeyValue kv = cursor.next();
        assertThat(kv.value()).isEqualTo(kv.key());
        out.add(kv.key());
      }
    }
    return out;
  }
}
