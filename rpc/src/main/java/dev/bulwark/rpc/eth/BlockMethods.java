package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.store.StoredTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.List;
import java.util.Optional;

/**
 * Blocks, transactions, receipts and (always absent) uncles. Unknown blocks, transactions and
 * receipts answer {@code null}; a transaction still in the pool answers with null block fields.
 */
final class BlockMethods {
  private final Blocks blocks;
  private final TransactionPool pool;

  BlockMethods(Blocks blocks, TransactionPool pool) {
    this.blocks = blocks;
    this.pool = pool;
  }

  private ChainReader chain() {
    return blocks.chain();
  }

  void register(RpcMethods m) {
    m.register("eth_blockNumber", (p, c) -> {
      p.expect(0, 0);
      return Hex.quantity(chain().head().number());
    });
    m.register("eth_getBlockByNumber", (p, c) -> {
      p.expect(2, 2);
      BlockTag tag = p.blockTag(0);
      boolean full = p.bool(1);
      return blocks.block(tag).<JsonNode>map(b -> blockJson(b, full)).orElse(Hex.nul());
    });
    m.register("eth_getBlockByHash", (p, c) -> {
      p.expect(2, 2);
      Hash h = p.hash(0);
      boolean full = p.bool(1);
      return byHash(h).<JsonNode>map(b -> blockJson(b, full)).orElse(Hex.nul());
    });
    m.register("eth_getBlockTransactionCountByNumber", (p, c) -> {
      p.expect(1, 1);
      return blocks.block(p.blockTag(0)).<JsonNode>map(b -> Hex.quantity(b.transactions().size()))
          .orElse(Hex.nul());
    });
    m.register("eth_getBlockTransactionCountByHash", (p, c) -> {
      p.expect(1, 1);
      return byHash(p.hash(0)).<JsonNode>map(b -> Hex.quantity(b.transactions().size()))
          .orElse(Hex.nul());
    });
    m.register("eth_getTransactionByBlockNumberAndIndex", (p, c) -> {
      p.expect(2, 2);
      BlockTag tag = p.blockTag(0);
      long index = p.quantity(1);
      return blocks.block(tag).map(b -> txAt(b, index)).orElse(Hex.nul());
    });
    m.register("eth_getTransactionByBlockHashAndIndex", (p, c) -> {
      p.expect(2, 2);
      Hash h = p.hash(0);
      long index = p.quantity(1);
      return byHash(h).map(b -> txAt(b, index)).orElse(Hex.nul());
    });
    m.register("eth_getTransactionByHash", (p, c) -> {
      p.expect(1, 1);
      return transaction(p.hash(0));
    });
    m.register("eth_getTransactionReceipt", (p, c) -> {
      p.expect(1, 1);
      return chain().receipt(p.hash(0)).<JsonNode>map(TxJson::receipt).orElse(Hex.nul());
    });
    m.register("eth_getBlockReceipts", (p, c) -> {
      p.expect(1, 1);
      BlockTag tag = p.blockTag(0);
      var n = blocks.find(tag);
      if (n.isEmpty()) {
        return Hex.nul();
      }
      Optional<List<StoredReceipt>> receipts = chain().receipts(n.getAsLong());
      if (receipts.isEmpty()) {
        return Hex.nul();
      }
      ArrayNode out = JSON.arrayNode();
      // The block-level receipt (system hooks' logs) has no transaction: eth_getLogs shows its logs.
      receipts.get().stream().filter(r -> !r.blockLevel()).forEach(r -> out.add(TxJson.receipt(r)));
      return out;
    });
    m.register("eth_getUncleCountByBlockNumber", (p, c) -> {
      p.expect(1, 1);
      return blocks.block(p.blockTag(0)).<JsonNode>map(b -> Hex.quantity(0)).orElse(Hex.nul());
    });
    m.register("eth_getUncleCountByBlockHash", (p, c) -> {
      p.expect(1, 1);
      return byHash(p.hash(0)).<JsonNode>map(b -> Hex.quantity(0)).orElse(Hex.nul());
    });
    m.register("eth_getUncleByBlockNumberAndIndex", (p, c) -> {
      p.expect(2, 2);
      p.blockTag(0);
      p.quantity(1);
      return Hex.nul();
    });
    m.register("eth_getUncleByBlockHashAndIndex", (p, c) -> {
      p.expect(2, 2);
      p.hash(0);
      p.quantity(1);
      return Hex.nul();
    });
  }

  private Optional<Block> byHash(Hash h) {
    return chain().blockNumber(h).flatMap(chain()::block);
  }

  private JsonNode blockJson(Block b, boolean full) {
    return BlockJson.block(b, chain().logsBloom(b.header().number()), full);
  }

  private static JsonNode txAt(Block b, long index) {
    if (index < 0 || index >= b.transactions().size()) {
      return Hex.nul();
    }
    int i = (int) index;
    SignedTransaction tx = TransactionCodec.decode(b.transactions().get(i));
    BlockHeader h = b.header();
    return TxJson.transaction(tx, tx.sender().orElseThrow(),
        new TxJson.Place(h.hash(), h.number(), i, h.baseFeePerGas()));
  }

  private JsonNode transaction(Hash hash) {
    JsonNode mined = mined(hash);
    if (!mined.isNull()) {
      return mined;
    }
    Optional<PooledTransaction> pooled = pool.get(hash);
    if (pooled.isPresent()) {
      return TxJson.transaction(pooled.get().tx(), pooled.get().sender(), null);
    }
    // It may have left the pool for a block between the two lookups.
    return mined(hash);
  }

  private JsonNode mined(Hash hash) {
    Optional<StoredTransaction> stored = chain().transaction(hash);
    if (stored.isPresent()) {
      StoredTransaction s = stored.get();
      BlockHeader h = chain().block(s.blockNumber()).orElseThrow().header();
      return TxJson.transaction(s.transaction(), s.transaction().sender().orElseThrow(),
          new TxJson.Place(s.blockHash(), s.blockNumber(), s.index(), h.baseFeePerGas()));
    }
    return Hex.nul();
  }

}
