package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.state.WorldState;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.store.LogFilter;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.store.StoredTransaction;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/** {@link ChainReader} over the node's {@link Ledger} (its chain store is safe for readers). */
public final class LedgerChainReader implements ChainReader {
  private final Ledger ledger;

  /** Reads {@code ledger}. */
  public LedgerChainReader(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public ChainParams params() {
    return ledger.params();
  }

  @Override
  public SystemModule module() {
    return ledger.module();
  }

  @Override
  public BlockHeader head() {
    return ledger.head();
  }

  @Override
  public Optional<Block> block(long number) {
    return ledger.chain().block(number);
  }

  @Override
  public Optional<Long> blockNumber(Hash hash) {
    return ledger.chain().block(hash).map(b -> b.header().number());
  }

  @Override
  public Optional<StoredTransaction> transaction(Hash hash) {
    return ledger.chain().transaction(hash);
  }

  @Override
  public Optional<StoredReceipt> receipt(Hash hash) {
    return ledger.chain().receipt(hash);
  }

  @Override
  public Optional<List<StoredReceipt>> receipts(long number) {
    return ledger.chain().receipts(number);
  }

  @Override
  public LogsBloom logsBloom(long number) {
    return ledger.chain().logsBloom(number);
  }

  @Override
  public List<StoredLog> logs(LogFilter filter) {
    return ledger.chain().logs(filter);
  }

  @Override
  public Optional<StateReader> stateAt(long number) {
    return ledger.chain().stateAt(number).map(s -> s);
  }

  @Override
  public Optional<MutableState> scratchStateAt(long number) {
    return ledger.chain().block(number).map(b -> new WorldState(
        ledger.chain().stateTree(), b.header().stateRoot(), new WriteBatch()));
  }
}
