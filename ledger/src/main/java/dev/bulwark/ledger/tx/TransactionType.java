package dev.bulwark.ledger.tx;

/** The transaction envelopes Bulwark accepts (EIP-2718 type numbers). */
public enum TransactionType {
  /** Untyped RLP list: pre-EIP-155 or EIP-155 replay-protected. */
  LEGACY(0),
  /** EIP-2930: type 1, with an access list and an explicit chain id. */
  ACCESS_LIST(1),
  /** EIP-1559: type 2, with a fee cap and a priority fee (tip) cap. */
  DYNAMIC_FEE(2);

  private final int code;

  TransactionType(int code) {
    this.code = code;
  }

  /** The EIP-2718 type number (0 for legacy, which has no type byte on the wire). */
  public int code() {
    return code;
  }
}
