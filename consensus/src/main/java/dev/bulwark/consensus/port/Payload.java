package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.types.Bytes;
import java.util.List;

/** The body of a new block: raw transactions and pending equivocation evidence. */
public record Payload(List<Bytes> transactions, List<Evidence> evidence) {
  /** A block with nothing in it. */
  public static final Payload EMPTY = new Payload(List.of(), List.of());

  public Payload {
    transactions = List.copyOf(transactions);
    evidence = List.copyOf(evidence);
  }
}
