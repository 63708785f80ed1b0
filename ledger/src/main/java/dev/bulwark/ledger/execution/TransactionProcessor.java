package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.tx.IntrinsicGas;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Applies one transaction to the state (DESIGN.md section 3, ETH-RPC.md section 3): checks it may
 * be included, buys its gas at the effective price, increments the nonce, runs it (a transfer, a
 * system-module call, or a rejected call with data to an account), refunds the unused gas, burns
 * the base fee and pays the tip to the proposer.
 *
 * <p>The checks all come before the first write, so a rejected transaction leaves the state
 * untouched and the builder can simply skip it.
 */
final class TransactionProcessor {
  /** Revert reason of a call with data to an ordinary account. */
  static final String NO_EVM = "calls with data to accounts are not supported (no EVM)";

  /** Revert reason of a system call whose gas limit is below its fixed cost. */
  static final String OUT_OF_GAS = "out of gas";

  private final TransactionRules rules;
  private final SystemContract module;
  private final long blockGasLimit;

  TransactionProcessor(ChainParams params, SystemContract module) {
    // Unprotected (pre-EIP-155) transactions are valid Ethereum transactions; refusing them is
    // an RPC admission policy, not a block rule.
    this.rules = new TransactionRules(new TransactionRules.Config(params.chainId(), true));
    this.module = module;
    this.blockGasLimit = params.blockGasLimit();
  }

  /** What one transaction did: its receipt and the base fee it burned. */
  record Applied(Receipt receipt, BigInteger burned) {}

  /** Applies {@code signed} after {@code gasUsedBefore} gas of the block was used. */
  Applied apply(
      SignedTransaction signed, BlockContext block, MutableState state, long gasUsedBefore)
      throws InvalidTransactionException {
    Transaction tx = signed.transaction();
    Optional<RejectionReason> stateless = rules.evaluate(signed);
    if (stateless.isPresent()) {
      throw new InvalidTransactionException(stateless.get().message());
    }
    Address sender = signed.sender().orElseThrow();
    Address to = tx.to().orElseThrow();
    long gasLimit = tx.gasLimit();
    if (Long.compareUnsigned(gasLimit, blockGasLimit - gasUsedBefore) > 0) {
      throw new InvalidTransactionException(
          "gas limit reached: transaction gas "
              + Long.toUnsignedString(gasLimit)
              + ", block gas left "
              + (blockGasLimit - gasUsedBefore));
    }
    Account account = state.account(sender);
    if (tx.nonce() != account.nonce()) {
      boolean low = Long.compareUnsigned(tx.nonce(), account.nonce()) < 0;
      throw new InvalidTransactionException(
          (low ? RejectionReason.NONCE_TOO_LOW : RejectionReason.NONCE_TOO_HIGH).message()
              + ": transaction nonce "
              + Long.toUnsignedString(tx.nonce())
              + ", account nonce "
              + Long.toUnsignedString(account.nonce()));
    }
    BigInteger baseFee = block.baseFeePerGas();
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      throw new InvalidTransactionException(
          RejectionReason.FEE_CAP_BELOW_BASE_FEE.message()
              + ": fee cap "
              + tx.maxFeePerGas()
              + ", base fee "
              + baseFee);
    }
    BigInteger gas = BigInteger.valueOf(gasLimit);
    BigInteger maxCost = tx.value().add(gas.multiply(tx.maxFeePerGas()));
    if (account.balance().compareTo(maxCost) < 0) {
      throw new InvalidTransactionException(
          RejectionReason.INSUFFICIENT_FUNDS.message()
              + ": balance "
              + account.balance()
              + ", cost "
              + maxCost);
    }

    BigInteger price = FeeMarket.effectiveGasPrice(tx, baseFee);
    state.setAccount(
        sender, new Account(account.nonce() + 1, account.balance().subtract(gas.multiply(price))));
    Outcome outcome = run(signed, block, state, sender, to);
    long gasUsed = outcome.gasUsed();
    if (gasUsed < gasLimit) {
      credit(state, sender, BigInteger.valueOf(gasLimit - gasUsed).multiply(price));
    }
    BigInteger used = BigInteger.valueOf(gasUsed);
    BigInteger tip = price.subtract(baseFee).multiply(used);
    if (tip.signum() > 0) {
      credit(state, block.proposer(), tip);
    }
    Receipt receipt =
        new Receipt(
            tx.type(),
            outcome.reason().isEmpty(),
            gasUsed,
            gasUsedBefore + gasUsed,
            price,
            sender,
            Optional.of(to),
            outcome.logs(),
            outcome.reason());
    return new Applied(receipt, baseFee.multiply(used));
  }

  /** The gas and effect of the paid-for transaction. */
  private record Outcome(long gasUsed, List<Log> logs, Optional<String> reason) {
    static Outcome failed(long gasUsed, String reason) {
      return new Outcome(gasUsed, List.of(), Optional.of(reason));
    }
  }

  private Outcome run(
      SignedTransaction signed,
      BlockContext block,
      MutableState state,
      Address sender,
      Address to) {
    Transaction tx = signed.transaction();
    long intrinsic = IntrinsicGas.of(tx);
    Bytes data = tx.data();
    if (to.equals(module.address())) {
      long cost = systemCallCost(intrinsic, data);
      if (Long.compareUnsigned(tx.gasLimit(), cost) < 0) {
        return Outcome.failed(tx.gasLimit(), OUT_OF_GAS);
      }
      int snapshot = state.snapshot();
      transfer(state, sender, to, tx.value());
      CallOutcome call = module.call(block, sender, tx.value(), data, state);
      if (!call.success()) {
        state.revertTo(snapshot);
        return Outcome.failed(cost, call.revertReason().orElse("execution reverted"));
      }
      return new Outcome(cost, call.logs(), Optional.empty());
    }
    if (!data.isEmpty()) {
      return Outcome.failed(intrinsic, NO_EVM);
    }
    transfer(state, sender, to, tx.value());
    return new Outcome(intrinsic, List.of(), Optional.empty());
  }

  private long systemCallCost(long intrinsic, Bytes data) {
    long callGas = module.gasCost(data);
    if (callGas < 0) {
      throw new IllegalStateException("system module returned a negative gas cost " + callGas);
    }
    try {
      return Math.addExact(intrinsic, callGas);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE; // more than any gas limit that passed the block-gas check
    }
  }

  private static void transfer(MutableState state, Address from, Address to, BigInteger value) {
    if (value.signum() == 0) {
      return;
    }
    state.setAccount(from, state.account(from).withBalanceDelta(value.negate()));
    credit(state, to, value);
  }

  private static void credit(MutableState state, Address to, BigInteger amount) {
    state.setAccount(to, state.account(to).withBalanceDelta(amount));
  }
}
