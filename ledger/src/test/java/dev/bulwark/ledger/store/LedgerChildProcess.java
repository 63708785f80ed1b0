package dev.bulwark.ledger.store;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the child JVM the crash test kills: opens the ledger in {@code DIR} and commits
 * blocks of transfers forever, printing {@code committed N} once block N's batch returned. Its
 * stdout is the protocol with the parent, hence println instead of a logger.
 */
public final class LedgerChildProcess {
  static final String COMMITTED = "committed ";
  static final int USERS = 4;

  private LedgerChildProcess() {}

  /** The chain both processes use. */
  static ChainFixture fixture() {
    return new ChainFixture(USERS, 5, 30_000_000);
  }

  /** The transfers of the block after {@code ledger}'s head: each user pays the next one. */
  static List<SignedTransaction> transfers(Ledger ledger, ChainFixture f) {
    List<SignedTransaction> txs = new ArrayList<>();
    long n = ledger.head().number();
    for (int i = 0; i < USERS; i++) {
      Secp256k1.KeyPair from = f.user(i);
      long nonce = ledger.headState().account(from.address()).nonce();
      txs.add(
          f.transfer(
              from,
              nonce,
              f.user((i + 1) % USERS).address(),
              BigInteger.valueOf(n + i + 1),
              ChainFixture.GWEI.multiply(BigInteger.TEN),
              BigInteger.valueOf(i)));
    }
    return txs;
  }

  /** Entry point: {@code DIR}. */
  public static void main(String[] args) {
    ChainFixture f = fixture();
    try (Ledger ledger = Ledger.open(Path.of(args[0]), f.genesis(), f.module())) {
      while (true) {
        LedgerSteps.advance(ledger, f, transfers(ledger, f));
        System.out.println(COMMITTED + ledger.head().number());
        System.out.flush();
      }
    }
  }
}
