package dev.bulwark.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.proof.CommitProofVerifier;
import dev.bulwark.rpc.proof.ProofException;
import dev.bulwark.rpc.proof.VerifiedCommit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines {@code bulwark verify-proof} prints. Figures come from the proof only after the
 * verifier accepted it (or, for a refused proof, from the set the epoch chain proves), so the
 * output never repeats a number the node merely claimed.
 */
final class ProofReport {
  private ProofReport() {}

  /** One line per verified step: each epoch change from the genesis set, then the block's QC. */
  static List<String> checks(JsonNode proof, VerifiedCommit verified, ValidatorSet genesis) {
    List<String> lines = new ArrayList<>();
    JsonNode chain = proof.get("epochChangeProofs");
    List<BigInteger> powers = genesis.validators().stream().map(v -> v.votingPower()).toList();
    lines.add("genesis: epoch 1's set of " + genesis.size() + " validators, power "
        + genesis.totalPower() + ", trusted from the genesis file");
    for (JsonNode step : chain) {
      if (quantity(step, "epoch") >= verified.epoch()) {
        break;
      }
      JsonNode qc = step.get("qc");
      int[] signers = signerIndexes(qc, powers.size());
      JsonNode next = step.get("nextValidatorSet");
      List<BigInteger> nextPowers = new ArrayList<>();
      next.get("validators").forEach(v -> nextPowers.add(
          new BigInteger(v.get("votingPower").textValue().substring(2), 16)));
      lines.add("epoch " + quantity(step, "epoch") + ": block " + quantity(step, "blockNumber")
          + " " + step.get("blockHash").textValue() + " final (QC round " + quantity(qc, "round")
          + ", signers=" + signers.length + " power=" + power(powers, signers) + "/"
          + sum(powers) + ", aggregate BLS signature valid); the set of epoch "
          + quantity(next, "epoch") + " (" + nextPowers.size() + " validators, power "
          + sum(nextPowers) + ") proven by a Merkle proof of "
          + step.get("nextValidatorSetProof").get("merkleProof").size()
          + " nodes under its state root");
      powers = nextPowers;
    }
    JsonNode qc = proof.get("qc");
    lines.add("block " + verified.number() + ": headers " + verified.number() + ".."
        + (verified.number() + proof.get("headers").size() - 1) + " hash-link to the block QC "
        + "round " + quantity(qc, "round") + " commits; aggregate BLS signature of "
        + signerIndexes(qc, verified.set().size()).length + " of " + verified.set().size()
        + " validators of epoch " + verified.epoch() + " valid; power " + verified.signedPower()
        + " >= quorum " + verified.set().quorumPower());
    return lines;
  }

  /** The final line of an accepted proof. */
  static String summary(JsonNode proof, VerifiedCommit v) {
    return line(String.valueOf(v.number()), v.hash().toHex(), String.valueOf(v.epoch()),
        String.valueOf(signerIndexes(proof.get("qc"), v.set().size()).length),
        v.signedPower() + "/" + v.set().totalPower(), false);
  }

  /**
   * The final line of a refused proof: what it claims, the signers' power only if the epoch chain
   * proves the set of the block's epoch ({@code ?} where nothing can be established).
   */
  static String refusedSummary(JsonNode proof, CommitProofVerifier verifier) {
    String block = text(proof, "blockNumber").map(ProofReport::decimal).orElse("?");
    String hash = text(proof, "blockHash").orElse("?");
    String epoch = text(proof, "epoch").map(ProofReport::decimal).orElse("?");
    String signers = "?";
    String power = "?/?";
    Optional<ValidatorSet> set = trustedSet(proof, verifier);
    JsonNode qc = proof.get("qc");
    if (set.isPresent() && qc != null) {
      try {
        SignerBitmap bitmap = SignerBitmap.fromBytes(set.get().size(),
            Bytes.fromHex(qc.get("signersBitmap").textValue().substring(2)));
        signers = String.valueOf(bitmap.count());
        power = set.get().powerOf(bitmap) + "/" + set.get().totalPower();
      } catch (RuntimeException e) {
        // A bitmap that does not fit the set has no power to report; the reason says why.
        signers = "?";
      }
    }
    return line(block, hash, epoch, signers, power, true);
  }

  private static Optional<ValidatorSet> trustedSet(JsonNode proof, CommitProofVerifier verifier) {
    Optional<String> epoch = text(proof, "epoch");
    JsonNode chain = proof.get("epochChangeProofs");
    if (epoch.isEmpty() || chain == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(verifier.validatorSet(chain, Long.decode(epoch.get())));
    } catch (ProofException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String line(String block, String hash, String epoch, String signers,
      String power, boolean refused) {
    return "verify-proof: block=" + block + " hash=" + hash + " epoch=" + epoch + " signers="
        + signers + " power=" + power + " ok=" + !refused;
  }

  private static int[] signerIndexes(JsonNode qc, int size) {
    return SignerBitmap.fromBytes(size,
        Bytes.fromHex(qc.get("signersBitmap").textValue().substring(2))).indexes();
  }

  private static BigInteger power(List<BigInteger> powers, int[] signers) {
    BigInteger sum = BigInteger.ZERO;
    for (int i : signers) {
      sum = sum.add(powers.get(i));
    }
    return sum;
  }

  private static BigInteger sum(List<BigInteger> powers) {
    return powers.stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static long quantity(JsonNode node, String name) {
    return Long.decode(node.get(name).textValue());
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode m = node.get(name);
    return m != null && m.isTextual() ? Optional.of(m.textValue()) : Optional.empty();
  }

  private static String decimal(String quantity) {
    try {
      return String.valueOf(Long.decode(quantity));
    } catch (NumberFormatException e) {
      return quantity;
    }
  }
}
