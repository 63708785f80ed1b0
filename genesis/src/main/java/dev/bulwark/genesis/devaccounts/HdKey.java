package dev.bulwark.genesis.devaccounts;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A BIP-32 extended private key on secp256k1: private key and chain code. */
public record HdKey(Bytes privateKey, Bytes chainCode) {
  /** Child indexes at or above this are hardened. */
  public static final int HARDENED = 0x8000_0000;

  public HdKey {
    if (privateKey == null || privateKey.size() != 32 || chainCode == null || chainCode.size() != 32) {
      throw new IllegalArgumentException("an HD key needs a 32-byte private key and chain code");
    }
  }

  /** The master key of a BIP-32 seed. */
  public static HdKey master(byte[] seed) {
    byte[] i = hmacSha512("Bitcoin seed".getBytes(StandardCharsets.US_ASCII), seed);
    return fromHmac(i, BigInteger.ZERO);
  }

  /** Derives along a path such as {@code m/44'/60'/0'/0/3}. */
  public HdKey derive(String path) {
    String[] parts = path.split("/");
    if (parts.length == 0 || !parts[0].equals("m")) {
      throw new IllegalArgumentException("derivation path must start with m/, got " + path);
    }
    HdKey key = this;
    for (int k = 1; k < parts.length; k++) {
      String p = parts[k];
      boolean hardened = p.endsWith("'");
      int index = Integer.parseInt(hardened ? p.substring(0, p.length() - 1) : p);
      if (index < 0) {
        throw new IllegalArgumentException("child index out of range in " + path);
      }
      key = key.child(hardened ? index | HARDENED : index);
    }
    return key;
  }

  /** CKDpriv: the child at {@code index} (hardened when the top bit is set). */
  public HdKey child(int index) {
    ByteBuffer data = ByteBuffer.allocate(37);
    if ((index & HARDENED) != 0) {
      data.put((byte) 0).put(privateKey.toArray());
    } else {
      data.put(compressedPublicKey());
    }
    data.putInt(index);
    return fromHmac(hmacSha512(chainCode.toArray(), data.array()), new BigInteger(1, privateKey.toArray()));
  }

  /** The secp256k1 key pair of this node. */
  public Secp256k1.KeyPair keyPair() {
    return Secp256k1.fromPrivateKey(privateKey);
  }

  private byte[] compressedPublicKey() {
    byte[] xy = keyPair().publicKey().toArray();
    byte[] out = new byte[33];
    out[0] = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(xy, 0, out, 1, 32);
    return out;
  }

  private static HdKey fromHmac(byte[] i, BigInteger parent) {
    BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
    BigInteger k = il.add(parent).mod(Secp256k1.N);
    // Probability below 2^-127; BIP-32 says to skip such an index, which we never expect to see.
    if (il.compareTo(Secp256k1.N) >= 0 || k.signum() == 0) {
      throw new IllegalStateException("BIP-32 derivation produced an invalid key; use the next index");
    }
    return new HdKey(Bytes.of(to32(k)), Bytes.of(i, 32, 32));
  }

  private static byte[] to32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key, "HmacSHA512"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is required of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "HdKey[redacted]";
  }
}
