package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Bytes;

/**
 * The gas a transaction costs before any execution (yellow paper g0, with EIP-2028 calldata,
 * EIP-2930 access list and EIP-3860 init code costs).
 */
public final class IntrinsicGas {
  /** Base cost of every transaction that is not a contract creation. */
  public static final long TX = 21_000;
  /** Base cost of a contract creation (Homestead). */
  public static final long TX_CREATE = 53_000;
  /** Per zero byte of call data. */
  public static final long DATA_ZERO_BYTE = 4;
  /** Per non-zero byte of call data (EIP-2028). */
  public static final long DATA_NONZERO_BYTE = 16;
  /** Per access list address (EIP-2930). */
  public static final long ACCESS_LIST_ADDRESS = 2_400;
  /** Per access list storage key (EIP-2930). */
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  /** Per 32-byte word of init code, contract creation only (EIP-3860). */
  public static final long INITCODE_WORD = 2;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx}; never overflows, since data is bounded by the input size. */
  public static long of(Transaction tx) {
    Bytes data = tx.data();
    int zeros = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) == 0) {
        zeros++;
      }
    }
    long gas = tx.isContractCreation() ? TX_CREATE : TX;
    gas += zeros * DATA_ZERO_BYTE + (data.size() - zeros) * DATA_NONZERO_BYTE;
    if (tx.isContractCreation()) {
      gas += ((data.size() + 31L) / 32) * INITCODE_WORD;
    }
    for (AccessListEntry e : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS + e.storageKeys().size() * ACCESS_LIST_STORAGE_KEY;
    }
    return gas;
  }
}
