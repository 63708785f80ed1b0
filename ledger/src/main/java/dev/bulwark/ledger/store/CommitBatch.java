package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.ValidatorCodec;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.execution.ReceiptCodec;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * Checks one commit (the blocks a commit proof finalises, with their execution results) against the
 * head and stages everything it writes as one {@link WriteBatch}, head move included.
 */
final class CommitBatch {
  private CommitBatch() {}

  /**
   * The batch committing {@code blocks} on {@code head}. IllegalStateException when the first block
   * does not extend the head; IllegalArgumentException for any other mismatch: blocks that do not
   * follow one another, a result that is not its block's, or a proof that does not link.
   */
  static WriteBatch stage(
      BlockHeader head,
      List<Block> blocks,
      List<ExecutionResult> results,
      CommitProof proof,
      List<BlockHeader> proofPath) {
    if (blocks == null || results == null || proofPath == null) {
      throw new IllegalArgumentException("blocks, results and proof path are required");
    }
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("a commit needs at least one block");
    }
    if (blocks.size() != results.size()) {
      throw new IllegalArgumentException(
          blocks.size() + " blocks but " + results.size() + " execution results");
    }
    checkExtends(head, blocks.get(0).header());
    for (int i = 1; i < blocks.size(); i++) {
      checkFollows(blocks.get(i - 1).header(), blocks.get(i).header());
    }
    for (int i = 0; i < blocks.size(); i++) {
      checkResult(blocks.get(i), results.get(i));
    }
    BlockHeader last = blocks.get(blocks.size() - 1).header();
    Finality finality = finality(last, proof, proofPath);

    WriteBatch batch = new WriteBatch();
    Bytes finalityValue = Bytes.of(CertificateCodec.encode(finality));
    for (int i = 0; i < blocks.size(); i++) {
      // Later blocks' node puts and deletes overwrite earlier ones: applied in chain order.
      copy(results.get(i).stateNodes(), batch);
      stageBlock(batch, blocks.get(i), results.get(i));
      batch.put(ChainKeys.finality(blocks.get(i).header().number()), finalityValue);
    }
    batch.put(ChainKeys.HEAD, ChainKeys.head(last.number(), last.hash()));
    return batch;
  }

  /** Stages {@code block} and its number-by-hash index. */
  static void putBlock(WriteBatch batch, Block block) {
    long number = block.header().number();
    batch.put(ChainKeys.block(number), Bytes.of(BlockCodec.encode(block)));
    batch.put(ChainKeys.blockNumber(block.hash()), ChainKeys.uint64(number));
  }

  /** Stages every put and delete of {@code nodes} into {@code batch}, in order. */
  static void copy(WriteBatch nodes, WriteBatch batch) {
    nodes.forEach(
        (k, v) -> {
          if (v == null) {
            batch.delete(k);
          } else {
            batch.put(k, v);
          }
        });
  }

  private static void stageBlock(WriteBatch batch, Block block, ExecutionResult result) {
    BlockHeader header = block.header();
    putBlock(batch, block);
    List<Hash> txHashes = result.transactionHashes(); // same list as the block's: the roots match
    for (int i = 0; i < txHashes.size(); i++) {
      batch.put(ChainKeys.txLocation(txHashes.get(i)), ChainKeys.location(header.number(), i));
    }
    List<Receipt> receipts = result.receipts();
    if (receipts.size() > txHashes.size()) {
      batch.put(
          ChainKeys.txLocation(header.hash()),
          ChainKeys.location(header.number(), txHashes.size()));
    }
    batch.put(ChainKeys.receipts(header.number()), Bytes.of(ReceiptCodec.encodeList(receipts)));
    if (!result.logsBloom().equals(LogsBloom.EMPTY)) {
      batch.put(ChainKeys.logsBloom(header.number()), result.logsBloom().toBytes());
    }
    result
        .nextValidatorSet()
        .ifPresent(
            set ->
                batch.put(
                    ChainKeys.validatorSet(set.epoch()), Bytes.of(ValidatorCodec.encode(set))));
  }

  private static void checkExtends(BlockHeader head, BlockHeader header) {
    if (header.number() != head.number() + 1 || !header.parentHash().equals(head.hash())) {
      throw new IllegalStateException(
          describe(header) + " does not extend the head " + describe(head));
    }
  }

  private static void checkFollows(BlockHeader previous, BlockHeader header) {
    if (header.number() != previous.number() + 1 || !header.parentHash().equals(previous.hash())) {
      throw new IllegalArgumentException(
          describe(header) + " does not follow " + describe(previous) + " in the commit");
    }
  }

  private static void checkResult(Block block, ExecutionResult result) {
    BlockHeader header = block.header();
    if (result == null
        || !header.stateRoot().equals(result.stateRoot())
        || !header.receiptsRoot().equals(result.receiptsRoot())
        || !header.transactionsRoot().equals(result.transactionsRoot())
        || !header.evidenceRoot().equals(result.evidenceRoot())
        || header.gasUsed() != result.gasUsed()
        || result.transactionHashes().size() != block.transactions().size()) {
      throw new IllegalArgumentException(
          "the execution result is not block " + header.number() + " (" + header.hash() + ")'s");
    }
  }

  /** The finality record, once the proof links to {@code last} (through the path, if any). */
  private static Finality finality(BlockHeader last, CommitProof proof, List<BlockHeader> path) {
    if (proof == null) {
      throw new IllegalArgumentException("the commit proof is missing");
    }
    if (path.isEmpty() && !proof.committedBlockId().equals(last.hash())) {
      throw new IllegalArgumentException(
          "the commit proof is for " + proof.committedBlockId() + ", not block " + last.hash());
    }
    if (!path.isEmpty() && (path.get(0) == null || !path.get(0).parentHash().equals(last.hash()))) {
      throw new IllegalArgumentException(
          "the proof path does not start at a child of the last block " + describe(last));
    }
    return new Finality(proof, path, last.number()); // checks the links inside the path
  }

  private static String describe(BlockHeader h) {
    return "block " + h.number() + " (" + h.hash() + ")";
  }
}
