package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.tx.SignedTransaction;

/**
 * A leader's block body from memory: the mempool's best transactions for the next base fee, in
 * nonce order per sender, and pending evidence. The selection is against the committed state; when
 * the parent is a pipelined block that already includes some of them, {@link LedgerStateComputer}
 * leaves those out while it builds the block (consensus {@code DraftBuilt}). The node's and the
 * real-ledger simulation's leaders both take their bodies from here.
 */
public final class MempoolPayloadSource implements PayloadSource {
  /** Most transactions offered for one block (the gas limit usually binds first). */
  public static final int MAX_TRANSACTIONS = 10_000;
  /** Most evidence items offered for one block. */
  public static final int MAX_EVIDENCE = 16;

  private final ChainParams params;
  private final Mempool mempool;
  private final PendingEvidence evidence;

  /** Bodies from {@code mempool} and {@code evidence} under {@code params}. */
  public MempoolPayloadSource(ChainParams params, Mempool mempool, PendingEvidence evidence) {
    this.params = params;
    this.mempool = mempool;
    this.evidence = evidence;
  }

  @Override
  public Payload payload(long epoch, long round, Block parent) {
    var txs =
        mempool.selectForBlock(
            params.blockGasLimit(),
            FeeMarket.nextBaseFee(parent.header(), params),
            MAX_TRANSACTIONS);
    return new Payload(
        txs.stream().map(SignedTransaction::raw).toList(), evidence.pending(MAX_EVIDENCE));
  }
}
