package dev.bulwark.ledger.staking;

/**
 * The Solidity ABI types the staking module uses, with the Java type of their values:
 * {@code uint256} ↔ BigInteger, {@code address} ↔ Address, {@code bool} ↔ Boolean,
 * {@code bytes32} ↔ Hash, {@code bytes} ↔ Bytes, {@code string} ↔ String,
 * {@code address[]} ↔ List&lt;Address&gt;, {@code uint256[]} ↔ List&lt;BigInteger&gt;.
 */
public enum AbiType {
  /** Unsigned 256-bit integer. */
  UINT256("uint256", false),
  /** 20-byte address, left-padded with zeros. */
  ADDRESS("address", false),
  /** Boolean, one word holding 0 or 1. */
  BOOL("bool", false),
  /** Uint8, one word holding 0..255 (event fields only). */
  UINT8("uint8", false),
  /** Fixed 32 bytes. */
  BYTES32("bytes32", false),
  /** Dynamic byte string. */
  BYTES("bytes", true),
  /** Dynamic UTF-8 string. */
  STRING("string", true),
  /** Dynamic array of addresses. */
  ADDRESS_ARRAY("address[]", true),
  /** Dynamic array of uint256. */
  UINT256_ARRAY("uint256[]", true);

  private final String abiName;
  private final boolean dynamic;

  AbiType(String abiName, boolean dynamic) {
    this.abiName = abiName;
    this.dynamic = dynamic;
  }

  /** The canonical type name used in signatures, e.g. {@code uint256}. */
  public String abiName() {
    return abiName;
  }

  /** True for types encoded in the tail behind an offset. */
  public boolean isDynamic() {
    return dynamic;
  }
}
