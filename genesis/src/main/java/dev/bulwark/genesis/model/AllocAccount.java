package dev.bulwark.genesis.model;

import java.math.BigInteger;

/** An account funded at genesis. */
public record AllocAccount(BigInteger balance) {
  public AllocAccount {
    String reason = Amounts.uint256Problem(balance);
    if (reason != null) {
      throw new InvalidGenesisException(java.util.List.of(new Problem("balance", reason)));
    }
  }
}
