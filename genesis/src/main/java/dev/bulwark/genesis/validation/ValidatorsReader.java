package dev.bulwark.genesis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.GenesisRules;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.model.ValidatorDraft;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code validators}: each entry's fields, then the rules across entries (duplicates, stakes). */
final class ValidatorsReader {
  static final String PATH = "validators";
  private static final Set<String> KEYS = Set.of(
      "address", "blsPublicKey", "proofOfPossession", "nodePublicKey", "stake", "p2pEndpoint");

  private final JsonReading in;
  private final List<ValidatorDraft> drafts = new ArrayList<>();

  ValidatorsReader(JsonReading in) {
    this.in = in;
  }

  /** The validators in file order, or null when any is invalid (problems recorded). */
  List<GenesisValidator> read(JsonNode node, BigInteger minStake) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      in.add(PATH, "must be a JSON array, got " + JsonReading.kind(node));
      return null;
    }
    List<GenesisValidator> validators = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      GenesisValidator v = readOne(node.get(i), PATH + "[" + i + "]");
      if (v != null) {
        validators.add(v);
      }
    }
    in.addAll("", GenesisRules.validatorProblems(drafts, minStake));
    return validators.size() == node.size() ? validators : null;
  }

  /** Stakes that parsed, for the supply rule. */
  List<BigInteger> stakes() {
    return drafts.stream().map(ValidatorDraft::stake).toList();
  }

  private GenesisValidator readOne(JsonNode node, String path) {
    ObjectNode obj = in.object(node, path);
    if (obj == null) {
      drafts.add(new ValidatorDraft(null, null, null, null, null));
      return null;
    }
    in.rejectUnknown(obj, path, KEYS);
    int before = in.problems().size();
    Address address = in.address(in.field(obj, path, "address"), path + ".address");
    BlsPublicKey bls = blsKey(in.field(obj, path, "blsPublicKey"), path + ".blsPublicKey");
    BlsSignature pop = signature(in.field(obj, path, "proofOfPossession"), path + ".proofOfPossession");
    Bytes nodeKey = in.hex(in.field(obj, path, "nodePublicKey"), path + ".nodePublicKey", NodeKey.KEY_SIZE);
    BigInteger stake = in.amount(in.field(obj, path, "stake"), path + ".stake");
    Endpoint endpoint = endpoint(in.field(obj, path, "p2pEndpoint"), path + ".p2pEndpoint");
    drafts.add(new ValidatorDraft(address, bls, nodeKey, stake, endpoint));
    if (in.problems().size() == before) {
      try {
        // The record checks the node key, a positive stake and the proof of possession.
        return new GenesisValidator(address, bls, pop, nodeKey, stake, endpoint);
      } catch (InvalidGenesisException e) {
        in.addAll(path, e.problems());
        return null;
      }
    }
    check(path + ".nodePublicKey", nodeKey == null ? null : GenesisValidator.nodePublicKeyProblem(nodeKey));
    check(path + ".stake", stake == null ? null : GenesisValidator.stakeProblem(stake));
    if (bls != null && pop != null) {
      check(path + ".proofOfPossession", GenesisValidator.proofOfPossessionProblem(bls, pop));
    }
    return null;
  }

  private void check(String path, String reason) {
    if (reason != null) {
      in.add(path, reason);
    }
  }

  private BlsPublicKey blsKey(JsonNode node, String path) {
    Bytes bytes = in.hex(node, path, BlsPublicKey.SIZE);
    if (bytes == null) {
      return null;
    }
    try {
      return BlsPublicKey.fromBytes(bytes); // KeyValidate: on curve, in subgroup, not identity
    } catch (IllegalArgumentException e) {
      in.add(path, "invalid BLS12-381 public key: " + e.getMessage());
      return null;
    }
  }

  private BlsSignature signature(JsonNode node, String path) {
    Bytes bytes = in.hex(node, path, BlsSignature.SIZE);
    if (bytes == null) {
      return null;
    }
    try {
      return BlsSignature.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      in.add(path, "invalid BLS12-381 signature: " + e.getMessage());
      return null;
    }
  }

  private Endpoint endpoint(JsonNode node, String path) {
    String text = in.string(node, path);
    if (text == null) {
      return null;
    }
    try {
      return Endpoint.parse(text);
    } catch (IllegalArgumentException e) {
      in.add(path, e.getMessage());
      return null;
    }
  }
}
