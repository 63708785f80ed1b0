package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fees: the next block's base fee is known exactly (EIP-1559 on the committed head), and a zero
 * tip is enough to be included, so {@code eth_maxPriorityFeePerGas} is 0 and {@code eth_gasPrice}
 * is the next base fee, as geth computes it (base fee + suggested tip).
 */
final class FeeMethods {
  /** geth's cap on {@code eth_feeHistory}'s block count. */
  static final int MAX_FEE_HISTORY_BLOCKS = 1024;
  /** Most reward percentiles in one {@code eth_feeHistory}. */
  static final int MAX_PERCENTILES = 100;

  private final Blocks blocks;

  FeeMethods(Blocks blocks) {
    this.blocks = blocks;
  }

  void register(RpcMethods m) {
    m.register("eth_gasPrice", (p, c) -> {
      p.expect(0, 0);
      return Hex.quantity(nextBaseFee(blocks.chain().head()));
    });
    m.register("eth_maxPriorityFeePerGas", (p, c) -> {
      p.expect(0, 0);
      return Hex.quantity(0);
    });
    m.register("eth_feeHistory", (p, c) -> {
      p.expect(2, 3);
      long count = blockCount(p);
      long newest = blocks.require(p.blockTag(1));
      double[] percentiles = p.has(2) ? percentiles(p) : null;
      return feeHistory(count, newest, percentiles);
    });
  }

  private BigInteger nextBaseFee(BlockHeader head) {
    return FeeMarket.nextBaseFee(head, blocks.chain().params());
  }

  /** The block count, as a quantity or (geth accepts both) a decimal JSON number. */
  private static long blockCount(RpcParams p) throws RpcException {
    JsonNode n = p.raw(0);
    long count;
    if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
      count = n.longValue();
    } else {
      count = p.quantity(0);
    }
    return Math.min(count, MAX_FEE_HISTORY_BLOCKS);
  }

  private static double[] percentiles(RpcParams p) throws RpcException {
    JsonNode n = p.raw(2);
    if (!n.isArray()) {
      throw RpcParams.invalid(2, "expected an array of percentiles");
    }
    if (n.size() > MAX_PERCENTILES) {
      throw RpcParams.invalid(2, "too many reward percentiles, want at most " + MAX_PERCENTILES);
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = n.get(i);
      if (!v.isNumber()) {
        throw RpcParams.invalid(2, "expected an array of percentiles");
      }
      out[i] = v.doubleValue();
      if (out[i] < 0 || out[i] > 100) {
        throw RpcParams.invalid(2, "invalid reward percentile: " + v.asText());
      }
      if (i > 0 && out[i] < out[i - 1]) {
        throw RpcParams.invalid(2, "invalid reward percentile: #" + (i - 1) + ":" + out[i - 1]
            + " > #" + i + ":" + out[i]);
      }
    }
    return out;
  }

  private JsonNode feeHistory(long count, long newest, double[] percentiles) {
    ObjectNode o = JSON.objectNode();
    if (count == 0) {
      o.set("oldestBlock", Hex.quantity(0));
      return o;
    }
    long oldest = Math.max(0, newest - count + 1);
    o.set("oldestBlock", Hex.quantity(oldest));
    ArrayNode baseFees = o.putArray("baseFeePerGas");
    ArrayNode ratios = o.putArray("gasUsedRatio");
    ArrayNode rewards = percentiles == null ? null : o.putArray("reward");
    BlockHeader last = null;
    for (long n = oldest; n <= newest; n++) {
      Block b = blocks.chain().block(n).orElseThrow();
      BlockHeader h = b.header();
      baseFees.add(Hex.quantity(h.baseFeePerGas()));
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      if (rewards != null) {
        rewards.add(rewards(h, percentiles));
      }
      last = h;
    }
    baseFees.add(Hex.quantity(nextBaseFee(last)));
    return o;
  }

  /** geth's rule: the tips sorted ascending, weighted by gas used, read at each percentile. */
  private ArrayNode rewards(BlockHeader h, double[] percentiles) {
    ArrayNode out = JSON.arrayNode();
    List<StoredReceipt> receipts = new ArrayList<>(blocks.chain().receipts(h.number())
        .orElse(List.of()).stream().filter(r -> !r.blockLevel() && r.receipt().gasUsed() > 0)
        .toList());
    if (receipts.isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add(Hex.quantity(0));
      }
      return out;
    }
    receipts.sort(Comparator.comparing(r -> tip(r, h)));
    long total = receipts.stream().mapToLong(r -> r.receipt().gasUsed()).sum();
    int i = 0;
    long sum = receipts.get(0).receipt().gasUsed();
    for (double pct : percentiles) {
      double threshold = total * pct / 100;
      while (sum < threshold && i < receipts.size() - 1) {
        i++;
        sum += receipts.get(i).receipt().gasUsed();
      }
      out.add(Hex.quantity(tip(receipts.get(i), h)));
    }
    return out;
  }

  private static BigInteger tip(StoredReceipt r, BlockHeader h) {
    return r.receipt().effectiveGasPrice().subtract(h.baseFeePerGas()).max(BigInteger.ZERO);
  }
}
