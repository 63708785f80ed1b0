package dev.bulwark.consensus.round;

import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a message's signature checks ahead of the core, on any thread. The node calls it on worker
 * threads with a memoizing {@link SignatureScheme}, so the expensive pairings are done in parallel
 * and the core, which checks again on its own thread, finds the answers cached. It decides nothing:
 * a failing check is left for the core to find and penalise.
 */
public final class SignaturePrecheck {
  private static final Logger LOG = LoggerFactory.getLogger(SignaturePrecheck.class);

  private SignaturePrecheck() {}

  /** Verifies the signatures and certificates of {@code message} against {@code set}. */
  public static void run(
      long chainId, ValidatorSet set, SignatureScheme scheme, ConsensusMessage message) {
    if (set == null) {
      return;
    }
    // Genesis QCs are cheap to check and need the epoch root; Hash.ZERO makes them fail here only.
    MessageVerifier verifier = new MessageVerifier(chainId, set, scheme, Hash.ZERO);
    try {
      if (message instanceof ProposalMessage p && p.epoch() == set.epoch()) {
        verifier.checkSignature(p.proposalData(chainId), verifier.indexOf(p.author()), p.signature());
        if (!p.parentQc().isGenesis()) {
          verifier.checkQc(p.parentQc());
        }
        if (p.lastRoundTc().isPresent()) {
          verifier.checkTc(p.lastRoundTc().get());
        }
      } else if (message instanceof VoteMessage v && v.epoch() == set.epoch()) {
        verifier.checkSignature(v.vote(), verifier.indexOf(v.author()), v.signature());
      } else if (message instanceof SyncInfo i && i.epoch() == set.epoch()) {
        for (QuorumCertificate qc : List.of(i.highestQc(), i.commitQc()).stream()
            .flatMap(Optional::stream).filter(q -> !q.isGenesis()).toList()) {
          verifier.checkQc(qc);
        }
        if (i.highestTc().isPresent()) {
          verifier.checkTc(i.highestTc().get());
        }
      } else if (message instanceof CommittedBlocksResponse r) {
        for (CommittedSegment segment : r.segments()) {
          if (segment.proof().epoch() == set.epoch()) {
            verifier.checkQc(segment.proof().qc());
          }
        }
      } else if (message instanceof TimeoutMessage t && t.epoch() == set.epoch()) {
        verifier.checkSignature(t.timeout(), verifier.indexOf(t.author()), t.signature());
        if (!t.highQc().isGenesis()) {
          verifier.checkQc(t.highQc());
        }
        if (t.lastRoundTc().isPresent()) {
          verifier.checkTc(t.lastRoundTc().get());
        }
      }
    } catch (InvalidMessageException e) {
      LOG.trace("precheck found an invalid message, the core will decide: {}", e.getMessage());
    }
  }
}
