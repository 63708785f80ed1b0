package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity a store carries from its creation: the schema version of its key layout and the
 * chain it belongs to (the genesis block hash). Checked on every open so that a node never reads
 * a layout it does not know or mixes two chains' data.
 */
public final class StoreMetadata {
  /** Key of the 4-byte big-endian schema version. */
  public static final Bytes SCHEMA_VERSION_KEY = KeyPrefix.META.key("schema-version");
  /** Key of the chain identity bytes (genesis block hash). */
  public static final Bytes CHAIN_IDENTITY_KEY = KeyPrefix.META.key("chain-identity");

  private static final Logger LOG = LoggerFactory.getLogger(StoreMetadata.class);

  private StoreMetadata() {}

  /**
   * Writes the metadata into an empty store, or checks it against an existing one; throws
   * {@link StoreMismatchException} with the data directory in the message on any mismatch.
   */
  public static void checkOrInitialize(KeyValueStore store, int schemaVersion, Bytes chainIdentity) {
    Objects.requireNonNull(chainIdentity, "chainIdentity");
    if (schemaVersion <= 0) {
      throw new IllegalArgumentException("schema version must be positive: " + schemaVersion);
    }
    Optional<Bytes> storedVersion = store.get(SCHEMA_VERSION_KEY);
    if (storedVersion.isEmpty()) {
      initialize(store, schemaVersion, chainIdentity);
      return;
    }
    int version = decodeVersion(store, storedVersion.get());
    if (version != schemaVersion) {
      throw new StoreMismatchException(
          "data dir " + store.location() + " has schema version " + version
              + ", but this node only reads schema version " + schemaVersion);
    }
    Bytes storedChain =
        store.get(CHAIN_IDENTITY_KEY)
            .orElseThrow(() -> new StoreMismatchException(
                "data dir " + store.location() + " has a schema version but no chain identity key"));
    if (!storedChain.equals(chainIdentity)) {
      throw new StoreMismatchException(
          "data dir " + store.location() + " belongs to another chain (genesis "
              + storedChain.toHex() + " != " + chainIdentity.toHex() + ")");
    }
  }

  private static void initialize(KeyValueStore store, int schemaVersion, Bytes chainIdentity) {
    try (KeyValueCursor any = store.range(null, null)) {
      if (any.hasNext()) {
        throw new StoreMismatchException(
            "data dir " + store.location()
                + " holds data but no schema version key: not a Bulwark store");
      }
    }
    WriteBatch batch = new WriteBatch()
        .put(SCHEMA_VERSION_KEY, Bytes.of(ByteBuffer.allocate(4).putInt(schemaVersion).array()))
        .put(CHAIN_IDENTITY_KEY, chainIdentity);
    store.write(batch, Durability.SYNC);
    LOG.info("Initialized store at {}: schema version {}, chain {}",
        store.location(), schemaVersion, chainIdentity.toHex());
  }

  private static int decodeVersion(KeyValueStore store, Bytes raw) {
    if (raw.size() != 4) {
      throw new StoreMismatchException(
          "data dir " + store.location() + " has a malformed schema version key ("
              + raw.size() + " bytes)");
    }
    return ByteBuffer.wrap(raw.toArray()).getInt();
  }
}
