package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.store.LogFilter;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.store.StoredTransaction;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The committed chain as the Ethereum methods read it. Every read is bounded by the head that was
 * current when it ran, so a receipt, a transaction's block fields and the block number move
 * together per commit ({@link dev.bulwark.ledger.store.ChainStore} guarantees it).
 */
public interface ChainReader {
  /** The chain rules (chain id, gas limit, base-fee floor, staking gas). */
  ChainParams params();

  /** The system module (staking) that answers calls to its address. */
  SystemModule module();

  /** The last committed header. */
  BlockHeader head();

  /** The committed block at {@code number}; empty above the head. */
  Optional<Block> block(long number);

  /** The number of the committed block with {@code hash}. */
  Optional<Long> blockNumber(Hash hash);

  /** A committed transaction by hash. */
  Optional<StoredTransaction> transaction(Hash hash);

  /** A committed receipt by transaction hash (the block-level receipt by block hash). */
  Optional<StoredReceipt> receipt(Hash hash);

  /** Every receipt of committed block {@code number}, block-level one included. */
  Optional<List<StoredReceipt>> receipts(long number);

  /** The logs bloom of committed block {@code number}. */
  LogsBloom logsBloom(long number);

  /** The committed logs matching {@code filter}, in chain order. */
  List<StoredLog> logs(LogFilter filter);

  /**
   * The state after committed block {@code number}; empty above the head. Reading it throws
   * {@link dev.bulwark.ledger.state.merkle.MissingNodeException} when the history is not kept.
   */
  Optional<StateReader> stateAt(long number);

  /**
   * A writable overlay of the state after committed block {@code number} whose writes are never
   * committed (eth_call and eth_estimateGas of state-changing staking calls); empty above the head.
   */
  Optional<MutableState> scratchStateAt(long number);
}
