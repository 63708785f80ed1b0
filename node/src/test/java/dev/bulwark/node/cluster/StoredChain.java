package dev.bulwark.node.cluster;

import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.node.storage.DataDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain a stopped node stored: the hash of every block from genesis to its head, and where
 * blocks carry evidence. Open only after the node exited: LevelDB allows one process at a time.
 *
 * @param node the node's name
 * @param hashes block hashes, indexed by height (0 = genesis)
 * @param evidence one entry per block with evidence: "height n: k evidence"
 */
record StoredChain(String node, List<Hash> hashes, List<String> evidence) {
  StoredChain {
    hashes = List.copyOf(hashes);
    evidence = List.copyOf(evidence);
  }

  /** Reads every block of the ledger in {@code data}; fails if one below the head is missing. */
  static StoredChain read(String node, DataDirectory data, Genesis genesis) {
    List<Hash> hashes = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    try (Ledger ledger = data.openLedger(genesis)) {
      long head = ledger.head().number();
      for (long n = 0; n <= head; n++) {
        final long height = n;
        Block block = ledger.chain().block(n).orElseThrow(
            () -> new AssertionError(node + " stored no block " + height + " below its head " + head));
        hashes.add(block.hash());
        if (!block.evidence().isEmpty()) {
          evidence.add("height " + n + ": " + block.evidence().size() + " evidence");
        }
      }
    }
    return new StoredChain(node, hashes, evidence);
  }

  /** The height of the stored head. */
  long head() {
    return hashes.size() - 1;
  }

  /** The first height at which this chain and {@code other} differ, or -1 if one is a prefix of the other. */
  long firstDifference(StoredChain other) {
    int common = Math.min(hashes.size(), other.hashes.size());
    for (int n = 0; n < common; n++) {
      if (!hashes.get(n).equals(other.hashes.get(n))) {
        return n;
      }
    }
    return -1;
  }
}
