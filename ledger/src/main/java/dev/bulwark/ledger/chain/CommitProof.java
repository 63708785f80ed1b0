package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Hash;

/**
 * Offline proof that block {@code qc.vote().parentId()} is final: a QC on a child of it from the
 * very next round (two-chain rule, DESIGN.md section 4). Because vote bytes name the parent id
 * and round, anyone with the epoch's validator set can check it. The constructor enforces the
 * consecutive-round rule, so a value of this type always has the commit shape.
 */
public record CommitProof(QuorumCertificate qc) {
  public CommitProof {
    Require.present(qc, "QC");
    if (qc.isGenesis() || qc.vote().round() != qc.vote().parentRound() + 1) {
      throw new IllegalArgumentException(
          "a commit proof needs a QC whose round " + qc.vote().round()
              + " directly follows its parent's round " + qc.vote().parentRound());
    }
  }

  /** The block whose finality this proves. */
  public Hash committedBlockId() {
    return qc.vote().parentId();
  }

  /** The committed block's round. */
  public long committedRound() {
    return qc.vote().parentRound();
  }

  /** The epoch whose validator set signed the proof. */
  public long epoch() {
    return qc.epoch();
  }

  /** Verifies the QC against the epoch's validator set (see {@link QuorumCertificate#verify}). */
  public void verify(ValidatorSet set) throws VerificationException {
    qc.verify(set);
  }

  /** As {@link #verify(ValidatorSet)}, and the proof must be for chain {@code chainId}. */
  public void verify(long chainId, ValidatorSet set) throws VerificationException {
    qc.verify(chainId, set);
  }

  /** As {@link #verify(long, ValidatorSet)}, with the given signature scheme. */
  public void verify(long chainId, ValidatorSet set, SignatureScheme scheme)
      throws VerificationException {
    qc.verify(chainId, set, scheme);
  }
}
