package dev.bulwark.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.store.LogFilter;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A log filter object as clients send it ({@code eth_getLogs}, {@code eth_newFilter}, the {@code
 * logs} subscription): a block range by tags (default {@code latest} to {@code latest}) or one
 * block by {@code blockHash}, addresses (one or a list) and up to four topic positions (null, a
 * topic, or a list of alternatives).
 */
record LogCriteria(
    BlockTag fromBlock, BlockTag toBlock, Optional<Hash> blockHash, Set<Address> addresses,
    List<Set<Hash>> topics) {
  LogCriteria {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
  }

  /** Decodes argument {@code i}. */
  static LogCriteria parse(RpcParams params, int i) throws RpcException {
    ObjectNode o = params.object(i);
    JsonNode from = o.get("fromBlock");
    JsonNode to = o.get("toBlock");
    JsonNode hash = o.get("blockHash");
    Optional<Hash> blockHash = Optional.empty();
    if (present(hash)) {
      if (present(from) || present(to)) {
        throw RpcParams.invalid(i, "cannot specify both BlockHash and FromBlock/ToBlock, choose"
            + " one or the other");
      }
      blockHash = Optional.of(RpcParams.hash(i, hash));
    }
    BlockTag fromTag = present(from) ? tag(i, from) : BlockTag.LATEST;
    BlockTag toTag = present(to) ? tag(i, to) : BlockTag.LATEST;
    Set<Address> addresses = new HashSet<>();
    JsonNode a = o.get("address");
    if (present(a)) {
      if (a.isArray()) {
        for (JsonNode e : a) {
          addresses.add(RpcParams.address(i, e));
        }
      } else {
        addresses.add(RpcParams.address(i, a));
      }
    }
    List<Set<Hash>> topics = new ArrayList<>();
    JsonNode t = o.get("topics");
    if (present(t)) {
      if (!t.isArray()) {
        throw RpcParams.invalid(i, "topics must be an array");
      }
      if (t.size() > 4) {
        throw RpcParams.invalid(i, "exceed max topics");
      }
      for (JsonNode position : t) {
        topics.add(position(i, position));
      }
    }
    return new LogCriteria(fromTag, toTag, blockHash, addresses, topics);
  }

  private static BlockTag tag(int i, JsonNode n) throws RpcException {
    if (n.isObject()) {
      throw RpcParams.invalid(i, "fromBlock and toBlock take a block number or tag");
    }
    return RpcParams.blockTag(i, n);
  }

  /** One topic position: any (null, or a list holding null), one topic or alternatives. */
  private static Set<Hash> position(int i, JsonNode n) throws RpcException {
    Set<Hash> set = new HashSet<>();
    if (n.isNull()) {
      return set;
    }
    if (!n.isArray()) {
      set.add(RpcParams.hash(i, n));
      return set;
    }
    for (JsonNode e : n) {
      if (e.isNull()) {
        return new HashSet<>(); // a null alternative matches anything
      }
      set.add(RpcParams.hash(i, e));
    }
    return set;
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull();
  }

  /** The ledger's filter for blocks {@code from..to}. */
  LogFilter filter(long from, long to) {
    return new LogFilter(from, to, addresses, topics);
  }

  /** True when {@code log} matches the addresses and topics. */
  boolean matches(Log log) {
    return filter(0, 0).matches(log);
  }
}
