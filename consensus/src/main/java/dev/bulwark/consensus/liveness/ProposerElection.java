package dev.bulwark.consensus.liveness;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Stake-weighted leader rotation: the leader of (epoch, round) is the validator whose slice of
 * the cumulative voting power (in validator-set order) contains keccak256("bulwark-leader" ‖
 * epoch ‖ round) mod W. A validator with a third of the power leads about a third of the rounds.
 *
 * <p>A pure function of the epoch, the round and the epoch's validator set (which comes from
 * committed state), so every honest node agrees on every leader. There is deliberately no
 * leader reputation: skipping recently failed leaders would need failure records taken from
 * committed blocks (never local observations, which would split nodes on who leads), and the
 * inactivity rules of the ledger already jail leaders that keep failing.
 */
public final class ProposerElection {
  private static final byte[] TAG = "bulwark-leader".getBytes(StandardCharsets.US_ASCII);

  private final ValidatorSet validators;
  private final BigInteger[] cumulative;

  /** The election for the epoch of {@code validators}. */
  public ProposerElection(ValidatorSet validators) {
    this.validators = validators;
    this.cumulative = new BigInteger[validators.size()];
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < validators.size(); i++) {
      sum = sum.add(validators.get(i).votingPower());
      cumulative[i] = sum;
    }
  }

  /** The leader of {@code round} in this epoch. */
  public Address leader(long round) {
    return validators.get(leaderIndex(round)).address();
  }

  /** The leader's index in the validator set. */
  public int leaderIndex(long round) {
    byte[] seed = ByteBuffer.allocate(16).putLong(validators.epoch()).putLong(round).array();
    BigInteger point = new BigInteger(1, Keccak.hash256(TAG, seed)).mod(validators.totalPower());
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) { // first index whose cumulative power exceeds the point
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid].compareTo(point) > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The validator set this election draws from. */
  public ValidatorSet validators() {
    return validators;
  }

  /** The leader's full entry. */
  public ValidatorInfo leaderInfo(long round) {
    return validators.get(leaderIndex(round));
  }
}
