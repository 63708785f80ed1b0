package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.tx.AccessListEntry;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/** Transaction, receipt and log objects in geth's shapes (ETH-RPC.md section 1.2). */
final class TxJson {
  private TxJson() {}

  /** Where a transaction sits: its block and index, or nothing for a pooled one. */
  record Place(Hash blockHash, long blockNumber, int index, BigInteger baseFee) {}

  /**
   * A transaction object; {@code place} null for a pooled one. A mined type-2 transaction shows
   * the effective price as {@code gasPrice}, a pooled one its fee cap (as geth does).
   */
  static ObjectNode transaction(SignedTransaction signed, Address from, Place place) {
    Transaction tx = signed.transaction();
    ObjectNode o = JSON.objectNode();
    o.set("blockHash", place == null ? Hex.nul() : Hex.hash(place.blockHash()));
    o.set("blockNumber", place == null ? Hex.nul() : Hex.quantity(place.blockNumber()));
    o.set("from", Hex.address(from));
    o.set("gas", Hex.unsigned(tx.gasLimit()));
    BigInteger gasPrice =
        place == null ? tx.maxFeePerGas() : FeeMarket.effectiveGasPrice(tx, place.baseFee());
    o.set("gasPrice", Hex.quantity(gasPrice));
    if (tx.type() == TransactionType.DYNAMIC_FEE) {
      o.set("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()));
      o.set("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()));
    }
    o.set("hash", Hex.hash(signed.hash()));
    o.set("input", Hex.data(tx.data()));
    o.set("nonce", Hex.unsigned(tx.nonce()));
    o.set("to", tx.to().<JsonNode>map(Hex::address).orElse(Hex.nul()));
    o.set("transactionIndex", place == null ? Hex.nul() : Hex.quantity(place.index()));
    o.set("value", Hex.quantity(tx.value()));
    o.set("type", Hex.quantity(tx.type().code()));
    if (tx.type() != TransactionType.LEGACY) {
      o.set("accessList", accessList(tx));
    }
    tx.chainId().ifPresent(id -> o.set("chainId", Hex.quantity(id)));
    o.set("v", Hex.quantity(tx.v()));
    o.set("r", Hex.quantity(tx.signature().r()));
    o.set("s", Hex.quantity(tx.signature().s()));
    if (tx.type() != TransactionType.LEGACY) {
      o.set("yParity", Hex.quantity(tx.signature().yParity()));
    }
    return o;
  }

  private static ArrayNode accessList(Transaction tx) {
    ArrayNode list = JSON.arrayNode();
    for (AccessListEntry e : tx.accessList()) {
      ObjectNode entry = list.addObject();
      entry.set("address", Hex.address(e.address()));
      ArrayNode keys = entry.putArray("storageKeys");
      e.storageKeys().forEach(k -> keys.add(Hex.hash(k)));
    }
    return list;
  }

  /** A receipt object. */
  static ObjectNode receipt(StoredReceipt stored) {
    Receipt r = stored.receipt();
    ObjectNode o = JSON.objectNode();
    o.set("transactionHash", Hex.hash(stored.transactionHash()));
    o.set("transactionIndex", Hex.quantity(stored.index()));
    o.set("blockHash", Hex.hash(stored.blockHash()));
    o.set("blockNumber", Hex.quantity(stored.blockNumber()));
    o.set("from", Hex.address(r.from()));
    o.set("to", r.to().<JsonNode>map(Hex::address).orElse(Hex.nul()));
    o.set("cumulativeGasUsed", Hex.quantity(r.cumulativeGasUsed()));
    o.set("gasUsed", Hex.quantity(r.gasUsed()));
    o.set("contractAddress", Hex.nul());
    ArrayNode logs = o.putArray("logs");
    for (int i = 0; i < r.logs().size(); i++) {
      logs.add(log(new StoredLog(r.logs().get(i), stored.blockNumber(), stored.blockHash(),
          stored.transactionHash(), stored.index(), stored.firstLogIndex() + i)));
    }
    o.set("logsBloom", Hex.data(LogsBloom.of(r.logs()).toBytes()));
    o.set("status", Hex.quantity(r.success() ? 1 : 0));
    o.set("type", Hex.quantity(r.type().code()));
    o.set("effectiveGasPrice", Hex.quantity(r.effectiveGasPrice()));
    r.revertReason().ifPresent(reason -> o.put("revertReason", reason));
    return o;
  }

  /** A log object ({@code removed} is always false: committed blocks are final). */
  static ObjectNode log(StoredLog stored) {
    Log log = stored.log();
    ObjectNode o = JSON.objectNode();
    o.set("address", Hex.address(log.address()));
    ArrayNode topics = o.putArray("topics");
    log.topics().forEach(t -> topics.add(Hex.hash(t)));
    o.set("data", Hex.data(log.data()));
    o.set("blockNumber", Hex.quantity(stored.blockNumber()));
    o.set("blockHash", Hex.hash(stored.blockHash()));
    o.set("transactionHash", Hex.hash(stored.transactionHash()));
    o.set("transactionIndex", Hex.quantity(stored.transactionIndex()));
    o.set("logIndex", Hex.quantity(stored.logIndex()));
    o.put("removed", false);
    return o;
  }
}
