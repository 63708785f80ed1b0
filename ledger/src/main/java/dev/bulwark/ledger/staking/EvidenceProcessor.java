package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import java.util.ArrayList;
import java.util.List;

/**
 * Admits and applies a block's equivocation evidence. Evidence about epoch {@code e} is admissible
 * in block {@code n} when e is not after the block's own epoch, its offence (the evidence id)
 * was not slashed before, e is a retained epoch with {@code n − start(e) ≤ maxEvidenceAgeBlocks}
 * (start(e) = the first block of epoch e), the offender is in e's set, and both signatures
 * verify under the BLS key it held in e (checked in that order, cheapest first). Anything else
 * makes the whole block invalid: the proposer must filter.
 */
final class EvidenceProcessor {
  private final long maxEvidenceAgeBlocks;
  private final long slashBps;
  private final Slasher slasher;
  private final SignatureScheme scheme;

  EvidenceProcessor(long maxEvidenceAgeBlocks, long slashBps, Slasher slasher, SignatureScheme scheme) {
    this.maxEvidenceAgeBlocks = maxEvidenceAgeBlocks;
    this.slashBps = slashBps;
    this.slasher = slasher;
    this.scheme = scheme;
  }

  /** Checks and applies each piece of evidence in order; returns the logs. */
  List<Log> apply(BlockContext block, List<Evidence> evidence, StakingWriter w)
      throws InvalidBlockException {
    List<Log> logs = new ArrayList<>();
    long current = w.epochs().current();
    for (Evidence e : evidence) {
      if (e.epoch() > current) {
        throw new InvalidBlockException("evidence for future epoch " + e.epoch()
            + " (block is in epoch " + current + ")");
      }
      if (w.isEvidenceApplied(e.id())) {
        throw new InvalidBlockException("evidence already applied: " + e.id());
      }
      EpochEntry entry = w.epoch(e.epoch()).orElseThrow(() -> new InvalidBlockException(
          "evidence too old: the set of epoch " + e.epoch() + " is no longer retained"));
      long age = block.number() - entry.startBlock();
      if (age > maxEvidenceAgeBlocks) {
        throw new InvalidBlockException("evidence too old: epoch " + e.epoch() + " began at block "
            + entry.startBlock() + ", " + age + " > " + maxEvidenceAgeBlocks + " blocks ago");
      }
      ValidatorInfo offender = entry.set().find(e.validator()).orElseThrow(
          () -> new InvalidBlockException("evidence against " + e.validator()
              + ", who is not in the validator set of epoch " + e.epoch()));
      try {
        e.verify(offender.blsKey(), block.chainId(), scheme);
      } catch (VerificationException ex) {
        throw new InvalidBlockException("evidence does not verify: " + ex.getMessage(), ex);
      }
      w.markEvidence(e.id(), block.number());
      logs.addAll(slasher.slash(w, e.validator(), slashBps, SlashReason.EQUIVOCATION, e.id(),
          block.number()));
    }
    return logs;
  }
}
