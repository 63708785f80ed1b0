package dev.bulwark.ledger.staking;

/**
 * Which epochs the module holds sets for: {@code current} is the epoch in progress (the one the
 * next block belongs to), {@code oldest} the oldest epoch whose set is still retained.
 */
public record EpochPointer(long current, long oldest) {
  public EpochPointer {
    if (oldest < 1 || current < oldest) {
      throw new IllegalArgumentException("need 1 <= oldest <= current, got " + oldest + ", " + current);
    }
  }
}
