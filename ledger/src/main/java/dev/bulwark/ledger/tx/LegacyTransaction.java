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
  /** Largest chain id whose EIP-155 v still fits in a uint256. */
  private static final BigInteger MAX_CHAIN_ID =
      Uint.TWO_256.subtract(BigInteger.ONE).subtract(V_OFFSET_155).subtract(BigInteger.ONE)
          .shiftRight(1);

  public LegacyTransaction {
    chainId.ifPresent(
        id -> {
          if (id.signum() < 0 || id.compareTo(MAX_CHAIN_ID) > 0) {
            throw new IllegalArgumentException("chain id out of range for an EIP-155 v: " + id);
          }
        });
    Uint.check256(gasPrice, "gasPrice");
    Uint.check256(value, "value");
    if (to == null || data == null || signature == null) {
      throw new IllegalArgumentException("legacy transaction fields must not be null");
    }
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
    BigInteger parity = BigInteger.valueOf(signature.yParity());
    return chainId
        .map(id -> id.shiftLeft(1).add(V_OFFSET_155).add(parity))
        .orElse(V_OFFSET_UNPROTECTED.add(parity));
  }

  @Override
  public LegacyTransaction withSignature(TransactionSignature newSignature) {
    return new LegacyTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, newSignature);
  }
}
