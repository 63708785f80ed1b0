package dev.bulwark.genesis.model;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A genesis validator: its account address (from its secp256k1 key), BLS consensus key with a
 * verified proof of possession, Ed25519 node key, initial bonded stake and p2p endpoint.
 */
public record GenesisValidator(
    Address address,
    BlsPublicKey blsPublicKey,
    BlsSignature proofOfPossession,
    Bytes nodePublicKey,
    BigInteger stake,
    Endpoint p2pEndpoint) {

  public GenesisValidator {
    List<Problem> problems = new ArrayList<>();
    require(problems, "address", address);
    require(problems, "blsPublicKey", blsPublicKey);
    require(problems, "proofOfPossession", proofOfPossession);
    require(problems, "p2pEndpoint", p2pEndpoint);
    add(problems, "nodePublicKey", nodePublicKeyProblem(nodePublicKey));
    add(problems, "stake", stakeProblem(stake));
    if (blsPublicKey != null && proofOfPossession != null) {
      add(problems, "proofOfPossession", proofOfPossessionProblem(blsPublicKey, proofOfPossession));
    }
    InvalidGenesisException.throwIfAny(problems);
  }

  /** Why {@code key} is not a usable Ed25519 node key, or null. */
  public static String nodePublicKeyProblem(Bytes key) {
    if (key == null) {
      return "is missing";
    }
    if (key.size() != NodeKey.KEY_SIZE) {
      return "must be " + NodeKey.KEY_SIZE + " bytes, got " + key.size();
    }
    return NodeKey.isValidPublicKey(key) ? null : "is not a valid Ed25519 public key";
  }

  /** Why {@code stake} is not a valid initial stake (ignoring minStake), or null. */
  public static String stakeProblem(BigInteger stake) {
    String reason = Amounts.uint256Problem(stake);
    if (reason == null && stake.signum() == 0) {
      return "must be greater than zero";
    }
    return reason;
  }

  /** Why {@code proof} does not prove possession of {@code key}'s secret, or null. */
  public static String proofOfPossessionProblem(BlsPublicKey key, BlsSignature proof) {
    return Bls.verifyProofOfPossession(key, proof)
        ? null
        : "does not verify against blsPublicKey (not signed by its secret key)";
  }

  private static void require(List<Problem> problems, String field, Object value) {
    if (value == null) {
      problems.add(new Problem(field, "is missing"));
    }
  }

  private static void add(List<Problem> problems, String field, String reason) {
    if (reason != null) {
      problems.add(new Problem(field, reason));
    }
  }
}
