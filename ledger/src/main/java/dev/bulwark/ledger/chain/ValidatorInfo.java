package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;

/**
 * One validator of an epoch: its account address (the ordering key), BLS consensus key, 32-byte
 * Ed25519 node key and voting power (its bonded stake, a positive uint256).
 */
public record ValidatorInfo(
    Address address, BlsPublicKey blsKey, Bytes nodePublicKey, BigInteger votingPower) {
  /** Size of an Ed25519 public key. */
  public static final int NODE_KEY_SIZE = 32;

  public ValidatorInfo {
    Require.present(address, "validator address");
    Require.present(blsKey, "validator BLS key");
    Require.present(nodePublicKey, "validator node key");
    Require.present(votingPower, "voting power");
    if (nodePublicKey.size() != NODE_KEY_SIZE) {
      throw new IllegalArgumentException(
          "node public key must be " + NODE_KEY_SIZE + " bytes, got " + nodePublicKey.size());
    }
    if (votingPower.signum() <= 0 || votingPower.bitLength() > 256) {
      throw new IllegalArgumentException("voting power must be in [1, 2^256), got " + votingPower);
    }
  }
}
