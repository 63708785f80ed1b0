package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.Optional;

/** Recovers a transaction's sender from its signature, applying Ethereum's validity rules. */
final class SenderRecovery {
  private SenderRecovery() {}

  /**
   * The signer's address, or empty when r or s is outside [1, n-1], s is above n/2 (EIP-2, which
   * makes signatures non-malleable) or no public key matches.
   */
  static Optional<Address> recover(Transaction tx) {
    TransactionSignature sig = tx.signature();
    BigInteger r = sig.r();
    BigInteger s = sig.s();
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      return Optional.empty();
    }
    if (s.signum() <= 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
      return Optional.empty();
    }
    byte[] hash = TransactionCodec.signingHash(tx).bytes().toArray();
    return Secp256k1.recover(hash, new Secp256k1.Signature(r, s, sig.yParity()))
        .map(Secp256k1::addressOf);
  }
}
