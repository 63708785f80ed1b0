package dev.bulwark.rpc.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.staking.EpochEntry;
import dev.bulwark.ledger.staking.EpochSetSlot;
import dev.bulwark.ledger.state.merkle.MerkleProof;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.proof.ProofException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@code bulwark_getCommitProof} answer offline, trusting nothing but the genesis: its
 * chain id and validator set (epoch 1's). Each epoch-change proof must be signed by the set the
 * chain has reached and must prove, by a Merkle proof under its epoch-ending block's state root,
 * the set of the next epoch; the block's own QC must then be signed by its epoch's set and commit
 * a header that the block's header leads to.
 */
public final class CommitProofVerifier {
  private final long chainId;
  private final ValidatorSet genesisSet;

  /** A verifier for chain {@code chainId} whose first epoch is validated by {@code genesisSet}. */
  public CommitProofVerifier(long chainId, ValidatorSet genesisSet) {
    if (genesisSet == null || genesisSet.epoch() != 1) {
      throw new IllegalArgumentException("the genesis validator set is epoch 1's");
    }
    this.chainId = chainId;
    this.genesisSet = genesisSet;
  }

  /** Verifies {@code proof} (a {@code bulwark_getCommitProof} result); throws why it fails. */
  public VerifiedCommit verify(JsonNode proof) throws ProofException {
    ValidatorSet set = walk(member(proof, "epochChangeProofs"), Long.MAX_VALUE);
    long epoch = quantity(proof, "epoch");
    if (epoch != set.epoch()) {
      throw new ProofException(Reason.UNKNOWN_EPOCH, "the block is in epoch " + epoch
          + ", the epoch chain reaches epoch " + set.epoch());
    }
    Finalised f = finalised(proof, set);
    if (f.header().epoch() != epoch) {
      throw new ProofException(Reason.BLOCK_HASH_MISMATCH, "the block header is of epoch "
          + f.header().epoch() + ", not " + epoch);
    }
    return new VerifiedCommit(f.header().number(), f.header().hash(), epoch, set, f.signedPower());
  }

  /**
   * The validator set of {@code epoch}, trusted after checking {@code epochChangeProofs} (a
   * {@code bulwark_getEpochChangeProof(1)} answer or a commit proof's chain) from the genesis.
   */
  public ValidatorSet validatorSet(JsonNode epochChangeProofs, long epoch) throws ProofException {
    ValidatorSet set = walk(epochChangeProofs, epoch);
    if (set.epoch() != epoch) {
      throw new ProofException(Reason.UNKNOWN_EPOCH, "the epoch chain reaches epoch "
          + set.epoch() + ", not " + epoch);
    }
    return set;
  }

  /**
   * Verifies the {@code qc} of a block JSON (its {@code round, blockHash, signersBitmap,
   * aggregateSignature}, certifying the block's parent) under {@code set}: the votes named the
   * certified block's parent {@code certifiedParentHash} and that parent's round {@code
   * certifiedParentRound} (the certified block's own {@code parentHash} and {@code qc.round}).
   * Returns the signers' power. A QC proves the parent certified; finality needs a commit proof.
   */
  public BigInteger verifyBlockQc(JsonNode qc, ValidatorSet set, Hash certifiedParentHash,
      long certifiedParentRound) throws ProofException {
    VoteData vote;
    try {
      vote = new VoteData(chainId, set.epoch(), quantity(qc, "round"), hash(qc, "blockHash"),
          certifiedParentHash, certifiedParentRound);
    } catch (IllegalArgumentException e) {
      throw new ProofException(Reason.MALFORMED, "the QC's round does not follow its parent's", e);
    }
    QuorumCertificate certificate = signed(qc, vote, set);
    check(certificate, set);
    return set.powerOf(certificate.signers());
  }

  /** Checks the proofs in order from the genesis set, stopping once {@code epoch} is reached. */
  private ValidatorSet walk(JsonNode chain, long epoch) throws ProofException {
    if (!chain.isArray()) {
      throw malformed("epochChangeProofs is not an array");
    }
    ValidatorSet set = genesisSet;
    for (int k = 0; k < chain.size() && set.epoch() < epoch; k++) {
      set = nextSet(chain.get(k), set, k);
    }
    return set;
  }

  /** Checks one epoch-change proof under {@code set}; returns the next epoch's set. */
  private ValidatorSet nextSet(JsonNode step, ValidatorSet set, int k) throws ProofException {
    long epoch = quantity(step, "epoch");
    if (epoch != set.epoch()) {
      throw new ProofException(Reason.BROKEN_EPOCH_CHAIN, "epoch-change proof " + k + " is for epoch "
          + epoch + ", the chain has reached epoch " + set.epoch());
    }
    BlockHeader end = finalised(step, set).header();
    if (end.epoch() != epoch) {
      throw new ProofException(Reason.BROKEN_EPOCH_CHAIN, "epoch-change proof " + k
          + "'s block is of epoch " + end.epoch() + ", not " + epoch);
    }
    JsonNode slot = member(step, "nextValidatorSetProof");
    Bytes value = hex(slot, "value");
    List<Bytes> nodes = new ArrayList<>();
    JsonNode merkle = member(slot, "merkleProof");
    if (!merkle.isArray()) {
      throw malformed("merkleProof is not an array");
    }
    for (JsonNode n : merkle) {
      nodes.add(hexValue(n, "merkleProof"));
    }
    Hash key = EpochSetSlot.stateKey(epoch + 1);
    if (!MerkleStateTree.verify(end.stateRoot(), key, value, new MerkleProof(nodes))) {
      throw new ProofException(Reason.BROKEN_EPOCH_CHAIN, "the set of epoch " + (epoch + 1)
          + " is not proven in the state of block " + end.number());
    }
    EpochEntry entry;
    try {
      entry = EpochSetSlot.decode(value);
    } catch (DecodeException e) {
      throw new ProofException(Reason.MALFORMED, "the set of epoch " + (epoch + 1)
          + " does not decode", e);
    }
    if (entry.epoch() != epoch + 1 || entry.startBlock() != end.number() + 1) {
      throw new ProofException(Reason.BROKEN_EPOCH_CHAIN, "block " + end.number()
          + " stores the set of epoch " + entry.epoch() + " from block " + entry.startBlock()
          + ", not epoch " + (epoch + 1) + "'s");
    }
    checkShownSet(member(step, "nextValidatorSet"), entry.set());
    return entry.set();
  }

  /** The set shown beside the proof must be the proven one, member for member. */
  private static void checkShownSet(JsonNode shown, ValidatorSet proven) throws ProofException {
    JsonNode members = member(shown, "validators");
    boolean same = quantity(shown, "epoch") == proven.epoch() && members.isArray()
        && members.size() == proven.size();
    for (int i = 0; same && i < proven.size(); i++) {
      ValidatorInfo v = proven.get(i);
      JsonNode m = members.get(i);
      same = hex(m, "address").equals(v.address().bytes())
          && hex(m, "blsPublicKey").equals(v.blsKey().toBytes())
          && hex(m, "nodePublicKey").equals(v.nodePublicKey())
          && text(member(m, "votingPower"), "votingPower").equals("0x" + v.votingPower().toString(16));
    }
    if (!same) {
      throw new ProofException(Reason.BROKEN_EPOCH_CHAIN, "nextValidatorSet of epoch "
          + proven.epoch() + " is not the set the state proves");
    }
  }

  private record Finalised(BlockHeader header, BigInteger signedPower) {}

  /**
   * Checks that the headers hash-link from the claimed block to the block the QC commits, and the
   * QC under {@code set}; returns the claimed block's header.
   */
  private Finalised finalised(JsonNode node, ValidatorSet set) throws ProofException {
    long number = quantity(node, "blockNumber");
    Hash hash = hash(node, "blockHash");
    JsonNode raw = member(node, "headers");
    if (!raw.isArray() || raw.isEmpty()) {
      throw malformed("headers must be a non-empty array");
    }
    List<BlockHeader> headers = new ArrayList<>();
    for (JsonNode h : raw) {
      try {
        headers.add(BlockCodec.decodeHeader(hexValue(h, "headers").toArray()));
      } catch (DecodeException e) {
        throw new ProofException(Reason.MALFORMED, "a header does not decode", e);
      }
    }
    BlockHeader first = headers.get(0);
    if (!first.hash().equals(hash) || first.number() != number) {
      throw new ProofException(Reason.BLOCK_HASH_MISMATCH, "the first header is block "
          + first.number() + " " + first.hash() + ", not block " + number + " " + hash);
    }
    for (int i = 1; i < headers.size(); i++) {
      BlockHeader h = headers.get(i);
      BlockHeader prev = headers.get(i - 1);
      if (!h.parentHash().equals(prev.hash()) || h.number() != prev.number() + 1) {
        throw new ProofException(Reason.BLOCK_HASH_MISMATCH, "header " + h.number()
            + " is not the child of block " + prev.number() + " " + prev.hash());
      }
    }
    QuorumCertificate qc = qc(member(node, "qc"), set);
    Hash last = headers.get(headers.size() - 1).hash();
    if (!qc.vote().parentId().equals(last)) {
      throw new ProofException(Reason.BLOCK_HASH_MISMATCH, "the QC commits " + qc.vote().parentId()
          + ", not the last header's block " + last);
    }
    check(qc, set);
    return new Finalised(first, set.powerOf(qc.signers()));
  }

  private void check(QuorumCertificate qc, ValidatorSet set) throws ProofException {
    try {
      qc.verify(chainId, set);
    } catch (VerificationException e) {
      throw new ProofException(switch (e.fault()) {
        case WRONG_CHAIN -> Reason.WRONG_CHAIN;
        case WRONG_EPOCH -> Reason.UNKNOWN_EPOCH;
        case WRONG_BITMAP_SIZE -> Reason.MALFORMED;
        case INSUFFICIENT_POWER -> Reason.POWER_BELOW_QUORUM;
        case BAD_SIGNATURE -> Reason.BAD_AGGREGATE_SIGNATURE;
      }, e.getMessage(), e);
    }
  }

  /** The QC from its JSON; the signing bytes must agree with the members shown beside them. */
  private QuorumCertificate qc(JsonNode qc, ValidatorSet set) throws ProofException {
    VoteData vote;
    try {
      vote = VoteData.fromSigningBytes(hex(qc, "signingBytes"));
    } catch (DecodeException e) {
      throw new ProofException(Reason.MALFORMED, "qc.signingBytes are not vote signing bytes", e);
    }
    if (vote.round() != quantity(qc, "round") || !vote.blockId().equals(hash(qc, "blockHash"))
        || vote.epoch() != quantity(qc, "epoch")
        || !vote.parentId().equals(hash(qc, "parentHash"))
        || vote.parentRound() != quantity(qc, "parentRound")) {
      throw malformed("qc members do not match its signing bytes");
    }
    if (vote.chainId() != chainId) {
      throw new ProofException(Reason.WRONG_CHAIN, "the QC is for chain " + vote.chainId()
          + ", the genesis is chain " + chainId);
    }
    if (vote.round() == 0 || vote.round() != vote.parentRound() + 1) {
      throw new ProofException(Reason.NOT_A_COMMIT, "QC round " + vote.round()
          + " does not directly follow its parent's round " + vote.parentRound());
    }
    if (vote.epoch() != set.epoch()) {
      throw new ProofException(Reason.UNKNOWN_EPOCH, "the QC is of epoch " + vote.epoch()
          + ", the trusted set is epoch " + set.epoch() + "'s");
    }
    return signed(qc, vote, set);
  }

  /** The certificate of {@code vote} with the bitmap and signature {@code qc} shows. */
  private static QuorumCertificate signed(JsonNode qc, VoteData vote, ValidatorSet set)
      throws ProofException {
    SignerBitmap signers;
    try {
      signers = SignerBitmap.fromBytes(set.size(), hex(qc, "signersBitmap"));
    } catch (IllegalArgumentException e) {
      throw new ProofException(Reason.MALFORMED, "qc.signersBitmap: " + e.getMessage(), e);
    }
    BlsSignature aggregate;
    try {
      aggregate = BlsSignature.fromBytes(hex(qc, "aggregateSignature"));
    } catch (IllegalArgumentException e) {
      // A corrupted signature is usually no curve point at all: it fails as a signature.
      throw new ProofException(Reason.BAD_AGGREGATE_SIGNATURE,
          "qc.aggregateSignature is not a valid BLS signature", e);
    }
    try {
      return new QuorumCertificate(vote, aggregate, signers);
    } catch (IllegalArgumentException e) {
      // Only an epoch's unsigned root certificate has round 0; it proves nothing offline.
      throw new ProofException(Reason.MALFORMED, "a round-0 QC is an epoch root, not a vote", e);
    }
  }

  private static JsonNode member(JsonNode node, String name) throws ProofException {
    JsonNode m = node == null ? null : node.get(name);
    if (m == null || m.isNull()) {
      throw malformed("missing member " + name);
    }
    return m;
  }

  private static long quantity(JsonNode node, String name) throws ProofException {
    String s = text(member(node, name), name);
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18
        || (s.length() > 3 && s.charAt(2) == '0')) {
      throw malformed(name + " is not a quantity");
    }
    try {
      return Long.parseLong(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new ProofException(Reason.MALFORMED, name + " is not a quantity", e);
    }
  }

  private static Hash hash(JsonNode node, String name) throws ProofException {
    Bytes b = hex(node, name);
    if (b.size() != Hash.SIZE) {
      throw malformed(name + " is not 32 bytes");
    }
    return new Hash(b);
  }

  private static Bytes hex(JsonNode node, String name) throws ProofException {
    return hexValue(member(node, name), name);
  }

  private static Bytes hexValue(JsonNode value, String name) throws ProofException {
    String s = text(value, name);
    if (!s.startsWith("0x") || s.length() % 2 != 0
        || !s.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
      throw malformed(name + " is not 0x-prefixed even-length hex");
    }
    return Bytes.fromHex(s.substring(2));
  }

  private static String text(JsonNode value, String name) throws ProofException {
    if (!value.isTextual()) {
      throw malformed(name + " is not a string");
    }
    return value.textValue();
  }

  private static ProofException malformed(String message) {
    return new ProofException(Reason.MALFORMED, message);
  }
}
