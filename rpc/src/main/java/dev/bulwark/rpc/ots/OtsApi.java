package dev.bulwark.rpc.ots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.ledger.staking.AbiCodec;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;

/**
 * The Otterscan backend ({@code ots_*}, {@code erigon_getHeaderByNumber}) in the shapes Erigon
 * answers and Otterscan's {@code src/useErigonHooks.ts} reads, built on the Ethereum methods
 * already registered (so one source of truth for block, transaction and receipt JSON); the
 * address search is {@link OtsSearch}, over an {@link AddressIndex}.
 */
public final class OtsApi {
  /** Erigon's answer to {@code ots_getApiLevel}, which Otterscan 2 requires. */
  public static final int API_LEVEL = 8;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WITHDRAWN =
      "0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5";
  private static final String WITHDRAW_SELECTOR = "0x3ccfd60b";
  private static final String STAKING = StakingModule.ADDRESS.toHex();

  private final RpcMethods methods;

  private OtsApi(RpcMethods methods) {
    this.methods = methods;
  }

  /**
   * Registers the methods, with {@code ots_searchTransactionsBefore/After} over {@code index};
   * the {@code eth_*} methods must already be in {@code methods}.
   */
  public static void register(RpcMethods methods, AddressIndex index) {
    register(methods);
    new OtsSearch(methods, index).register();
  }

  /** Registers the methods but the address search; the {@code eth_*} methods must be there. */
  public static void register(RpcMethods methods) {
    OtsApi api = new OtsApi(methods);
    methods.register("ots_getApiLevel", (p, c) -> {
      p.expect(0, 0);
      return IntNode.valueOf(API_LEVEL);
    });
    methods.register("erigon_getHeaderByNumber", (p, c) -> {
      p.expect(1, 1);
      return api.header(number(p, 0), c);
    });
    methods.register("ots_getBlockDetails", (p, c) -> {
      p.expect(1, 1);
      return api.details(api.eth(c, "eth_getBlockByNumber", hex(number(p, 0)), false), c);
    });
    methods.register("ots_getBlockDetailsByHash", (p, c) -> {
      p.expect(1, 1);
      return api.details(api.eth(c, "eth_getBlockByHash", p.hash(0).toHex(), false), c);
    });
    methods.register("ots_getBlockTransactions", (p, c) -> {
      p.expect(3, 3);
      return api.blockTransactions(number(p, 0), number(p, 1), number(p, 2), c);
    });
    methods.register("ots_hasCode", (p, c) -> {
      p.expect(1, 2);
      JsonNode code = api.eth(c, "eth_getCode", p.address(0).toHex(),
          p.has(1) ? p.raw(1) : TextNode.valueOf("latest"));
      return JSON.getNodeFactory().booleanNode(!"0x".equals(code.asText()));
    });
    methods.register("ots_getContractCreator", (p, c) -> {
      p.address(0);
      // Bulwark has no contract creation: its only code is the staking module's, from genesis.
      return NullNode.getInstance();
    });
    methods.register("ots_getTransactionError", (p, c) -> {
      p.expect(1, 1);
      return api.transactionError(p.hash(0).toHex(), c);
    });
    methods.register("ots_getInternalOperations", (p, c) -> {
      p.expect(1, 1);
      return api.internalOperations(p.hash(0).toHex(), c);
    });
    methods.register("ots_traceTransaction", (p, c) -> {
      p.expect(1, 1);
      return api.trace(p.hash(0).toHex(), c);
    });
    methods.register("ots_getTransactionBySenderAndNonce", (p, c) -> {
      p.expect(2, 2);
      return api.bySenderAndNonce(p.address(0).toHex(), number(p, 1), c);
    });
  }

