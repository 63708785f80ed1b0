package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Transactions for tests, built around the ETH-RPC.md section 3 hand vectors. */
final class TestTransactions {
  /** The hand vectors' key: 32 x 0x46. */
  static final Secp256k1.KeyPair KEY = Secp256k1.fromPrivateKey(Bytes.fromHex("46".repeat(32)));
  /** The hand vectors' recipient: 20 x 0x35. */
  static final Address TO = Address.fromHex("35".repeat(20));
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private TestTransactions() {}

  /** The unsigned EIP-155 hand vector: nonce 9, 20 gwei, 21000 gas, 1 ether, chain 1. */
  static LegacyTransaction eip155() {
    return new LegacyTransaction(Optional.of(BigInteger.ONE), 9, GWEI.multiply(BigInteger.valueOf(20)),
        21_000, Optional.of(TO), ETHER, Bytes.EMPTY, TransactionSignature.NONE);
  }

  /** A pre-EIP-155 transfer (web3j's static Transfer.sendFunds sends these). */
  static LegacyTransaction unprotected() {
    return new LegacyTransaction(Optional.empty(), 0, GWEI, 21_000, Optional.of(TO), ETHER,
        Bytes.EMPTY, TransactionSignature.NONE);
  }

  /** The unsigned type-2 hand vector: chain 1337, nonce 0, tip 1 gwei, cap 2 gwei, value 1. */
  static DynamicFeeTransaction dynamicFee() {
    return dynamicFee(BigInteger.valueOf(1337), GWEI, GWEI.multiply(BigInteger.TWO), 21_000);
  }

  /** A type-2 transfer of 1 wei to {@link #TO} with the given chain, fees and gas limit. */
  static DynamicFeeTransaction dynamicFee(BigInteger chainId, BigInteger tip, BigInteger cap,
      long gasLimit) {
    return new DynamicFeeTransaction(chainId, 0, tip, cap, gasLimit, Optional.of(TO),
        BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE);
  }

  /** A type-1 call with data and a two-key access list, gas limit exactly its intrinsic gas. */
  static AccessListTransaction accessList(long chainId) {
    Bytes data = Bytes.fromHex("00a9059cbb00");
    List<AccessListEntry> list = List.of(new AccessListEntry(TO,
        List.of(Hash.ZERO, Hash.fromHex("01".repeat(32)))));
    long gas = 21_000 + 2 * 4 + 4 * 16 + 2_400 + 2 * 1_900;
    return new AccessListTransaction(BigInteger.valueOf(chainId), 3, GWEI, gas, Optional.of(TO),
        BigInteger.ZERO, data, list, TransactionSignature.NONE);
  }

  /** {@code tx} signed with {@link #KEY}. */
  static SignedTransaction signed(Transaction tx) {
    return TransactionSigner.sign(tx, KEY);
  }
}
