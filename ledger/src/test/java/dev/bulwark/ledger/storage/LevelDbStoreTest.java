package dev.bulwark.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LevelDB-specific behaviour: reopen, identity checks with the path, locks, backend choice. */
class LevelDbStoreTest {
  private static final Bytes GENESIS = Bytes.fromHex("0x" + "11".repeat(32));
  private static final Bytes OTHER_GENESIS = Bytes.fromHex("0x" + "22".repeat(32));

  @TempDir Path tmp;

  /** Pure Java always; JNI too where its native library loads. */
  static Stream<LevelDbBackend> backends() {
    return LevelDbBackend.jniAvailable()
        ? Stream.of(LevelDbBackend.JNI, LevelDbBackend.PURE_JAVA)
        : Stream.of(LevelDbBackend.PURE_JAVA);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void dataSurvivesReopen(LevelDbBackend backend) {
    Path dir = tmp.resolve("db");
    try (LevelDbStore store = LevelDbStore.open(dir, 1, GENESIS, backend)) {
      assertThat(store.backend()).isEqualTo(backend);
      store.write(new WriteBatch().put(Bytes.of((byte) 7), Bytes.of((byte) 1, (byte) 2)),
          Durability.SYNC);
    }
    try (LevelDbStore store = LevelDbStore.open(dir, 1, GENESIS, backend)) {
      assertThat(store.get(Bytes.of((byte) 7))).contains(Bytes.of((byte) 1, (byte) 2));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void anotherChainsStoreIsRefusedWithBothHashesAndThePath(LevelDbBackend backend) {
    Path dir = tmp.resolve("db");
    LevelDbStore.open(dir, 1, GENESIS, backend).close();
    assertThatThrownBy(() -> LevelDbStore.open(dir, 1, OTHER_GENESIS, backend))
        .isInstanceOf(StoreMismatchException.class)
        .hasMessageContaining("data dir " + dir.toAbsolutePath())
        .hasMessageContaining("belongs to another chain (genesis " + GENESIS.toHex() + " != "
            + OTHER_GENESIS.toHex() + ")");
    // The refused open released the directory: the right chain can still open it.
    LevelDbStore.open(dir, 1, GENESIS, backend).close();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void unknownSchemaVersionIsRefused(LevelDbBackend backend) {
    Path dir = tmp.resolve("db");
    LevelDbStore.open(dir, 3, GENESIS, backend).close();
    assertThatThrownBy(() -> LevelDbStore.open(dir, 2, GENESIS, backend))
        .isInstanceOf(StoreMismatchException.class)
        .hasMessageContaining("has schema version 3")
        .hasMessageContaining("only reads schema version 2");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void secondOpenInTheSameProcessIsALockError(LevelDbBackend backend) {
    Path dir = tmp.resolve("db");
    try (LevelDbStore first = LevelDbStore.open(dir, 1, GENESIS, backend)) {
      backends().forEach(other ->
          assertThatThrownBy(() -> LevelDbStore.open(dir, 1, GENESIS, other))
              .isInstanceOf(StoreLockedException.class)
              .hasMessageContaining("already open"));
      assertThat(first.get(StoreMetadata.CHAIN_IDENTITY_KEY)).contains(GENESIS);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void callsAfterCloseFailCleanly(LevelDbBackend backend) {
    LevelDbStore store = LevelDbStore.open(tmp.resolve("db"), 1, GENESIS, backend);
    KeyValueCursor open = store.prefix(KeyPrefix.META.bytes());
    store.close();
    assertThatThrownBy(() -> store.get(Bytes.of((byte) 1)))
        .isInstanceOf(StorageException.class).hasMessageContaining("closed");
    assertThatThrownBy(open::hasNext).isInstanceOf(StorageException.class);
    open.close();
    store.close();
  }

  @Test
  void filesWrittenByOneBackendAreReadByTheOther() {
    assumeTrue(LevelDbBackend.jniAvailable(), "leveldbjni does not load here");
    Path dir = tmp.resolve("db");
    try (LevelDbStore store = LevelDbStore.open(dir, 1, GENESIS, LevelDbBackend.JNI)) {
      WriteBatch batch = new WriteBatch();
      for (int i = 0; i < 20_000; i++) {
        batch.put(Bytes.of((byte) 'k', (byte) (i >> 8), (byte) i), Bytes.of(new byte[64]));
      }
      store.write(batch, Durability.SYNC);
    }
    try (LevelDbStore store = LevelDbStore.open(dir, 1, GENESIS, LevelDbBackend.PURE_JAVA)) {
      assertThat(store.get(Bytes.of((byte) 'k', (byte) 0x4e, (byte) 0x1f)))
          .contains(Bytes.of(new byte[64]));
    }
  }

  @Test
  void unopenableDirectoryNamesThePath() {
    Path file = tmp.resolve("plain-file");
    assertThatThrownBy(() -> {
          Files.writeString(file, "x");
          LevelDbStore.open(file, 1, GENESIS);
        })
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void preferredBackendIsJniWhenItLoadsUnlessPureJavaIsForced() {
    String before = System.getProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY);
    try {
      System.clearProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY);
      assertThat(LevelDbBackend.preferred()).isEqualTo(
          LevelDbBackend.jniAvailable() ? LevelDbBackend.JNI : LevelDbBackend.PURE_JAVA);
      System.setProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY, "true");
      assertThat(LevelDbBackend.preferred()).isEqualTo(LevelDbBackend.PURE_JAVA);
    } finally {
      if (before == null) {
        System.clearProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY);
      } else {
        System.setProperty(LevelDbBackend.FORCE_PURE_JAVA_PROPERTY, before);
      }
    }
  }
}
