package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;

/**
 * A registered validator as the staking module stores it: its keys, bonded stake and jail
 * status. A validator stays jailed until it calls {@code unjail()}, which it may do from block
 * {@code jailedUntil} on; while jailed it is left out of every newly computed validator set.
 */
public record ValidatorRecord(
    BlsPublicKey blsKey, Bytes nodeKey, BigInteger bonded, boolean jailed, long jailedUntil) {
  public ValidatorRecord {
    if (blsKey == null || nodeKey == null || bonded == null) {
      throw new IllegalArgumentException("validator record needs keys and a bonded amount");
    }
    if (nodeKey.size() != 32) {
      throw new IllegalArgumentException("node key must be 32 bytes, got " + nodeKey.size());
    }
    if (bonded.signum() < 0) {
      throw new IllegalArgumentException("bonded stake must not be negative, got " + bonded);
    }
    if (jailedUntil < 0) {
      throw new IllegalArgumentException("jailedUntil must not be negative, got " + jailedUntil);
    }
  }

  /** A freshly registered, unjailed validator with {@code bonded} stake. */
  public static ValidatorRecord registered(BlsPublicKey blsKey, Bytes nodeKey, BigInteger bonded) {
    return new ValidatorRecord(blsKey, nodeKey, bonded, false, 0);
  }

  /** This record with a new bonded amount. */
  public ValidatorRecord withBonded(BigInteger newBonded) {
    return new ValidatorRecord(blsKey, nodeKey, newBonded, jailed, jailedUntil);
  }

  /** This record jailed until at least {@code until} (a later jail end already set is kept). */
  public ValidatorRecord jailUntil(long until) {
    return new ValidatorRecord(blsKey, nodeKey, bonded, true, Math.max(until, jailed ? jailedUntil : 0));
  }

  /** This record released from jail. */
  public ValidatorRecord unjailed() {
    return new ValidatorRecord(blsKey, nodeKey, bonded, false, jailedUntil);
  }
}
