package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.tx.AccessListEntry;
import dev.bulwark.ledger.tx.AccessListTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Signed transactions of the types ChainFixture does not make. */
final class Txs {
  private Txs() {}

  /** A pre-EIP-155 legacy transfer (v = 27/28), as web3j's static Transfer.sendFunds sends. */
  static SignedTransaction unprotected(Secp256k1.KeyPair from, long nonce, Address to,
      BigInteger value, BigInteger gasPrice) {
    return TransactionSigner.sign(new LegacyTransaction(Optional.empty(), nonce, gasPrice, 21_000,
        Optional.of(to), value, Bytes.EMPTY, TransactionSignature.NONE), from);
  }

  /** An EIP-2930 transfer with a one-entry access list. */
  static SignedTransaction accessList(Secp256k1.KeyPair from, long nonce, Address to,
      BigInteger value, BigInteger gasPrice) {
    return TransactionSigner.sign(new AccessListTransaction(
        BigInteger.valueOf(ChainFixture.CHAIN_ID), nonce, gasPrice, 30_000, Optional.of(to), value,
        Bytes.EMPTY, List.of(new AccessListEntry(to, List.of(Hash.ZERO))),
        TransactionSignature.NONE), from);
  }
}
