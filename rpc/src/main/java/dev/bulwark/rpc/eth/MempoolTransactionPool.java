package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.mempool.PoolContent;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * {@link TransactionPool} over the node's {@link Mempool}. Submissions are {@link TxOrigin#LOCAL},
 * so the node's mempool relay listener gossips them to every peer, validator or observer alike.
 */
public final class MempoolTransactionPool implements TransactionPool {
  private final Mempool mempool;

  /** Uses {@code mempool}. */
  public MempoolTransactionPool(Mempool mempool) {
    this.mempool = mempool;
  }

  @Override
  public AddResult add(SignedTransaction tx) {
    return mempool.add(tx, TxOrigin.LOCAL);
  }

  @Override
  public List<AddResult> addAll(List<SignedTransaction> txs) {
    return mempool.addAll(txs, TxOrigin.LOCAL);
  }

  @Override
  public long pendingNonce(Address sender) {
    return mempool.pendingNonce(sender);
  }

  @Override
  public Optional<PooledTransaction> get(Hash hash) {
    return mempool.getByHash(hash);
  }

  @Override
  public PoolContent content() {
    return mempool.content();
  }

  @Override
  public void addListener(MempoolListener listener) {
    mempool.addListener(listener);
  }
}
