package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Helpers that keep every chain decoder's failures inside DecodeException. */
final class Decoding {
  private Decoding() {}

  /**
   * Runs {@code body}, turning the IllegalArgumentException that record validation or key and
   * signature parsing raise for well-formed RLP with invalid content into a DecodeException.
   */
  static <T> T guard(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw new DecodeException(what + ": " + e.getMessage(), e);
    }
  }

  /** The elements of the next list field as non-negative longs. */
  static List<Long> longs(RlpReader r) {
    RlpReader list = r.list();
    List<Long> out = new ArrayList<>(list.size());
    while (list.hasNext()) {
      out.add(list.longValue());
    }
    return out;
  }

  /** The elements of the next list field as raw items. */
  static List<RlpItem> items(RlpReader r) {
    RlpReader list = r.list();
    List<RlpItem> out = new ArrayList<>(list.size());
    while (list.hasNext()) {
      out.add(list.item());
    }
    return out;
  }
}
