package dev.bulwark.ledger.tx;

/**
 * Why a transaction is not admitted, with the exact message Ethereum clients expect in the
 * JSON-RPC error (geth's texts, ETH-RPC.md section 1.3): ethers maps errors by message only.
 *
 * <p>{@link TransactionRules} uses the stateless reasons; the state-dependent ones (nonce,
 * balance, base fee, pool state) are for the mempool's checks, so that one enum covers every
 * rejection an RPC client can see.
 */
public enum RejectionReason {
  /** A signature that recovers no sender, a high s (EIP-2), or a signature for another chain. */
  INVALID_SENDER("invalid sender"),
  /** A pre-EIP-155 transaction while {@code allowUnprotected} is off. */
  UNPROTECTED_NOT_ALLOWED("only replay-protected (EIP-155) transactions allowed over RPC"),
  /** Bulwark has no EVM, so an empty {@code to} cannot be executed (Bulwark's own text). */
  CONTRACT_CREATION_NOT_SUPPORTED("contract creation is not supported"),
  /** The gas limit is below {@link IntrinsicGas#of}. */
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  /** An EIP-1559 priority fee above the fee cap. */
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  /** Contract creation with init code above the EIP-3860 limit. */
  MAX_INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  /** Nonce 2^64-1, which could never be incremented (EIP-2681). */
  NONCE_MAX("nonce has max value"),
  /** gas * price + value exceeds the balance; statelessly, when gas * price exceeds 2^256-1. */
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  /** A type byte other than legacy, 0x01 or 0x02 (normally reported by the codec). */
  TYPE_NOT_SUPPORTED(UnsupportedTransactionTypeException.MESSAGE),
  /** State: the nonce is below the sender's account nonce. */
  NONCE_TOO_LOW("nonce too low"),
  /** State: the nonce is too far above the sender's account nonce. */
  NONCE_TOO_HIGH("nonce too high"),
  /** State: the gas limit is above the block gas limit. */
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  /** Pool: a transaction with this hash is already pooled. */
  ALREADY_KNOWN("already known"),
  /** Pool: a same-nonce replacement that does not raise the fees enough. */
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  /** Pool: fees below the pool's floor. */
  UNDERPRICED("transaction underpriced"),
  /** State: the fee cap is below the current base fee. */
  FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
  /** Pool: the raw transaction is larger than the pool's size limit. */
  OVERSIZED_DATA("oversized data"),
  /** Pool: the pool is full and nothing in it may be evicted for this transaction. */
  TXPOOL_FULL("txpool is full");

  private final String message;

  RejectionReason(String message) {
    this.message = message;
  }

  /** The exact JSON-RPC error message. */
  public String message() {
    return message;
  }
}
