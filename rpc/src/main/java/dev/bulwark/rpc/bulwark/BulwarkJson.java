package dev.bulwark.rpc.bulwark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.math.BigInteger;

/**
 * The JSON forms the bulwark_* namespace shares: quantities as minimal {@code 0x} hex, data and
 * hashes as lowercase hex, and the QC object with the names the block JSON uses ({@code round,
 * blockHash, signersBitmap, aggregateSignature}) so that one verifier reads both.
 */
public final class BulwarkJson {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BulwarkJson() {}

  /** {@code 0x} + minimal hex of a non-negative number. */
  public static String quantity(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** {@code 0x} + minimal hex of a non-negative number. */
  public static String quantity(BigInteger v) {
    return "0x" + v.toString(16);
  }

  /**
   * A QC as block JSON and {@code bulwark_getCommitProof} show it: the four shared members, then
   * what an offline check needs besides (epoch, the certified block's parent and round, the
   * exact signing bytes).
   */
  public static ObjectNode qc(QuorumCertificate qc) {
    ObjectNode o = JSON.objectNode();
    o.put("round", quantity(qc.round()));
    o.put("blockHash", qc.blockId().toHex());
    o.put("signersBitmap", qc.signers().toBytes().toHex());
    o.put("aggregateSignature", qc.aggregate().toBytes().toHex());
    o.put("epoch", quantity(qc.epoch()));
    o.put("parentHash", qc.vote().parentId().toHex());
    o.put("parentRound", quantity(qc.vote().parentRound()));
    o.put("chainId", quantity(qc.vote().chainId()));
    o.put("signingBytes", qc.vote().signingBytes().toHex());
    return o;
  }

  /** One validator of a set: address, keys and voting power. */
  public static ObjectNode validator(ValidatorInfo v) {
    ObjectNode o = JSON.objectNode();
    o.put("address", v.address().toHex());
    o.put("blsPublicKey", v.blsKey().toBytes().toHex());
    o.put("nodePublicKey", v.nodePublicKey().toHex());
    o.put("votingPower", quantity(v.votingPower()));
    return o;
  }

  /** A validator set: epoch, members in bitmap order, total power and quorum threshold. */
  public static ObjectNode validatorSet(ValidatorSet set) {
    ObjectNode o = JSON.objectNode();
    o.put("epoch", quantity(set.epoch()));
    ArrayNode members = o.putArray("validators");
    set.validators().forEach(v -> members.add(validator(v)));
    o.put("totalPower", quantity(set.totalPower()));
    o.put("quorumThreshold", quantity(set.quorumPower()));
    return o;
  }

  /** The slashing reason of an equivocation of {@code evidence}'s kind. */
  public static String reason(Evidence evidence) {
    return "equivocation-" + evidence.kind().domain();
  }

  /** A piece of evidence: its id, offender, offence and both signed messages. */
  public static ObjectNode evidence(Evidence e) {
    ObjectNode o = JSON.objectNode();
    o.put("id", e.id().toHex());
    o.put("validator", e.validator().toHex());
    o.put("kind", e.kind().domain());
    o.put("reason", reason(e));
    o.put("epoch", quantity(e.epoch()));
    o.put("round", quantity(e.round()));
    o.put("chainId", quantity(e.chainId()));
    ObjectNode a = o.putObject("messageA");
    a.put("signingBytes", e.bytesA().toHex());
    a.put("signature", e.sigA().toBytes().toHex());
    ObjectNode b = o.putObject("messageB");
    b.put("signingBytes", e.bytesB().toHex());
    b.put("signature", e.sigB().toBytes().toHex());
    return o;
  }
}
