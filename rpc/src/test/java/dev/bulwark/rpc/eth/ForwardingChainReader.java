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

/** A reader that forwards to a real one; tests override one read to model a store's state. */
class ForwardingChainReader implements ChainReader {
  private final ChainReader d;

  ForwardingChainReader(ChainReader delegate) {
    this.d = delegate;
  }

  @Override
  public ChainParams params() {
    return d.params();
  }

  @Override
  public SystemModule module() {
    return d.module();
  }

  @Override
  public BlockHeader head() {
    return d.head();
  }

  @Override
  public Optional<Block> block(long number) {
    return d.block(number);
  }

  @Override
  public Optional<Long> blockNumber(Hash hash) {
    return d.blockNumber(hash);
  }

  @Override
  public Optional<StoredTransaction> transaction(Hash hash) {
    return d.transaction(hash);
  }

  @Override
  public Optional<StoredReceipt> receipt(Hash hash) {
    return d.receipt(hash);
  }

  @Override
  public Optional<List<StoredReceipt>> receipts(long number) {
    return d.receipts(number);
  }

  @Override
  public LogsBloom logsBloom(long number) {
    return d.logsBloom(number);
  }

  @Override
  public List<StoredLog> logs(LogFilter filter) {
    return d.logs(filter);
  }

  @Override
  public Optional<StateReader> stateAt(long number) {
    return d.stateAt(number);
  }

  @Override
  public Optional<MutableState> scratchStateAt(long number) {
    return d.scratchStateAt(number);
  }
}
