package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Hash;
import java.nio.charset.StandardCharsets;

/** Readable test block ids: the keccak256 of a label. */
final class BlockIds {
  private BlockIds() {}

  static Hash of(String label) {
    return Keccak.hash(label.getBytes(StandardCharsets.UTF_8));
  }
}
