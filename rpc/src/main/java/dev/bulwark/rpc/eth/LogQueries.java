package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs log queries within the limits: the block range ({@code maxLogsBlockRange}) and the result
 * size ({@code maxLogsResults}), each exceeded with an error that names it; a reversed range is
 * geth's {@code invalid block range params}.
 */
final class LogQueries {
  /** geth's code for a query over a limit. */
  static final int LIMIT_EXCEEDED = RpcException.LIMIT_EXCEEDED;

  private final Blocks blocks;

  LogQueries(Blocks blocks) {
    this.blocks = blocks;
  }

  /** The logs {@code c} selects, in chain order. */
  List<StoredLog> run(LogCriteria c, RpcLimits limits) throws RpcException {
    long from;
    long to;
    if (c.blockHash().isPresent()) {
      OptionalLong n = blocks.find(BlockTag.hash(c.blockHash().get()));
      if (n.isEmpty()) {
        throw RpcException.server("unknown block");
      }
      from = n.getAsLong();
      to = from;
    } else {
      long head = blocks.chain().head().number();
      from = resolve(c.fromBlock(), head);
      to = resolve(c.toBlock(), head);
      if (from > to) {
        throw RpcException.server("invalid block range params");
      }
      if (from > head) {
        return List.of();
      }
      to = Math.min(to, head);
    }
    checkRange(from, to, limits);
    List<StoredLog> logs = blocks.chain().logs(c.filter(from, to));
    if (logs.size() > limits.maxLogsResults()) {
      throw new RpcException(LIMIT_EXCEEDED, "query returned more than "
          + limits.maxLogsResults() + " results (maxLogsResults); narrow the block range");
    }
    return logs;
  }

  /** A reversed range or one over {@code maxLogsBlockRange} is an error naming it. */
  static void checkRange(long from, long to, RpcLimits limits) throws RpcException {
    if (from > to) {
      throw RpcException.server("invalid block range params");
    }
    if (to - from + 1 > limits.maxLogsBlockRange()) {
      throw new RpcException(LIMIT_EXCEEDED, "block range " + from + ".." + to + " exceeds "
          + limits.maxLogsBlockRange() + " blocks (maxLogsBlockRange)");
    }
  }

  /** A tag's number; a number above the head stays as given (the range is clipped later). */
  private static long resolve(BlockTag tag, long head) {
    return tag.resolve(head);
  }
}
