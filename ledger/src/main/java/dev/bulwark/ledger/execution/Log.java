package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/** An Ethereum-style log entry: emitting address, up to four topics, data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
    if (address == null || data == null) {
      throw new IllegalArgumentException("log address and data are required");
    }
  }
}
