package dev.bulwark.ledger.codec;

import dev.bulwark.ledger.types.Bytes;
import java.util.List;

/** A decoded (or to-be-encoded) RLP value: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Str, RlpItem.Lst {

  /** An RLP byte string. */
  record Str(Bytes value) implements RlpItem {
    public Str {
      if (value == null) {
        throw new IllegalArgumentException("RLP string value is null");
      }
    }
  }

  /** An RLP list. */
  record Lst(List<RlpItem> items) implements RlpItem {
    public Lst {
      items = List.copyOf(items);
    }
  }
}
