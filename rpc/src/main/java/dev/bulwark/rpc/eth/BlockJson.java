package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * Block and header objects: every field of ETH-RPC.md section 1.2 in geth's shape, plus the
 * consensus fields ({@code epoch}, {@code round}, {@code skippedRounds}, and {@code qc}, the
 * certificate of the parent, encoded as {@code bulwark_getCommitProof} encodes its QC).
 */
final class BlockJson {
  /** keccak256(rlp([])): no uncles. */
  static final TextNode SHA3_UNCLES =
      new TextNode("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
  private static final TextNode NONCE = new TextNode("0x0000000000000000");

  private BlockJson() {}

  /** The header fields, as {@code newHeads} sends them. */
  static ObjectNode header(BlockHeader h, LogsBloom bloom) {
    ObjectNode o = JSON.objectNode();
    o.set("number", Hex.quantity(h.number()));
    o.set("hash", Hex.hash(h.hash()));
    o.set("parentHash", Hex.hash(h.parentHash()));
    o.set("nonce", NONCE);
    o.set("mixHash", Hex.hash(Hash.ZERO));
    o.set("sha3Uncles", SHA3_UNCLES);
    o.set("logsBloom", Hex.data(bloom.toBytes()));
    o.set("transactionsRoot", Hex.hash(h.transactionsRoot()));
    o.set("stateRoot", Hex.hash(h.stateRoot()));
    o.set("receiptsRoot", Hex.hash(h.receiptsRoot()));
    o.set("miner", Hex.address(h.proposer()));
    o.set("difficulty", Hex.quantity(0));
    o.set("extraData", Hex.data(Bytes.EMPTY));
    o.set("gasLimit", Hex.quantity(h.gasLimit()));
    o.set("gasUsed", Hex.quantity(h.gasUsed()));
    o.set("timestamp", Hex.quantity(h.timestampMillis() / 1000));
    o.set("baseFeePerGas", Hex.quantity(h.baseFeePerGas()));
    o.set("epoch", Hex.quantity(h.epoch()));
    o.set("round", Hex.quantity(h.round()));
    ArrayNode skipped = o.putArray("skippedRounds");
    h.skippedRounds().forEach(r -> skipped.add(Hex.quantity(r)));
    // Genesis has no parent, so no certificate.
    o.set("qc", h.parentQc().<JsonNode>map(BlockJson::qc)
        .orElse(Hex.nul()));
    return o;
  }

  /** A QC as {@code {round, blockHash, signersBitmap, aggregateSignature}}. */
  static ObjectNode qc(QuorumCertificate qc) {
    ObjectNode o = JSON.objectNode();
    o.set("round", Hex.quantity(qc.round()));
    o.set("blockHash", Hex.hash(qc.blockId()));
    o.set("signersBitmap", Hex.data(qc.signers().toBytes()));
    o.set("aggregateSignature", Hex.data(qc.aggregate().toBytes()));
    return o;
  }

  /**
   * A full block object: the header fields, {@code totalDifficulty}, {@code size}, {@code
   * uncles} and the transactions as hashes or, when {@code full}, as transaction objects.
   */
  static ObjectNode block(Block block, LogsBloom bloom, boolean full) {
    BlockHeader h = block.header();
    ObjectNode o = header(h, bloom);
    o.set("totalDifficulty", Hex.quantity(0));
    o.set("size", Hex.quantity(BlockCodec.encode(block).length));
    o.putArray("uncles");
    ArrayNode txs = o.putArray("transactions");
    for (int i = 0; i < block.transactions().size(); i++) {
      Bytes raw = block.transactions().get(i);
      if (full) {
        SignedTransaction tx = TransactionCodec.decode(raw);
        txs.add(TxJson.transaction(tx, tx.sender().orElseThrow(),
            new TxJson.Place(h.hash(), h.number(), i, h.baseFeePerGas())));
      } else {
        txs.add(Hex.hash(Keccak.hash(raw)));
      }
    }
    return o;
  }
}
