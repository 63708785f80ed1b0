package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.chain.Evidence;
import java.util.List;

/** The equivocation evidence this node holds and no committed block carries yet (thread-safe). */
@FunctionalInterface
public interface EvidenceView {
  /** The pending evidence. */
  List<Evidence> pending();
}
