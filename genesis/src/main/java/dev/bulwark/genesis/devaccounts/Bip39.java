package dev.bulwark.genesis.devaccounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** BIP-39 mnemonic to seed (the words' checksum is not checked: no word list is kept). */
public final class Bip39 {
  private static final int ITERATIONS = 2048;
  private static final int SEED_BITS = 512;

  private Bip39() {}

  /**
   * The 64-byte seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic), "mnemonic" + NFKD(passphrase), 2048).
   * The JDK's PBKDF2 encodes the password chars as UTF-8, as BIP-39 requires.
   */
  public static byte[] seed(String mnemonic, String passphrase) {
    char[] words = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).toCharArray();
    byte[] salt = ("mnemonic" + Normalizer.normalize(passphrase, Normalizer.Form.NFKD))
        .getBytes(StandardCharsets.UTF_8);
    PBEKeySpec spec = new PBEKeySpec(words, salt, ITERATIONS, SEED_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is required of every JDK", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(words, '\0');
    }
  }
}
