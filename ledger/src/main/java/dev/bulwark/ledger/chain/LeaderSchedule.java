package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Who leads round r of epoch e: a stake-weighted draw that is a pure function of (epoch, round,
 * validator set). It lives in the ledger because both consensus (who may propose) and execution
 * (which leader's slot failed, for inactivity) must compute exactly the same answer.
 *
 * <p>The draw is keccak256("leader" ‖ epoch ‖ round) as a 256-bit integer modulo the total
 * power W, mapped onto the validators' cumulative power in set (address) order. There is no
 * leader reputation: a node's local observations must never decide who leads.
 */
public final class LeaderSchedule {
  private static final byte[] DOMAIN = "leader".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private LeaderSchedule() {}

  /** Index (in set order) of the leader of {@code round}; the set's epoch is the draw's epoch. */
  public static int leaderIndex(ValidatorSet set, long round) {
    byte[] seed = ByteBuffer.allocate(16).putLong(set.epoch()).putLong(round).array();
    BigInteger draw = new BigInteger(1, Keccak.hash256(DOMAIN, seed)).mod(set.totalPower());
    BigInteger cumulative = BigInteger.ZERO;
    for (int i = 0; i < set.size(); i++) {
      cumulative = cumulative.add(set.get(i).votingPower());
      if (draw.compareTo(cumulative) < 0) {
        return i;
      }
    }
    throw new IllegalStateException("draw " + draw + " not below total power " + set.totalPower());
  }

  /** Address of the leader of {@code round}. */
  public static Address leader(ValidatorSet set, long round) {
    return set.get(leaderIndex(set, round)).address();
  }
}
