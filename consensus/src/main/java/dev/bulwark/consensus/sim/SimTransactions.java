package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The clients of a real-ledger run: every tick a few signed transfers between the funded senders,
 * gossiped to the mempool of every node that is up (a node that is down misses them, and its
 * senders' later nonces wait in its pool until the others' blocks fill the gap).
 */
final class SimTransactions {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final List<Secp256k1.KeyPair> senders;
  private final long[] nonces;
  private final SplittableRandom random;

  SimTransactions(List<Secp256k1.KeyPair> senders, SplittableRandom random) {
    this.senders = senders;
    this.nonces = new long[senders.size()];
    this.random = random;
  }

  /** Signs up to three transfers and adds them to the mempools of the nodes that are up. */
  void tick(List<SimNode> nodes) {
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      int from = random.nextInt(senders.size());
      Address to = senders.get(random.nextInt(senders.size())).address();
      DynamicFeeTransaction tx =
          new DynamicFeeTransaction(
              Optional.of(BigInteger.valueOf(Simulation.CHAIN_ID)),
              nonces[from]++,
              GWEI,
              GWEI.multiply(BigInteger.valueOf(100)),
              21_000,
              Optional.of(to),
              BigInteger.valueOf(1 + random.nextInt(1_000_000)),
              Bytes.EMPTY,
              List.of(),
              TransactionSignature.NONE);
      SignedTransaction signed = TransactionSigner.sign(tx, senders.get(from));
      for (SimNode n : nodes) {
        if (n.up && n.mempool != null) {
          n.mempool.add(signed, TxOrigin.LOCAL);
        }
      }
    }
  }
}
