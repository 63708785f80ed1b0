package dev.bulwark.ledger.state;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;

/**
 * The state-tree leaf value of an account: canonical RLP {@code [nonce, balance]} (nonce as an
 * unsigned 64-bit integer). An empty account has no leaf at all, so it is never encoded.
 */
public final class AccountCodec {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private AccountCodec() {}

  /** The leaf value of {@code account}; IllegalArgumentException for the empty account. */
  public static Bytes encode(Account account) {
    if (account.isEmpty()) {
      throw new IllegalArgumentException("the empty account is stored as an absent leaf");
    }
    BigInteger nonce = BigInteger.valueOf(account.nonce());
    if (account.nonce() < 0) {
      nonce = nonce.add(TWO_64);
    }
    return Bytes.of(Rlp.encode(Rlp.list(Rlp.uint(nonce), Rlp.uint(account.balance()))));
  }

  /** Decodes a leaf value; DecodeException for anything but a canonical non-empty account. */
  public static Account decode(Bytes value) {
    RlpReader r = RlpReader.of(Rlp.decode(value.toArray()), "account");
    long nonce = r.uint64();
    BigInteger balance = r.uint256();
    r.end();
    Account account = new Account(nonce, balance);
    if (account.isEmpty()) {
      throw new DecodeException("account: an empty account must not be stored");
    }
    return account;
  }
}
