package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.mempool.PoolContent;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/** The transaction pool as the Ethereum methods use it. */
public interface TransactionPool {
  /** Offers a decoded local submission; the pool's admission checks and geth's texts apply. */
  AddResult add(SignedTransaction tx);

  /** Offers decoded local submissions together (one pool admission), a result for each in order. */
  default List<AddResult> addAll(List<SignedTransaction> txs) {
    return txs.stream().map(this::add).toList();
  }

  /** The sender's next nonce counting its consecutive pooled transactions. */
  long pendingNonce(Address sender);

  /** A pooled transaction by hash. */
  Optional<PooledTransaction> get(Hash hash);

  /** A consistent snapshot of the pool. */
  PoolContent content();

  /** Subscribes {@code listener} to newly executable transactions. */
  void addListener(MempoolListener listener);
}
