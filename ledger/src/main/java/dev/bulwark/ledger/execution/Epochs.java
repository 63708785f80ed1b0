package dev.bulwark.ledger.execution;

/**
 * Epoch numbering (DESIGN.md section 3): block 0 (genesis) ends epoch 0; block number k·N ends
 * epoch k, where N is {@code epochLengthBlocks}; so blocks (k-1)·N+1 .. k·N form epoch k and epoch
 * 1, the genesis validator set's, starts right after genesis.
 */
public final class Epochs {
  private Epochs() {}

  /** The epoch block {@code number} belongs to. */
  public static long epochOf(long number, long epochLengthBlocks) {
    check(number, epochLengthBlocks);
    return number == 0 ? 0 : (number - 1) / epochLengthBlocks + 1;
  }

  /** True when block {@code number} is the last of its epoch (its successor starts a new set). */
  public static boolean endsEpoch(long number, long epochLengthBlocks) {
    check(number, epochLengthBlocks);
    return number % epochLengthBlocks == 0;
  }

  /** The number of the block that ends {@code epoch}. */
  public static long lastBlockOf(long epoch, long epochLengthBlocks) {
    if (epoch < 0 || epochLengthBlocks <= 0) {
      throw new IllegalArgumentException("epoch " + epoch + ", length " + epochLengthBlocks);
    }
    return Math.multiplyExact(epoch, epochLengthBlocks);
  }

  private static void check(long number, long epochLengthBlocks) {
    if (number < 0 || epochLengthBlocks <= 0) {
      throw new IllegalArgumentException("block " + number + ", epoch length " + epochLengthBlocks);
    }
  }
}
