package dev.bulwark.node.cli;

/** The ports {@code base … base + count − 1} that a flag gives N validators. */
record PortRange(String flag, int base, int count) {
  /** Why the range does not fit in 1..65535, or null when it does. */
  String problem() {
    if (base < 1 || base > 65535) {
      return flag + " must be between 1 and 65535, got " + base;
    }
    if ((long) base + count - 1 > 65535) {
      return flag + " " + base + " leaves no room for " + count + " validators: ports " + this
          + " go beyond 65535";
    }
    return null;
  }

  /** True when the two ranges share a port. */
  boolean overlaps(PortRange other) {
    return base < other.base + other.count && other.base < base + count;
  }

  @Override
  public String toString() {
    return count == 1 ? String.valueOf(base) : base + "-" + ((long) base + count - 1);
  }
}
