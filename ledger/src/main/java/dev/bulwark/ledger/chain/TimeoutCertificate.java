package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timeouts for {@code round} from validators holding at least floor(2W/3)+1 of the power. Each
 * signer signed its own {@link TimeoutData} naming its highest QC round, so {@code highQcRounds}
 * holds one round per signer in bitmap order and the aggregate is checked with multi-message
 * aggregate verification.
 */
public record TimeoutCertificate(
    long chainId,
    long epoch,
    long round,
    List<Long> highQcRounds,
    BlsSignature aggregate,
    SignerBitmap signers) {
  public TimeoutCertificate {
    Require.nonNegative(chainId, "chain id");
    Require.nonNegative(epoch, "epoch");
    Require.nonNegative(round, "round");
    highQcRounds = List.copyOf(Require.present(highQcRounds, "high QC rounds"));
    Require.present(aggregate, "aggregate signature");
    Require.present(signers, "signer bitmap");
    if (highQcRounds.isEmpty() || highQcRounds.size() != signers.count()) {
      throw new IllegalArgumentException(
          "a TC needs one high QC round per signer: " + highQcRounds.size() + " rounds, "
              + signers.count() + " signers");
    }
    for (long r : highQcRounds) {
      Require.nonNegative(r, "high QC round");
      if (r >= round) {
        throw new IllegalArgumentException(
            "high QC round " + r + " must be below the TC's round " + round);
      }
    }
  }

  /** The highest of the signers' QC rounds: a proposal after this TC must extend a QC this high. */
  public long highestQcRound() {
    return Collections.max(highQcRounds);
  }

  /** The timeout messages the signers signed, in bitmap order. */
  public List<TimeoutData> signedTimeouts() {
    List<TimeoutData> out = new ArrayList<>(highQcRounds.size());
    for (long r : highQcRounds) {
      out.add(new TimeoutData(chainId, epoch, round, r));
    }
    return out;
  }

  /** Checks epoch, bitmap size, signer power and the multi-message aggregate signature. */
  public void verify(ValidatorSet set) throws VerificationException {
    verify(set, SignatureScheme.BLS);
  }

  /** As {@link #verify(ValidatorSet)}, with the given signature scheme (the simulation's). */
  public void verify(ValidatorSet set, SignatureScheme scheme) throws VerificationException {
    QuorumRule.checkShape(epoch, signers, set, "TC");
    QuorumRule.checkPower(signers, set, "TC");
    List<byte[]> messages =
        signedTimeouts().stream().map(t -> t.signingBytes().toArray()).toList();
    if (!scheme.aggregateVerify(set.publicKeys(signers), messages, aggregate)) {
      throw new VerificationException(
          Fault.BAD_SIGNATURE, "TC aggregate signature does not verify for round " + round);
    }
  }

  /** As {@link #verify(ValidatorSet)}, and the certificate must be for chain {@code chainId}. */
  public void verify(long chainId, ValidatorSet set) throws VerificationException {
    verify(chainId, set, SignatureScheme.BLS);
  }

  /** As {@link #verify(long, ValidatorSet)}, with the given signature scheme. */
  public void verify(long chainId, ValidatorSet set, SignatureScheme scheme)
      throws VerificationException {
    QuorumRule.checkChain(chainId, this.chainId, "TC");
    verify(set, scheme);
  }
}
