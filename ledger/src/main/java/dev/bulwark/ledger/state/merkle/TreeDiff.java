package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Objects;
import java.util.Set;

/**
 * The nodes of one tree that are not in another: {@code removed} are in the older tree only,
 * {@code added} in the newer tree only (by node hash; leaves included).
 */
public record TreeDiff(Set<Hash> removed, Set<Hash> added) {
  public TreeDiff {
    removed = Set.copyOf(Objects.requireNonNull(removed, "removed"));
    added = Set.copyOf(Objects.requireNonNull(added, "added"));
  }
}
