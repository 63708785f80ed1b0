package dev.bulwark.rpc.ots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ots_searchTransactionsBefore/After} over the {@link AddressIndex}: pages of an
 * address's transactions (as sender or recipient), newest first, in whole blocks, as Erigon
 * answers and Otterscan's {@code src/search/search.ts} ({@code rawToProcessed}) reads them:
 * {@code {txs, receipts (with the block's timestamp), firstPage, lastPage}}.
 */
final class OtsSearch {
  /** Largest page asked for (Otterscan asks 25). */
  static final int MAX_PAGE = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RpcMethods methods;
  private final AddressIndex index;

  OtsSearch(RpcMethods methods, AddressIndex index) {
    this.methods = methods;
    this.index = index;
  }

  void register() {
    methods.register("ots_searchTransactionsBefore", (p, c) -> {
      p.expect(3, 3);
      long block = OtsApi.number(p, 1);
      // Block 0 asks for the newest transactions: the first page.
      AddressIndex.Page page = index.before(p.address(0), block == 0 ? Long.MAX_VALUE : block,
          pageSize(p));
      return answer(page.entries(), block == 0, !page.more(), c);
    });
    methods.register("ots_searchTransactionsAfter", (p, c) -> {
      p.expect(3, 3);
      long block = OtsApi.number(p, 1);
      AddressIndex.Page page = index.after(p.address(0), block, pageSize(p));
      long[] ascending = page.entries();
      long[] descending = new long[ascending.length];
      for (int i = 0; i < ascending.length; i++) {
        descending[i] = ascending[ascending.length - 1 - i];
      }
      // Block 0 asks for the oldest transactions: the last page.
      return answer(descending, !page.more(), block == 0, c);
    });
  }

  private static int pageSize(RpcParams p) throws RpcException {
    long size = OtsApi.number(p, 2);
    if (size < 1 || size > MAX_PAGE) {
      throw RpcException.invalidParams("invalid argument 2: page size must be 1.." + MAX_PAGE);
    }
    return (int) size;
  }

  private JsonNode answer(long[] entries, boolean firstPage, boolean lastPage, RpcContext c)
      throws RpcException {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode txs = o.putArray("txs");
    ArrayNode receipts = o.putArray("receipts");
    Map<Long, JsonNode[]> blocks = new HashMap<>();
    for (long e : entries) {
      long n = AddressIndex.block(e);
      JsonNode[] b = blocks.get(n);
      if (b == null) {
        String hex = "0x" + Long.toHexString(n);
        b = new JsonNode[] {call(c, "eth_getBlockByNumber", hex, true),
            call(c, "eth_getBlockReceipts", hex)};
        blocks.put(n, b);
      }
      int i = AddressIndex.txIndex(e);
      txs.add(b[0].get("transactions").get(i));
      ObjectNode receipt = ((ObjectNode) b[1].get(i)).deepCopy();
      receipt.set("timestamp", b[0].get("timestamp"));
      receipts.add(receipt);
    }
    o.put("firstPage", firstPage);
    o.put("lastPage", lastPage);
    return o;
  }

  private JsonNode call(RpcContext c, String method, Object... params) throws RpcException {
    ArrayNode array = JSON.createArrayNode();
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    return methods.get(method).orElseThrow(() -> RpcException.methodNotFound(method))
        .call(new RpcParams(array), c);
  }
}
