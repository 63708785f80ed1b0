package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.util.Objects;

/** One stored entry, as a range iteration yields it. */
public record KeyValue(Bytes key, Bytes value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
