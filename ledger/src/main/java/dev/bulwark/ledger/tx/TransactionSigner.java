package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.crypto.Secp256k1;

/** Signs transactions as a wallet would: deterministic (RFC 6979) low-s secp256k1 signatures. */
public final class TransactionSigner {
  private TransactionSigner() {}

  /** {@code unsigned} (whatever signature it carries is ignored) signed with {@code key}. */
  public static SignedTransaction sign(Transaction unsigned, Secp256k1.KeyPair key) {
    byte[] hash = TransactionCodec.signingHash(unsigned).bytes().toArray();
    Secp256k1.Signature sig = Secp256k1.sign(hash, key);
    return SignedTransaction.of(
        unsigned.withSignature(new TransactionSignature(sig.recId(), sig.r(), sig.s())));
  }
}
