package dev.bulwark.consensus.safety;

import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import java.util.Optional;

/**
 * The only holder of the validator's consensus key: two-chain HotStuff safety rules (after Aptos
 * {@code safety_rules_2chain}). Every signing method checks its rule against the stored {@link
 * SafetyData}, saves the updated data to {@link SafetyStorage} and only then returns the signature,
 * so a crash at any point never lets a different message be signed for a round.
 *
 * <ul>
 *   <li>vote: round above the last voted round, and either the block directly extends its QC (round
 *       = QC round + 1) or it follows a TC (round = TC round + 1) with a QC at least as high as the
 *       highest QC round in the TC;
 *   <li>timeout: at most one per round (the stored one is returned again), never for a round below
 *       the last voted round, and the QC it names must extend the one-chain round, with the round
 *       following that QC or a TC; afterwards no vote in that round;
 *   <li>proposal: once per round, only above the last voted round.
 * </ul>
 *
 * <p>Callers pass certificates they have verified (the round manager verifies every incoming QC and
 * TC); these rules check rounds, not signatures.
 */
public final class SafetyRules {
  private final long chainId;
  private final ValidatorSigner signer;
  private final SafetyStorage storage;
  private SafetyData data;
  private ValidatorSet validators;

  /**
   * Rules for {@code signer} on chain {@code chainId}, starting from what {@code storage} holds.
   */
  public SafetyRules(long chainId, ValidatorSigner signer, SafetyStorage storage) {
    this.chainId = chainId;
    this.signer = signer;
    this.storage = storage;
    this.data = storage.load();
  }

  /**
   * Enters the epoch of {@code set}. Moving to a later epoch than the stored one resets the rounds
   * (saved at once); an older epoch than the stored one is refused at signing time.
   */
  public void startEpoch(ValidatorSet set) {
    validators = set;
    if (set.epoch() > data.epoch()) {
      persist(SafetyData.initial(set.epoch()));
    }
  }

  /** The current safety data (as last saved). */
  public SafetyData data() {
    return data;
  }

  /** The signer's address. */
  public ValidatorSigner signer() {
    return signer;
  }

  /** Signs the proposal of {@code block}, once per round, after saving that it did. */
  public BlsSignature signProposal(Block block) throws UnsafeToSignException {
    BlockHeader h = block.header();
    checkEpoch(h.epoch());
    if (!h.proposer().equals(signer.address())) {
      throw new UnsafeToSignException("block proposer " + h.proposer() + " is not this validator");
    }
    if (h.round() <= data.lastProposedRound()) {
      throw new UnsafeToSignException("already proposed in round " + data.lastProposedRound());
    }
    if (h.round() <= data.lastVotedRound()) {
      throw new UnsafeToSignException(
          "proposal round "
              + h.round()
              + " is not above the last voted round "
              + data.lastVotedRound());
    }
    persist(data.proposed(h.round()));
    return signer.sign(new ProposalData(chainId, h.epoch(), h.round(), block.hash()));
  }

  /**
   * The vote for {@code block} (which follows {@code tc} when its round is the TC's round + 1), or
   * the stored vote when one was already signed for that round.
   */
  public VoteMessage vote(Block block, Optional<TimeoutCertificate> tc)
      throws UnsafeToSignException {
    BlockHeader h = block.header();
    checkEpoch(h.epoch());
    QuorumCertificate qc =
        h.parentQc()
            .orElseThrow(() -> new UnsafeToSignException("the genesis block is not voted for"));
    Optional<VoteMessage> last = data.lastVote();
    if (last.isPresent() && last.get().round() == h.round()) {
      return last.get();
    }
    if (h.round() <= data.lastVotedRound()) {
      throw new UnsafeToSignException(
          "round " + h.round() + " is not above the last voted round " + data.lastVotedRound());
    }
    safeToVote(h.round(), qc.round(), tc);
    VoteData vote =
        new VoteData(chainId, h.epoch(), h.round(), block.hash(), h.parentHash(), qc.round());
    VoteMessage signed = new VoteMessage(vote, signer.address(), signer.sign(vote));
    persist(data.observeQc(qc).voted(signed));
    return signed;
  }

  /**
   * The timeout for {@code round} naming {@code highQc} (and carrying {@code tc} when it is the
   * previous round's), or the stored timeout when one was already signed for that round.
   */
  public TimeoutMessage timeout(
      long round, QuorumCertificate highQc, Optional<TimeoutCertificate> tc)
      throws UnsafeToSignException {
    checkEpoch(highQc.epoch());
    Optional<TimeoutMessage> last = data.lastTimeout();
    if (last.isPresent() && last.get().round() == round) {
      return last.get();
    }
    if (round <= data.highestTimeoutRound()) {
      throw new UnsafeToSignException("already timed out in round " + data.highestTimeoutRound());
    }
    if (round < data.lastVotedRound()) {
      throw new UnsafeToSignException(
          "round " + round + " is below the last voted round " + data.lastVotedRound());
    }
    Optional<TimeoutCertificate> previous = tc.filter(t -> t.round() + 1 == round);
    safeToTimeout(round, highQc.round(), previous);
    TimeoutData timeout = new TimeoutData(chainId, highQc.epoch(), round, highQc.round());
    TimeoutMessage signed =
        new TimeoutMessage(timeout, signer.address(), signer.sign(timeout), highQc, previous);
    persist(data.timedOut(signed));
    return signed;
  }

  private void safeToVote(long round, long qcRound, Optional<TimeoutCertificate> tc)
      throws UnsafeToSignException {
    if (round == qcRound + 1) {
      return;
    }
    if (tc.isPresent() && round == tc.get().round() + 1 && qcRound >= tc.get().highestQcRound()) {
      return;
    }
    throw new UnsafeToSignException(
        "not safe to vote in round "
            + round
            + ": QC round "
            + qcRound
            + tc.map(
                    t -> ", TC round " + t.round() + " with highest QC round " + t.highestQcRound())
                .orElse(", no TC"));
  }

  private void safeToTimeout(long round, long qcRound, Optional<TimeoutCertificate> tc)
      throws UnsafeToSignException {
    boolean follows = round == qcRound + 1 || (tc.isPresent() && round == tc.get().round() + 1);
    if (!follows || qcRound < data.oneChainRound()) {
      throw new UnsafeToSignException(
          "not safe to time out round "
              + round
              + " with QC round "
              + qcRound
              + " (one-chain round "
              + data.oneChainRound()
              + ")");
    }
  }

  private void checkEpoch(long epoch) throws UnsafeToSignException {
    if (validators == null || epoch != validators.epoch() || epoch != data.epoch()) {
      throw new UnsafeToSignException(
          "epoch "
              + epoch
              + " is not the current epoch "
              + (validators == null ? "(none started)" : validators.epoch())
              + " of the safety data ("
              + data.epoch()
              + ")");
    }
    if (validators.indexOf(signer.address()).isEmpty()) {
      throw new UnsafeToSignException("not a validator of epoch " + epoch);
    }
  }

  private void persist(SafetyData next) {
    storage.save(next);
    data = next;
  }
}
