package dev.bulwark.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import org.junit.jupiter.api.Test;

/** Schema version and chain identity: written once, checked on every open. */
class StoreMetadataTest {
  private static final Bytes GENESIS = Bytes.fromHex("0x" + "aa".repeat(32));

  @Test
  void emptyStoreIsInitializedAndThenAcceptedAgain() {
    InMemoryStore store = new InMemoryStore();
    StoreMetadata.checkOrInitialize(store, 1, GENESIS);
    assertThat(store.get(StoreMetadata.SCHEMA_VERSION_KEY)).contains(Bytes.fromHex("0x00000001"));
    assertThat(store.get(StoreMetadata.CHAIN_IDENTITY_KEY)).contains(GENESIS);
    StoreMetadata.checkOrInitialize(store, 1, GENESIS);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void otherChainIsRefused() {
    InMemoryStore store = new InMemoryStore();
    StoreMetadata.checkOrInitialize(store, 1, GENESIS);
    Bytes other = Bytes.fromHex("0x" + "bb".repeat(32));
    assertThatThrownBy(() -> StoreMetadata.checkOrInitialize(store, 1, other))
        .isInstanceOf(StoreMismatchException.class)
        .hasMessage("data dir memory belongs to another chain (genesis " + GENESIS.toHex()
            + " != " + other.toHex() + ")");
  }

  @Test
  void newerSchemaVersionIsRefused() {
    InMemoryStore store = new InMemoryStore();
    StoreMetadata.checkOrInitialize(store, 2, GENESIS);
    assertThatThrownBy(() -> StoreMetadata.checkOrInitialize(store, 1, GENESIS))
        .isInstanceOf(StoreMismatchException.class)
        .hasMessage("data dir memory has schema version 2, but this node only reads schema version 1");
  }

  @Test
  void foreignDataWithoutMetadataIsRefusedRatherThanAdopted() {
    InMemoryStore store = new InMemoryStore();
    store.write(new WriteBatch().put(Bytes.of((byte) 5), Bytes.of((byte) 5)), Durability.SYNC);
    assertThatThrownBy(() -> StoreMetadata.checkOrInitialize(store, 1, GENESIS))
        .isInstanceOf(StoreMismatchException.class)
        .hasMessageContaining("not a Bulwark store");
    assertThat(store.get(StoreMetadata.SCHEMA_VERSION_KEY)).isEmpty();
  }

  @Test
  void malformedVersionAndMissingChainAreReported() {
    InMemoryStore store = new InMemoryStore();
    store.write(new WriteBatch().put(StoreMetadata.SCHEMA_VERSION_KEY, Bytes.of((byte) 1)),
        Durability.SYNC);
    assertThatThrownBy(() -> StoreMetadata.checkOrInitialize(store, 1, GENESIS))
        .hasMessageContaining("malformed schema version");
    store.write(new WriteBatch().put(StoreMetadata.SCHEMA_VERSION_KEY,
        Bytes.fromHex("0x00000001")), Durability.SYNC);
    assertThatThrownBy(() -> StoreMetadata.checkOrInitialize(store, 1, GENESIS))
        .hasMessageContaining("no chain identity key");
  }
}
