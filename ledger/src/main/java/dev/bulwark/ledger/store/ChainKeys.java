package dev.bulwark.ledger.store;

import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.ByteBuffer;

/**
 * The chain store's keys and small values (schema version {@link ChainStore#SCHEMA_VERSION}).
 * Numbers in keys are 8-byte big-endian so that key order is block order.
 *
 * <pre>
 * CHAIN_HEAD                     -> number(8) ‖ blockHash(32)
 * BLOCK ‖ number                 -> BlockCodec block
 * BLOCK_NUMBER ‖ blockHash       -> number(8)
 * COMMIT_PROOF ‖ number          -> CertificateCodec finality (none for block 0); since version 2,
 *                                   the same record for every block of one commit
 * TX_LOCATION ‖ txHash           -> rlp[number, index]  (block hash: the block-level receipt)
 * RECEIPTS ‖ number              -> ReceiptCodec list
 * LOGS_BLOOM ‖ number            -> 256-byte bloom (only for blocks with logs)
 * VALIDATOR_SET ‖ epoch          -> ValidatorCodec set
 * STATE_NODE ‖ nodeHash          -> state-tree node (MerkleStateTree)
 * only on a node that prunes old states (StatePruner):
 * STATE_STALE ‖ number           -> hashes (32 each) of the nodes in block number-1's state
 *                                   tree and not in block number's
 * STATE_NODE_BORN ‖ nodeHash     -> number(8) of the last block whose tree added the node
 * STATE_PIN ‖ nodeHash           -> empty: a node of an epoch-change proof, never pruned
 * STATE_HISTORY                  -> journaledThrough(8) ‖ prunedThrough(8)
 * </pre>
 */
final class ChainKeys {
  static final Bytes HEAD = KeyPrefix.CHAIN_HEAD.bytes();

  private ChainKeys() {}

  static Bytes block(long number) {
    return KeyPrefix.BLOCK.key(uint64(number));
  }

  static Bytes blockNumber(Hash blockHash) {
    return KeyPrefix.BLOCK_NUMBER.key(blockHash.bytes());
  }

  static Bytes finality(long number) {
    return KeyPrefix.COMMIT_PROOF.key(uint64(number));
  }

  static Bytes txLocation(Hash txHash) {
    return KeyPrefix.TX_LOCATION.key(txHash.bytes());
  }

  static Bytes receipts(long number) {
    return KeyPrefix.RECEIPTS.key(uint64(number));
  }

  static Bytes logsBloom(long number) {
    return KeyPrefix.LOGS_BLOOM.key(uint64(number));
  }

  static Bytes validatorSet(long epoch) {
    return KeyPrefix.VALIDATOR_SET.key(uint64(epoch));
  }

  static Bytes uint64(long value) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(value).array());
  }

  static long readUint64(Bytes bytes, int offset) {
    return ByteBuffer.wrap(bytes.toArray(), offset, 8).getLong();
  }

  static Bytes head(long number, Hash hash) {
    return uint64(number).concat(hash.bytes());
  }

  static Bytes location(long number, int index) {
    return Bytes.of(Rlp.encode(Rlp.list(Rlp.uint(number), Rlp.uint(index))));
  }

  static TxLocation readLocation(Bytes value) {
    RlpReader r = RlpReader.of(Rlp.decode(value.toArray()), "transaction location");
    TxLocation location = new TxLocation(r.longValue(), r.intValue());
    r.end();
    return location;
  }

  /** A transaction's place: block number and index in the block. */
  record TxLocation(long number, int index) {}
}
