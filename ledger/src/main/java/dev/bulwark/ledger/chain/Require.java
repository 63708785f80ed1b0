package dev.bulwark.ledger.chain;

/** Argument checks shared by the chain records; all throw IllegalArgumentException. */
final class Require {
  private Require() {}

  /** {@code value} itself, when it is not negative. */
  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }

  /** {@code value} itself, when it is not null. */
  static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing (null)");
    }
    return value;
  }
}
