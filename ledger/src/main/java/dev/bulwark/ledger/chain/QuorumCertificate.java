package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Hash;

/**
 * Votes of validators holding at least floor(2W/3)+1 of the epoch's power for one {@link
 * VoteData}: one aggregate BLS signature plus the signer bitmap (epoch validator order).
 *
 * <p><b>Genesis (round-0) certificates.</b> The block an epoch starts from — the genesis block
 * for the first epoch, later the committed block that ended the previous epoch — is certified by
 * nobody's vote. Its certificate, made by {@link #genesis}, has round 0, parent id equal to the
 * block id, parent round 0, an all-zero bitmap of the set's size and the identity signature
 * {@link BlsSignature#INFINITY}; the constructor admits no other round-0 shape. {@link #verify}
 * accepts it after the epoch and bitmap size checks, without a signature check, so callers must
 * check that its {@link #blockId()} is the epoch's root block they already trust (as the block
 * tree does for its root). The genesis block itself (number 0) carries no certificate at all:
 * see {@link BlockHeader#parentQc()}.
 */
public record QuorumCertificate(VoteData vote, BlsSignature aggregate, SignerBitmap signers) {
  public QuorumCertificate {
    Require.present(vote, "vote data");
    Require.present(aggregate, "aggregate signature");
    Require.present(signers, "signer bitmap");
    if (vote.round() == 0
        && (!vote.parentId().equals(vote.blockId())
            || signers.count() != 0
            || !aggregate.equals(BlsSignature.INFINITY))) {
      throw new IllegalArgumentException(
          "a round-0 certificate must be the unsigned genesis form (parent = block, no signers,"
              + " identity signature)");
    }
  }

  /** The unsigned round-0 certificate of {@code rootBlockId}, where {@code set}'s epoch starts. */
  public static QuorumCertificate genesis(long chainId, ValidatorSet set, Hash rootBlockId) {
    VoteData vote = new VoteData(chainId, set.epoch(), 0, rootBlockId, rootBlockId, 0);
    return new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.empty(set.size()));
  }

  /** True for the unsigned round-0 certificate of an epoch's root block. */
  public boolean isGenesis() {
    return vote.round() == 0;
  }

  /** The certified block. */
  public Hash blockId() {
    return vote.blockId();
  }

  /** The certified block's round. */
  public long round() {
    return vote.round();
  }

  /** The epoch the votes were cast in. */
  public long epoch() {
    return vote.epoch();
  }

  /**
   * Checks epoch, bitmap size, signer power and the aggregate signature (one fast-aggregate
   * verification); a genesis certificate passes after the first two (see the class comment).
   */
  public void verify(ValidatorSet set) throws VerificationException {
    verify(set, SignatureScheme.BLS);
  }

  /** As {@link #verify(ValidatorSet)}, with the given signature scheme (the simulation's). */
  public void verify(ValidatorSet set, SignatureScheme scheme) throws VerificationException {
    QuorumRule.checkShape(vote.epoch(), signers, set, "QC");
    if (isGenesis()) {
      return;
    }
    QuorumRule.checkPower(signers, set, "QC");
    if (!scheme.fastAggregateVerify(
        set.publicKeys(signers), vote.signingBytes().toArray(), aggregate)) {
      throw new VerificationException(
          Fault.BAD_SIGNATURE, "QC aggregate signature does not verify for round " + round());
    }
  }

  /** As {@link #verify(ValidatorSet)}, and the certificate must be for chain {@code chainId}. */
  public void verify(long chainId, ValidatorSet set) throws VerificationException {
    verify(chainId, set, SignatureScheme.BLS);
  }

  /** As {@link #verify(long, ValidatorSet)}, with the given signature scheme. */
  public void verify(long chainId, ValidatorSet set, SignatureScheme scheme)
      throws VerificationException {
    QuorumRule.checkChain(chainId, vote.chainId(), "QC");
    verify(set, scheme);
  }
}
