package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;

/**
 * An inclusive range of committed blocks from two block parameters, as geth reads eth_getLogs'
 * (a reversed range is {@code invalid block range params}, never an empty answer; the end is
 * clipped to the head).
 */
record BlockRange(long from, long to) {
  BlockRange {
    if (from < 0 || to < from - 1) {
      throw new IllegalArgumentException("block range " + from + ".." + to);
    }
  }

  /** The range {@code fromTag..toTag} on {@code chain}; empty when it starts above the head. */
  static BlockRange of(ChainStore chain, BlockTag fromTag, BlockTag toTag) throws RpcException {
    long head = chain.head().number();
    long from = number(chain, fromTag, head);
    long to = number(chain, toTag, head);
    if (from > to) {
      throw RpcException.server("invalid block range params");
    }
    return new BlockRange(from, Math.min(to, head) < from ? from - 1 : Math.min(to, head));
  }

  private static long number(ChainStore chain, BlockTag tag, long head) throws RpcException {
    if (tag.kind() == BlockTag.Kind.HASH) {
      return chain.blockNumber(tag.hash()).filter(n -> n <= head)
          .orElseThrow(() -> RpcException.server("block not found: " + tag.hash().toHex()));
    }
    return tag.resolve(head);
  }

  /** Number of blocks in the range. */
  long size() {
    return to - from + 1;
  }
}
