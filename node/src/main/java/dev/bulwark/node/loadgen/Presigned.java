package dev.bulwark.node.loadgen;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Every transfer of a run, signed before the clock starts: transaction j is sent by account
 * {@code j % N} with that account's next nonce, 1 base unit to the following account, so each
 * account's transactions go out in nonce order and the load spreads over all senders.
 */
public final class Presigned {
  /** Gas of a plain transfer. */
  public static final long TRANSFER_GAS = 21_000;

  private final String[] raws;
  private final String[] hashes;
  private final Map<String, Integer> byHash;

  private Presigned(String[] raws, String[] hashes) {
    this.raws = raws;
    this.hashes = hashes;
    this.byHash = new HashMap<>(hashes.length * 2);
    for (int i = 0; i < hashes.length; i++) {
      byHash.put(hashes[i], i);
    }
  }

  /**
   * Signs {@code count} transfers (on all cores) of type 0 (EIP-155 legacy, gas price {@code
   * maxFee}) or 2 (fee cap {@code maxFee}, no tip), from {@code accounts} starting at {@code
   * nonces}.
   */
  public static Presigned sign(int count, int type, long chainId, BigInteger maxFee,
      List<Secp256k1.KeyPair> accounts, long[] nonces) {
    if (type != 0 && type != 2) {
      throw new IllegalArgumentException("transaction type must be 0 or 2, got " + type);
    }
    if (accounts.isEmpty() || nonces.length != accounts.size() || count < 0) {
      throw new IllegalArgumentException("presigning needs one nonce per account");
    }
    int n = accounts.size();
    String[] raws = new String[count];
    String[] hashes = new String[count];
    BigInteger chain = BigInteger.valueOf(chainId);
    IntStream.range(0, count).parallel().forEach(j -> {
      int a = j % n;
      long nonce = nonces[a] + j / n;
      Address to = accounts.get((a + 1) % n).address();
      Transaction tx = type == 0
          ? new LegacyTransaction(Optional.of(chain), nonce, maxFee, TRANSFER_GAS, Optional.of(to),
              BigInteger.ONE, Bytes.EMPTY, TransactionSignature.NONE)
          : new DynamicFeeTransaction(chain, nonce, BigInteger.ZERO, maxFee, TRANSFER_GAS,
              Optional.of(to), BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE);
      SignedTransaction signed = TransactionSigner.sign(tx, accounts.get(a));
      raws[j] = signed.raw().toHex();
      hashes[j] = signed.hash().toHex();
    });
    return new Presigned(raws, hashes);
  }

  /** How many transactions there are. */
  public int size() {
    return raws.length;
  }

  /** The signed bytes of transaction {@code i}, 0x-prefixed hex. */
  public String raw(int i) {
    return raws[i];
  }

  /** The hash of transaction {@code i}, 0x-prefixed lower-case hex. */
  public String hash(int i) {
    return hashes[i];
  }

  /** The index of the transaction with {@code hash} (any case), or -1 when it is not ours. */
  public int indexOf(String hash) {
    Integer i = byHash.get(hash.toLowerCase(java.util.Locale.ROOT));
    return i == null ? -1 : i;
  }

  /** Transactions per account, rounded up, for {@code count} over {@code accounts}. */
  public static long perAccount(long count, int accounts) {
    return (count + accounts - 1) / accounts;
  }
}
