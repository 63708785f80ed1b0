package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An untyped transaction {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])}. With a
 * chain id it is EIP-155 replay-protected ({@code v = chainId*2+35+yParity}); without one it is a
 * pre-EIP-155 transaction ({@code v = 27+yParity}).
 */
public record LegacyTransaction(
    Optional<BigInteger> chainId,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Optional<Address> to,
    BigInteger value,
    Bytes data,
    TransactionSignature signature)
    implements Transaction {

  private static final BigInteger V_OFFSET_155 = BigInteger.valueOf(35);
  private static final BigInteger V_OFFSET_UNPROTECTED = BigInteger.valueOf(27);

  public LegacyTransaction {
    if (chainId == null || to == null || data == null || signature == null) {
      throw new IllegalArgumentException("legacy transaction fields must not be null");
    }
    if (chainId.isPresent()) {
      BigInteger id = chainId.get();
      if (id.signum() < 0) {
        throw new IllegalArgumentException("chain id must be non-negative, got " + id);
      }
      // v = chainId*2+35+yParity travels as a uint256.
      Uint.check256(v(id, signature.yParity()), "EIP-155 v");
    }
    Uint.check256(gasPrice, "gasPrice");
    Uint.check256(value, "value");
  }

  /** True when the signature commits to a chain id (EIP-155). */
  public boolean isProtected() {
    return chainId.isPresent();
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
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
  public BigInteger v() {
    return chainId
        .map(id -> v(id, signature.yParity()))
        .orElse(V_OFFSET_UNPROTECTED.add(BigInteger.valueOf(signature.yParity())));
  }

  private static BigInteger v(BigInteger chainId, int yParity) {
    return chainId.shiftLeft(1).add(V_OFFSET_155).add(BigInteger.valueOf(yParity));
  }

  @Override
  public LegacyTransaction withSignature(TransactionSignature newSignature) {
    return new LegacyTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, newSignature);
  }
}
