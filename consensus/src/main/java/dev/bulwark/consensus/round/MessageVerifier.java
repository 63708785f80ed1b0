package dev.bulwark.consensus.round;

import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks authors, signatures and certificates of one epoch. Verified certificates are cached (the
 * same QC arrives in many messages: proposals, timeouts, sync info), so each costs one verification
 * however often it is seen.
 */
final class MessageVerifier {
  private static final int CACHE_SIZE = 256;

  private final long chainId;
  private final ValidatorSet validators;
  private final SignatureScheme scheme;
  private final Hash epochRootId;
  private final Map<Object, Boolean> verified =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  MessageVerifier(long chainId, ValidatorSet validators, SignatureScheme scheme, Hash epochRoot) {
    this.chainId = chainId;
    this.validators = validators;
    this.scheme = scheme;
    this.epochRootId = epochRoot;
  }

  ValidatorSet validators() {
    return validators;
  }

  /** The author's bitmap index; NOT_A_VALIDATOR when it holds no seat in this epoch. */
  int indexOf(Address author) throws InvalidMessageException {
    return validators
        .indexOf(author)
        .orElseThrow(
            () ->
                new InvalidMessageException(
                    PenaltyReason.NOT_A_VALIDATOR,
                    author + " is not a validator of epoch " + validators.epoch()));
  }

  /** The signature of the validator at {@code index} over {@code data} must verify. */
  void checkSignature(SigningData data, int index, BlsSignature signature)
      throws InvalidMessageException {
    if (data.chainId() != chainId) {
      throw new InvalidMessageException(
          PenaltyReason.BAD_SIGNATURE,
          "signed for chain " + data.chainId() + ", this is chain " + chainId);
    }
    if (!scheme.verify(validators.get(index).blsKey(), data.signingBytes().toArray(), signature)) {
      throw new InvalidMessageException(
          PenaltyReason.BAD_SIGNATURE,
          data.kind().domain()
              + " signature of "
              + validators.get(index).address()
              + " does not verify");
    }
  }

  /**
   * The QC must verify against this epoch's set; a genesis (round-0) QC only for the block the
   * epoch started from.
   */
  void checkQc(QuorumCertificate qc) throws InvalidMessageException {
    if (qc.isGenesis()) {
      if (qc.vote().chainId() != chainId
          || qc.epoch() != validators.epoch()
          || !qc.blockId().equals(epochRootId)) {
        throw new InvalidMessageException(
            PenaltyReason.INVALID_CERTIFICATE,
            "genesis QC for " + qc.blockId() + " is not this epoch's root");
      }
      return;
    }
    if (verified.containsKey(qc)) {
      return;
    }
    try {
      qc.verify(chainId, validators, scheme);
    } catch (VerificationException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_CERTIFICATE, e.getMessage());
    }
    verified.put(qc, Boolean.TRUE);
  }

  /** The TC must verify against this epoch's set (multi-message aggregate verification). */
  void checkTc(TimeoutCertificate tc) throws InvalidMessageException {
    if (verified.containsKey(tc)) {
      return;
    }
    try {
      tc.verify(chainId, validators, scheme);
    } catch (VerificationException e) {
      throw new InvalidMessageException(PenaltyReason.INVALID_CERTIFICATE, e.getMessage());
    }
    verified.put(tc, Boolean.TRUE);
  }

  /** Marks a certificate this node built itself as verified. */
  void trust(Object certificate) {
    verified.put(certificate, Boolean.TRUE);
  }
}