  /** A block number as Otterscan sends it: a JSON number, or a hex quantity. */
  static long number(RpcParams p, int i) throws RpcException {
    JsonNode n = p.raw(i);
    if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
      return n.asLong();
    }
    return RpcParams.quantity(i, n);
  }

  private static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }

  private JsonNode eth(RpcContext c, String method, Object... params) throws RpcException {
    ArrayNode array = JSON.createArrayNode();
    for (Object o : params) {
      array.add(JSON.valueToTree(o));
    }
    return methods.get(method).orElseThrow(() -> RpcException.methodNotFound(method))
        .call(new RpcParams(array), c);
  }

  private JsonNode header(long number, RpcContext c) throws RpcException {
    JsonNode block = eth(c, "eth_getBlockByNumber", hex(number), false);
    if (block.isNull()) {
      return block;
    }
    ObjectNode h = ((ObjectNode) block).deepCopy();
    h.remove(java.util.List.of("transactions", "uncles", "size", "totalDifficulty"));
    return h;
  }

  /** {block (no transactions; transactionCount; logsBloom null), issuance, totalFees}. */
  private JsonNode details(JsonNode block, RpcContext c) throws RpcException {
    if (block.isNull()) {
      return block;
    }
    ObjectNode b = ((ObjectNode) block).deepCopy();
    JsonNode receipts = eth(c, "eth_getBlockReceipts", b.get("number").asText());
    b.put("transactionCount", b.get("transactions").size());
    b.remove("transactions");
    b.putNull("logsBloom");
    ObjectNode o = JSON.createObjectNode();
    o.set("block", b);
    // No block reward and no uncles: validators earn the priority fees only.
    ObjectNode issuance = o.putObject("issuance");
    issuance.put("blockReward", "0x0");
    issuance.put("uncleReward", "0x0");
    issuance.put("issuance", "0x0");
    o.put("totalFees", "0x" + totalFees(receipts).toString(16));
    return o;
  }

  private static BigInteger totalFees(JsonNode receipts) {
    BigInteger sum = BigInteger.ZERO;
    for (JsonNode r : receipts) {
      sum = sum.add(big(r.get("gasUsed")).multiply(big(r.get("effectiveGasPrice"))));
    }
    return sum;
  }

  private static BigInteger big(JsonNode quantity) {
    return new BigInteger(quantity.asText().substring(2), 16);
  }

  /**
   * One page of a block's transactions and receipts, paged from the end as Erigon does (page 0
   * holds the last {@code size}; Otterscan reverses each page to list the newest first).
   */
  private JsonNode blockTransactions(long number, long page, long size, RpcContext c)
      throws RpcException {
    if (size < 1 || size > 1000) {
      throw RpcException.invalidParams("invalid argument 2: page size must be 1..1000");
    }
    JsonNode block = eth(c, "eth_getBlockByNumber", hex(number), true);
    if (block.isNull()) {
      return block;
    }
    ObjectNode b = ((ObjectNode) block).deepCopy();
    ArrayNode txs = (ArrayNode) b.get("transactions");
    JsonNode receipts = eth(c, "eth_getBlockReceipts", hex(number));
    int total = txs.size();
    long end = Math.max(0, total - page * size);
    long start = Math.max(0, end - size);
    ArrayNode pageTxs = JSON.createArrayNode();
    ArrayNode pageReceipts = JSON.createArrayNode();
    for (int i = (int) start; i < end; i++) {
      pageTxs.add(txs.get(i));
      ObjectNode r = ((ObjectNode) receipts.get(i)).deepCopy();
      r.putNull("logs");
      r.putNull("logsBloom");
      pageReceipts.add(r);
    }
    b.set("transactions", pageTxs);
    b.put("transactionCount", total);
    b.putNull("logsBloom");
    ObjectNode o = JSON.createObjectNode();
    o.set("fullblock", b);
    o.set("receipts", pageReceipts);
    return o;
  }

  private JsonNode receipt(String hash, RpcContext c) throws RpcException {
    JsonNode r = eth(c, "eth_getTransactionReceipt", hash);
    if (r.isNull()) {
      throw RpcException.server("transaction " + hash + " not found");
    }
    return r;
  }

  /** The revert data of a failed staking call (Error(string) of its reason), else {@code 0x}. */
  private JsonNode transactionError(String hash, RpcContext c) throws RpcException {
    JsonNode r = receipt(hash, c);
    if ("0x1".equals(r.get("status").asText())) {
      return TextNode.valueOf("0x");
    }
    JsonNode reason = r.get("revertReason");
    return TextNode.valueOf(reason == null || reason.isNull() ? "0x"
        : AbiCodec.errorData(reason.asText()).toHex());
  }

  /** A successful {@code withdraw()} pays the sender from the module: one internal transfer. */
  private JsonNode internalOperations(String hash, RpcContext c) throws RpcException {
    JsonNode r = receipt(hash, c);
    ArrayNode out = JSON.createArrayNode();
    BigInteger paid = withdrawn(r);
    if (paid != null) {
      ObjectNode op = out.addObject();
      op.put("type", 0);
      op.put("from", STAKING);
      op.put("to", r.get("from").asText());
      op.put("value", "0x" + paid.toString(16));
    }
    return out;
  }

  private static BigInteger withdrawn(JsonNode receipt) {
    if (!"0x1".equals(receipt.get("status").asText())
        || !STAKING.equals(receipt.get("to").asText())) {
      return null;
    }
    for (JsonNode log : receipt.get("logs")) {
      if (WITHDRAWN.equals(log.get("topics").get(0).asText())) {
        return new BigInteger(log.get("data").asText().substring(2, 66), 16);
      }
    }
    return null;
  }

  /** The call tree: the transaction's call, and a {@code withdraw()} payout as its child. */
  private JsonNode trace(String hash, RpcContext c) throws RpcException {
    JsonNode tx = eth(c, "eth_getTransactionByHash", hash);
    if (tx.isNull()) {
      throw RpcException.server("transaction " + hash + " not found");
    }
    JsonNode r = receipt(hash, c);
    ArrayNode out = JSON.createArrayNode();
    ObjectNode call = out.addObject();
    call.put("type", "CALL");
    call.put("depth", 0);
    call.put("from", tx.get("from").asText());
    call.put("to", tx.get("to").asText());
    call.put("value", tx.get("value").asText());
    call.put("input", tx.get("input").asText());
    BigInteger paid = withdrawn(r);
    call.put("output", paid != null && tx.get("input").asText().startsWith(WITHDRAW_SELECTOR)
        ? "0x" + String.format("%064x", paid) : "0x");
    if (paid != null) {
      ObjectNode payout = out.addObject();
      payout.put("type", "CALL");
      payout.put("depth", 1);
      payout.put("from", STAKING);
      payout.put("to", tx.get("from").asText());
      payout.put("value", "0x" + paid.toString(16));
      payout.put("input", "0x");
      payout.put("output", "0x");
    }
    return out;
  }

  /**
   * The hash of {@code sender}'s transaction with {@code nonce}: the first block after which its
   * nonce exceeds {@code nonce} holds it (binary search over the archive's historical nonces).
   */
  private JsonNode bySenderAndNonce(String sender, long nonce, RpcContext c) throws RpcException {
    long head = Long.decode(eth(c, "eth_blockNumber").asText());
    if (nonceAt(sender, head, c) <= nonce) {
      return NullNode.getInstance();
    }
    long lo = 0;
    long hi = head;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (nonceAt(sender, mid, c) > nonce) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    for (JsonNode tx : eth(c, "eth_getBlockByNumber", hex(lo), true).get("transactions")) {
      if (tx.get("from").asText().equals(sender) && Long.decode(tx.get("nonce").asText()) == nonce) {
        return tx.get("hash");
      }
    }
    return NullNode.getInstance();
  }

  private long nonceAt(String sender, long block, RpcContext c) throws RpcException {
    return Long.decode(eth(c, "eth_getTransactionCount", sender, hex(block)).asText());
  }
}
