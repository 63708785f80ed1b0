package dev.bulwark.ledger.mempool;

/**
 * The pool's bounds.
 *
 * @param maxSize the most transactions the pool holds; when full, the cheapest are evicted
 * @param maxPerSender the most transactions one sender may have pooled; enforced as a nonce
 *     window, since a nonce at or beyond {@code accountNonce + maxPerSender} could never become
 *     executable without exceeding the bound ("nonce too high")
 * @param maxTxBytes the largest raw transaction admitted ("oversized data" above it)
 * @param priceBumpPercent how much higher, in percent, a same-nonce replacement's fees must be
 */
public record MempoolConfig(int maxSize, int maxPerSender, int maxTxBytes, int priceBumpPercent) {
  /** Default global bound. */
  public static final int DEFAULT_MAX_SIZE = 20_000;
  /** Default per-sender bound (geth's account queue size). */
  public static final int DEFAULT_MAX_PER_SENDER = 64;
  /** Default raw size limit: 128 KiB, as geth's txpool. */
  public static final int DEFAULT_MAX_TX_BYTES = 128 * 1024;
  /** Default replacement fee bump, as geth's txpool. */
  public static final int DEFAULT_PRICE_BUMP_PERCENT = 10;

  public MempoolConfig {
    if (maxSize < 1 || maxPerSender < 1 || maxTxBytes < 1) {
      throw new IllegalArgumentException("mempool bounds must be positive: maxSize=" + maxSize
          + ", maxPerSender=" + maxPerSender + ", maxTxBytes=" + maxTxBytes);
    }
    if (priceBumpPercent < 0) {
      throw new IllegalArgumentException(
          "price bump must be non-negative, got " + priceBumpPercent);
    }
  }

  /** The defaults: 20,000 transactions, 64 per sender, 128 KiB each, 10% replacement bump. */
  public static MempoolConfig defaults() {
    return new MempoolConfig(DEFAULT_MAX_SIZE, DEFAULT_MAX_PER_SENDER, DEFAULT_MAX_TX_BYTES,
        DEFAULT_PRICE_BUMP_PERCENT);
  }

  /** These bounds with another global size. */
  public MempoolConfig withMaxSize(int newMaxSize) {
    return new MempoolConfig(newMaxSize, maxPerSender, maxTxBytes, priceBumpPercent);
  }

  /** These bounds with another per-sender size. */
  public MempoolConfig withMaxPerSender(int newMaxPerSender) {
    return new MempoolConfig(maxSize, newMaxPerSender, maxTxBytes, priceBumpPercent);
  }
}
