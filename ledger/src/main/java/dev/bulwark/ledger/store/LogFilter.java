package dev.bulwark.ledger.store;

import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Set;

/**
 * An eth_getLogs filter: an inclusive block range, emitting addresses (empty = any) and topics by
 * position (an empty set at a position = any topic there; a log must have at least as many topics
 * as the last non-empty position).
 */
public record LogFilter(
    long fromBlock, long toBlock, Set<Address> addresses, List<Set<Hash>> topics) {
  public LogFilter {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException("log filter range " + fromBlock + ".." + toBlock);
    }
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics; filter has " + topics.size());
    }
  }

  /** True when {@code log} matches. */
  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> wanted = topics.get(i);
      if (!wanted.isEmpty()
          && (i >= log.topics().size() || !wanted.contains(log.topics().get(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when no log of a block with {@code bloom} can match (the bloom has no false negatives).
   */
  public boolean mayMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) {
      return false;
    }
    for (Set<Hash> wanted : topics) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }
}
