package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The fields of an Ethereum transaction of one of the supported envelopes (ETH-RPC.md section 3).
 *
 * <p>{@code nonce} and {@code gasLimit} are uint64 values held in a {@code long}: values of 2^63
 * and above are negative as signed longs, so compare them with {@link Long#compareUnsigned}.
 * Amounts are uint256 {@link BigInteger}s. Wrap a transaction in a {@link SignedTransaction} for
 * its raw bytes, hash and sender.
 */
public sealed interface Transaction
    permits LegacyTransaction, AccessListTransaction, DynamicFeeTransaction {

  /** The envelope type. */
  TransactionType type();

  /** The chain id the signature commits to; empty only for a pre-EIP-155 legacy transaction. */
  Optional<BigInteger> chainId();

  /** The sender's nonce (uint64 in a long). */
  long nonce();

  /** The gas limit (uint64 in a long). */
  long gasLimit();

  /** The recipient; empty for contract creation. */
  Optional<Address> to();

  /** The amount transferred, in wei. */
  BigInteger value();

  /** The call data (init code for contract creation). */
  Bytes data();

  /** The EIP-2930 access list; empty for legacy transactions. */
  List<AccessListEntry> accessList();

  /** The signature as carried on the wire. */
  TransactionSignature signature();

  /** The most the sender pays per gas: maxFeePerGas, or gasPrice before EIP-1559. */
  BigInteger maxFeePerGas();

  /** The most the proposer may earn per gas above the base fee; gasPrice before EIP-1559. */
  BigInteger maxPriorityFeePerGas();

  /** A copy of this transaction carrying {@code signature} instead. */
  Transaction withSignature(TransactionSignature signature);

  /** True when {@code to} is empty. */
  default boolean isContractCreation() {
    return to().isEmpty();
  }

  /** The signature's {@code v} as JSON-RPC shows it: yParity for typed transactions. */
  default BigInteger v() {
    return BigInteger.valueOf(signature().yParity());
  }
}
