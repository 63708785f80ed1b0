package dev.bulwark.rpc.jsonrpc;

import dev.bulwark.ledger.types.Hash;

/**
 * A block parameter as clients send it: a number, a named tag, or (EIP-1898) a block hash. Under
 * BFT instant finality {@code latest}, {@code safe}, {@code finalized} and {@code accepted} name
 * the same block; {@code pending} answers as {@code latest} except where a method says otherwise.
 *
 * @param kind which form was sent
 * @param number the block number when {@code kind} is {@link Kind#NUMBER}, else -1
 * @param hash the block hash when {@code kind} is {@link Kind#HASH}, else null
 */
public record BlockTag(Kind kind, long number, Hash hash) {
  /** The forms of a block parameter. */
  public enum Kind { NUMBER, HASH, EARLIEST, LATEST, PENDING, SAFE, FINALIZED, ACCEPTED }

  /** {@code latest}. */
  public static final BlockTag LATEST = new BlockTag(Kind.LATEST, -1, null);

  public BlockTag {
    if (kind == null || (kind == Kind.NUMBER) != (number >= 0) || (kind == Kind.HASH) != (hash != null)) {
      throw new IllegalArgumentException("inconsistent block tag " + kind + " " + number + " " + hash);
    }
  }

  /** A block by number. */
  public static BlockTag number(long number) {
    return new BlockTag(Kind.NUMBER, number, null);
  }

  /** A block by hash. */
  public static BlockTag hash(Hash hash) {
    return new BlockTag(Kind.HASH, -1, hash);
  }

  /** True for the tags that mean the committed head. */
  public boolean isHead() {
    return kind == Kind.LATEST || kind == Kind.PENDING || kind == Kind.SAFE
        || kind == Kind.FINALIZED || kind == Kind.ACCEPTED;
  }

  /**
   * The block number this tag names given the committed {@code head}; a {@link Kind#HASH} tag has
   * none (resolve it through the store).
   */
  public long resolve(long head) {
    return switch (kind) {
      case NUMBER -> number;
      case EARLIEST -> 0;
      case HASH -> throw new IllegalStateException("a hash tag resolves through the store");
      default -> head;
    };
  }
}
