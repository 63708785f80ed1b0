package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * The commitment of a block header to an ordered list (transactions, receipts, evidence): the RFC
 * 6962 Merkle tree hash with keccak256 in place of SHA-256.
 *
 * <pre>
 * root([])        = keccak256(0x80)       Ethereum's empty-trie root, 0x56e81f…b421
 * leaf(d)         = keccak256(0x00 ‖ d)   d = the item's encoding (raw tx, receipt, evidence RLP)
 * root([d])       = leaf(d)
 * root(D[0..n))   = keccak256(0x01 ‖ root(D[0..k)) ‖ root(D[k..n)))   k = largest power of 2 &lt; n
 * </pre>
 *
 * The leaf/node tags keep a leaf from passing for an inner node, so distinct lists never share a
 * root, and a single item can be proven with log2(n) hashes. Not the Patricia-trie roots of
 * Ethereum (Bulwark does not promise those), but the empty value matches, which is what tools see
 * for empty blocks.
 */
public final class ListRoot {
  /** The root of the empty list: keccak256 of RLP(""). */
  public static final Hash EMPTY = Keccak.hash(new byte[] {(byte) 0x80});

  private static final byte[] LEAF = {0x00};
  private static final byte[] NODE = {0x01};

  private ListRoot() {}

  /** The root over {@code encodedItems} in order. */
  public static Hash of(List<byte[]> encodedItems) {
    if (encodedItems.isEmpty()) {
      return EMPTY;
    }
    return Hash.of(root(encodedItems, 0, encodedItems.size()));
  }

  private static byte[] root(List<byte[]> items, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return Keccak.hash256(LEAF, items.get(from));
    }
    int k = Integer.highestOneBit(n - 1);
    return Keccak.hash256(NODE, root(items, from, from + k), root(items, from + k, to));
  }
}
