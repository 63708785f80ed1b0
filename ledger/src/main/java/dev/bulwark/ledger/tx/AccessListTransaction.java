package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An EIP-2930 transaction: {@code 0x01 || rlp([chainId, nonce, gasPrice, gasLimit, to, value,
 * data, accessList, yParity, r, s])}.
 */
public record AccessListTransaction(
    Optional<BigInteger> chainId,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Optional<Address> to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    TransactionSignature signature)
    implements Transaction {

  public AccessListTransaction {
    Uint.check256(chainId == null ? null : chainId.orElse(null), "chainId");
    Uint.check256(gasPrice, "gasPrice");
    Uint.check256(value, "value");
    if (to == null || data == null || signature == null) {
      throw new IllegalArgumentException("access list transaction fields must not be null");
    }
    accessList = List.copyOf(accessList);
  }

  /** A transaction for {@code chainId}, which a typed transaction always carries. */
  public AccessListTransaction(
      BigInteger chainId,
      long nonce,
      BigInteger gasPrice,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      List<AccessListEntry> accessList,
      TransactionSignature signature) {
    this(
        Optional.of(chainId), nonce, gasPrice, gasLimit, to, value, data, accessList, signature);
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public BigInteger maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public AccessListTransaction withSignature(TransactionSignature newSignature) {
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, newSignature);
  }
}
