package dev.bulwark.ledger.types;

import dev.bulwark.ledger.crypto.Keccak;
import java.util.Locale;

/** A 20-byte account address; ordered by unsigned byte value (the QC bitmap order). */
public record Address(Bytes bytes) implements Comparable<Address> {
  public static final int SIZE = 20;

  public Address {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "address must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
  }

  /** Parses 0x-prefixed (or bare) 40-digit hex in any case; the EIP-55 checksum is not enforced here. */
  public static Address fromHex(String hex) {
    return new Address(Bytes.fromHex(hex));
  }

  /** Wraps a 20-byte array (copied). */
  public static Address of(byte[] bytes) {
    return new Address(Bytes.of(bytes));
  }

  /** Lowercase 0x hex. */
  public String toHex() {
    return bytes.toHex();
  }

  /** EIP-55 mixed-case checksum form. */
  public String toChecksumHex() {
    String lower = bytes.toUnprefixedHex();
    byte[] h = Keccak.hash256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  /** True when {@code hex} is all-lowercase, all-uppercase, or a correct EIP-55 checksum of this address. */
  public boolean matchesChecksum(String hex) {
    String body = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (body.equals(body.toLowerCase(Locale.ROOT)) || body.equals(body.toUpperCase(Locale.ROOT))) {
      return true;
    }
    return ("0x" + body).equals(toChecksumHex());
  }

  @Override
  public int compareTo(Address o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
