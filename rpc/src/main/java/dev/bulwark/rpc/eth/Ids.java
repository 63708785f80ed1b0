package dev.bulwark.rpc.eth;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Subscription and filter ids as geth makes them: 16 random bytes, hex without leading zeros. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String next() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return "0x" + new BigInteger(1, b).toString(16);
  }
}
