package dev.bulwark.consensus.env;

/** How consensus stops its node for good. */
public interface HaltPort {
  /**
   * Consensus stopped for {@code reason} and handles no further event; the node stops once the
   * commits already asked of the ledger are applied. May be called more than once.
   */
  void halt(String reason);
}
