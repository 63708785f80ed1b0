package dev.bulwark.genesis.devaccounts;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The load generator's senders: account i's private key is keccak256 of the ASCII text
 * {@code "bulwark-loadgen:" + i} (i in decimal, no padding), hashed again while the result is
 * not a valid secp256k1 key (zero or at least n; never seen in practice). Anyone can re-derive
 * them from their index, so {@code bulwark loadgen} needs no key file; the keys are public and
 * must never hold anything of value.
 */
public final class LoadgenAccounts {
  /** The prefix of the hashed text. */
  public static final String SEED_PREFIX = "bulwark-loadgen:";
  /** Upper bound on accounts one genesis funds (keeps genesis.json under about 10 MB). */
  public static final int MAX_ACCOUNTS = 100_000;

  private LoadgenAccounts() {}

  /** The private key of account {@code index}. */
  public static Bytes privateKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a loadgen account index is not negative, got " + index);
    }
    byte[] key = Keccak.hash256((SEED_PREFIX + index).getBytes(StandardCharsets.US_ASCII));
    while (!valid(key)) {
      key = Keccak.hash256(key);
    }
    return Bytes.of(key);
  }

  /** Accounts 0 … count-1 (derived on all cores: each costs one scalar multiplication). */
  public static List<DevAccount> derive(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("the number of loadgen accounts is not negative, got " + count);
    }
    List<DevAccount> accounts = new ArrayList<>(count);
    IntStream.range(0, count).parallel().mapToObj(i -> {
      Secp256k1.KeyPair kp = Secp256k1.fromPrivateKey(privateKey(i));
      return new DevAccount(i, kp.address(), kp.privateKey());
    }).forEachOrdered(accounts::add);
    return List.copyOf(accounts);
  }

  private static boolean valid(byte[] key) {
    BigInteger d = new BigInteger(1, key);
    return d.signum() > 0 && d.compareTo(Secp256k1.N) < 0;
  }
}
