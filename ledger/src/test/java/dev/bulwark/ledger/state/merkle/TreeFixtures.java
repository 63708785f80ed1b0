package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Random;

/** Keys, values and one-call helpers shared by the state-tree tests. */
final class TreeFixtures {
  private TreeFixtures() {}

  /** keccak256 of the big-endian long, as the ledger hashes account keys. */
  static Hash key(long n) {
    return Keccak.hash(ByteBuffer.allocate(8).putLong(n).array());
  }

  /** SHA-256 of {@code data}, computed independently of the codec: the expected node hash. */
  static Hash sha256(byte[] data) {
    try {
      return Hash.of(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is missing", e);
    }
  }

  /** A value of 1..80 bytes drawn from {@code random}. */
  static Bytes value(Random random) {
    byte[] v = new byte[1 + random.nextInt(80)];
    random.nextBytes(v);
    return Bytes.of(v);
  }

  /** Applies {@code changes} and commits the nodes to {@code store} at once. */
  static Hash commit(MerkleStateTree tree, KeyValueStore store, Hash root, Map<Hash, Bytes> changes) {
    WriteBatch batch = new WriteBatch();
    Hash next = tree.update(root, changes, batch);
    store.write(batch, Durability.NO_SYNC);
    return next;
  }

  /** Applies {@code changes} (a null value deletes) to a plain map modelling the tree. */
  static void applyTo(Map<Hash, Bytes> model, Map<Hash, Bytes> changes) {
    changes.forEach((k, v) -> {
      if (v == null) {
        model.remove(k);
      } else {
        model.put(k, v);
      }
    });
  }
}
