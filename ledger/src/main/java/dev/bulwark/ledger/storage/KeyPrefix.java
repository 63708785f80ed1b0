package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The one-byte namespaces of the store's key space. Every column of data gets its own prefix
 * here so that prefix scans never cross into another kind of record; never renumber one.
 */
public enum KeyPrefix {
  /** Store metadata: schema version and chain identity. */
  META(0x00),
  /** Merkle state-tree nodes, keyed by their keccak256 hash. */
  STATE_NODE(0x01),
  /** The chain head: number and hash of the last committed block (the prefix alone is the key). */
  CHAIN_HEAD(0x10),
  /** Committed blocks by 8-byte big-endian number. */
  BLOCK(0x11),
  /** Block number by block hash. */
  BLOCK_NUMBER(0x12),
  /** Finality records (commit proof, proof path, batch end) by block number. */
  COMMIT_PROOF(0x13),
  /** Where a transaction is: (block number, index) by transaction hash. */
  TX_LOCATION(0x14),
  /** A block's receipts by block number. */
  RECEIPTS(0x15),
  /** A block's logs bloom by block number (absent when the block has no logs). */
  LOGS_BLOOM(0x16),
  /** Validator sets by 8-byte big-endian epoch. */
  VALIDATOR_SET(0x17),
  /** State-tree node hashes a block made stale, by 8-byte number (pruning nodes only). */
  STATE_STALE(0x18),
  /** The last block that added a state-tree node, by node hash (pruning nodes only). */
  STATE_NODE_BORN(0x19),
  /** State-tree nodes never pruned (epoch-change proofs), by node hash. */
  STATE_PIN(0x1a),
  /** Pruning progress: last block journaled, last block pruned (the prefix alone is the key). */
  STATE_HISTORY(0x1b);

  private final byte tag;

  KeyPrefix(int tag) {
    this.tag = (byte) tag;
  }

  /** The prefix byte. */
  public byte tag() {
    return tag;
  }

  /** The prefix alone, for prefix scans. */
  public Bytes bytes() {
    return Bytes.of(tag);
  }

  /** The prefix followed by {@code suffix}. */
  public Bytes key(Bytes suffix) {
    byte[] out = new byte[1 + suffix.size()];
    out[0] = tag;
    suffix.copyTo(out, 1);
    return Bytes.wrap(out);
  }

  /** The prefix followed by the UTF-8 bytes of {@code name}. */
  public Bytes key(String name) {
    return key(Bytes.of(name.getBytes(StandardCharsets.UTF_8)));
  }
}
