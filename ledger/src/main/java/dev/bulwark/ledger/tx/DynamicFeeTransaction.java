package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An EIP-1559 transaction: {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
 * gasLimit, to, value, data, accessList, yParity, r, s])}. The codec accepts a priority fee above
 * the fee cap (it is well-formed); admission rejects it.
 */
public record DynamicFeeTransaction(
    Optional<BigInteger> chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    TransactionSignature signature)
    implements Transaction {

  public DynamicFeeTransaction {
    Uint.check256(chainId == null ? null : chainId.orElse(null), "chainId");
    Uint.check256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Uint.check256(maxFeePerGas, "maxFeePerGas");
    Uint.check256(value, "value");
    if (to == null || data == null || signature == null) {
      throw new IllegalArgumentException("dynamic fee transaction fields must not be null");
    }
    accessList = List.copyOf(accessList);
  }

  /** A transaction for {@code chainId}, which a typed transaction always carries. */
  public DynamicFeeTransaction(
      BigInteger chainId,
      long nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      List<AccessListEntry> accessList,
      TransactionSignature signature) {
    this(
        Optional.of(chainId),
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        signature);
  }

  @Override
  public TransactionType type() {
    return TransactionType.DYNAMIC_FEE;
  }

  @Override
  public DynamicFeeTransaction withSignature(TransactionSignature newSignature) {
    return new DynamicFeeTransaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        newSignature);
  }
}
