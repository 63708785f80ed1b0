package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.AccessListTransaction;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Signed transactions and pools for mempool tests: chain 1337, transfers to 20 x 0x35. */
final class PoolTxs {
  static final long CHAIN_ID = 1337;
  static final BigInteger CHAIN = BigInteger.valueOf(CHAIN_ID);
  static final Address TO = Address.fromHex("35".repeat(20));
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final long TRANSFER_GAS = 21_000;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final TransactionRules RULES = new TransactionRules(TransactionRules.Config.of(CHAIN_ID));

  private PoolTxs() {}

  /** The deterministic key number {@code i} (private key i + 1, big-endian). */
  static Secp256k1.KeyPair key(int i) {
    byte[] priv = new byte[32];
    priv[28] = (byte) ((i + 1) >>> 24);
    priv[29] = (byte) ((i + 1) >>> 16);
    priv[30] = (byte) ((i + 1) >>> 8);
    priv[31] = (byte) (i + 1);
    return Secp256k1.fromPrivateKey(Bytes.of(priv));
  }

  /** {@code n} gwei. */
  static BigInteger gwei(long n) {
    return GWEI.multiply(BigInteger.valueOf(n));
  }

  /** A type-2 transfer of 1 wei with the given fee cap and tip, 21000 gas. */
  static SignedTransaction dynamic(Secp256k1.KeyPair key, long nonce, BigInteger feeCap,
      BigInteger tip) {
    return dynamic(key, nonce, feeCap, tip, BigInteger.ONE, TRANSFER_GAS);
  }

  /** A type-2 transfer with every amount given. */
  static SignedTransaction dynamic(Secp256k1.KeyPair key, long nonce, BigInteger feeCap,
      BigInteger tip, BigInteger value, long gasLimit) {
    return TransactionSigner.sign(new DynamicFeeTransaction(CHAIN, nonce, tip, feeCap, gasLimit,
        Optional.of(TO), value, Bytes.EMPTY, List.of(), TransactionSignature.NONE), key);
  }

  /** An EIP-155 legacy transfer of 1 wei at {@code gasPrice}, 21000 gas. */
  static SignedTransaction legacy(Secp256k1.KeyPair key, long nonce, BigInteger gasPrice) {
    return TransactionSigner.sign(new LegacyTransaction(Optional.of(CHAIN), nonce, gasPrice,
        TRANSFER_GAS, Optional.of(TO), BigInteger.ONE, Bytes.EMPTY, TransactionSignature.NONE),
        key);
  }

  /** An EIP-2930 transfer of 1 wei at {@code gasPrice}, 21000 gas, empty access list. */
  static SignedTransaction accessList(Secp256k1.KeyPair key, long nonce, BigInteger gasPrice) {
    return TransactionSigner.sign(new AccessListTransaction(CHAIN, nonce, gasPrice, TRANSFER_GAS,
        Optional.of(TO), BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE), key);
  }

  /** A pool over {@code state} with a 1 gwei base fee and a 30M block gas limit. */
  static Mempool pool(MempoolConfig config, AccountStateView state) {
    return new Mempool(config, RULES, new PoolHead(state, GWEI, BLOCK_GAS_LIMIT));
  }
}
