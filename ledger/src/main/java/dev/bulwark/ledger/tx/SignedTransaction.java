package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/**
 * A transaction together with its exact wire bytes, its hash (keccak256 of those bytes) and its
 * sender, which is recovered at most once, on first use, and then cached: the mempool, execution
 * and RPC all ask for it and signature recovery is the expensive part.
 */
public final class SignedTransaction {
  private final Transaction transaction;
  private final Bytes raw;
  private final Hash hash;
  // Optional.empty() is a valid cached answer (no sender), so null means "not yet recovered".
  private volatile Optional<Address> sender;

  /** Wraps {@code transaction} decoded from exactly {@code raw}; used by the codec. */
  SignedTransaction(Transaction transaction, Bytes raw) {
    this.transaction = transaction;
    this.raw = raw;
    this.hash = Keccak.hash(raw);
  }

  /** Encodes {@code transaction} and wraps it. */
  public static SignedTransaction of(Transaction transaction) {
    return new SignedTransaction(transaction, Bytes.of(TransactionCodec.encode(transaction)));
  }

  /** The decoded fields. */
  public Transaction transaction() {
    return transaction;
  }

  /** The envelope type. */
  public TransactionType type() {
    return transaction.type();
  }

  /** The exact bytes received (or encoded); typed transactions include the type byte. */
  public Bytes raw() {
    return raw;
  }

  /** The transaction hash: keccak256 of {@link #raw()}. */
  public Hash hash() {
    return hash;
  }

  /**
   * The address that signed this transaction under Ethereum's rules (EIP-2 low s, 0 &lt; r, s
   * &lt; n), or empty when the signature is invalid. Recovered once, then cached.
   */
  public Optional<Address> sender() {
    Optional<Address> s = sender;
    if (s == null) {
      synchronized (this) {
        s = sender;
        if (s == null) {
          s = SenderRecovery.recover(transaction);
          sender = s;
        }
      }
    }
    return s;
  }

  /** True once the sender has been recovered (for tests and metrics of the recover-once rule). */
  public boolean isSenderRecovered() {
    return sender != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction other && raw.equals(other.raw);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "SignedTransaction[" + transaction.type() + " " + hash + "]";
  }
}
