package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.UInt256;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The stateless admission rules for a decoded transaction: everything that can be judged from
 * the transaction and the node's configuration alone, in roughly geth's txpool order so that an
 * Ethereum-invalid transaction gets Ethereum's reason before Bulwark's own policy (no contract
 * creation) is applied. State-dependent checks are a separate {@link AdmissionCheck}.
 */
public final class TransactionRules implements AdmissionCheck {
  /** EIP-3860: 2 * the EIP-170 code size limit. */
  public static final int MAX_INITCODE_SIZE = 49_152;

  private final Config config;

  /** Rules for the given configuration. */
  public TransactionRules(Config config) {
    this.config = config;
  }

  /**
   * Node settings the rules depend on.
   *
   * @param chainId the chain id every replay-protected transaction must carry
   * @param allowUnprotected whether pre-EIP-155 transactions ({@code v} = 27/28) are admitted;
   *     on by default because web3j's static {@code Transfer.sendFunds} sends them
   */
  public record Config(long chainId, boolean allowUnprotected) {
    public Config {
      if (chainId < 0) {
        throw new IllegalArgumentException("chain id must be non-negative, got " + chainId);
      }
    }

    /** The default configuration for {@code chainId}: unprotected transactions allowed. */
    public static Config of(long chainId) {
      return new Config(chainId, true);
    }
  }

  /** The configuration in force. */
  public Config config() {
    return config;
  }

  @Override
  public Optional<RejectionReason> evaluate(SignedTransaction signed) {
    Transaction tx = signed.transaction();
    if (tx.isContractCreation() && tx.data().size() > MAX_INITCODE_SIZE) {
      return Optional.of(RejectionReason.MAX_INITCODE_SIZE_EXCEEDED);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return Optional.of(RejectionReason.TIP_ABOVE_FEE_CAP);
    }
    Optional<RejectionReason> chain = checkChain(tx);
    if (chain.isPresent()) {
      return chain;
    }
    if (signed.sender().isEmpty()) {
      return Optional.of(RejectionReason.INVALID_SENDER);
    }
    if (tx.nonce() == -1L) { // 2^64-1 as an unsigned long
      return Optional.of(RejectionReason.NONCE_MAX);
    }
    if (Long.compareUnsigned(tx.gasLimit(), IntrinsicGas.of(tx)) < 0) {
      return Optional.of(RejectionReason.INTRINSIC_GAS_TOO_LOW);
    }
    if (Uint.unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas()).compareTo(UInt256.TWO_256) >= 0) {
      // No balance can cover it; geth reports the same overflow as insufficient funds.
      return Optional.of(RejectionReason.INSUFFICIENT_FUNDS);
    }
    if (tx.isContractCreation()) {
      return Optional.of(RejectionReason.CONTRACT_CREATION_NOT_SUPPORTED);
    }
    return Optional.empty();
  }

  private Optional<RejectionReason> checkChain(Transaction tx) {
    Optional<BigInteger> chainId = tx.chainId();
    if (chainId.isEmpty()) {
      return config.allowUnprotected()
          ? Optional.empty()
          : Optional.of(RejectionReason.UNPROTECTED_NOT_ALLOWED);
    }
    // geth's signer fails for a foreign chain id, and its txpool reports that as ErrInvalidSender.
    return chainId.get().equals(BigInteger.valueOf(config.chainId()))
        ? Optional.empty()
        : Optional.of(RejectionReason.INVALID_SENDER);
  }
}
