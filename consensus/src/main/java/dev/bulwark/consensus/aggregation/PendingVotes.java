package dev.bulwark.consensus.aggregation;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.InvalidSignaturePointException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Votes collected by the next leader, per round and per voted block, until they form a QC (after
 * Aptos' {@code pending_votes}).
 *
 * <p>Verification is optimistic: votes are stored unchecked; when a block's votes reach the quorum
 * power they are aggregated and the aggregate is verified once (one pairing check instead of one
 * per vote — what makes large validator sets affordable). Only when that fails is each vote
 * verified on its own; the bad ones are dropped and their senders reported.
 */
public final class PendingVotes {
  /** Most votes one validator may have pending for one round (one vote, one equivocation). */
  static final int MAX_VOTES_PER_AUTHOR_AND_ROUND = 2;

  private final ValidatorSet validators;
  private final SignatureScheme scheme;
  private final TreeMap<Long, Round> rounds = new TreeMap<>();

  private record Entry(VoteMessage vote, PeerId from) {}

  private static final class Round {
    final Map<VoteData, Tally> tallies = new HashMap<>();
    final Map<Integer, Integer> votesByAuthor = new HashMap<>();
  }

  private static final class Tally {
    final TreeMap<Integer, Entry> byIndex = new TreeMap<>();
    boolean certified;
  }

  /** Collects votes of the epoch of {@code validators}, verified under {@code scheme}. */
  public PendingVotes(ValidatorSet validators, SignatureScheme scheme) {
    this.validators = validators;
    this.scheme = scheme;
  }

  /**
   * Adds a vote by the validator at bitmap index {@code index}, received from {@code from}; the
   * caller has checked that the author is that validator and the epoch is this one.
   */
  public VoteOutcome add(VoteMessage vote, int index, PeerId from) {
    Round round = rounds.computeIfAbsent(vote.round(), r -> new Round());
    Tally tally = round.tallies.get(vote.vote());
    Entry existing = tally == null ? null : tally.byIndex.get(index);
    if (existing != null) {
      return existing.vote().equals(vote)
          ? VoteOutcome.NONE
          : resolve(tally, index, existing, new Entry(vote, from));
    }
    if (round.votesByAuthor.getOrDefault(index, 0) >= MAX_VOTES_PER_AUTHOR_AND_ROUND) {
      return VoteOutcome.NONE;
    }
    round.votesByAuthor.merge(index, 1, Integer::sum);
    if (tally == null) {
      tally = new Tally();
      round.tallies.put(vote.vote(), tally);
    }
    tally.byIndex.put(index, new Entry(vote, from));
    return tryCertify(vote.vote(), tally, new ArrayList<>());
  }

  /** Same block, same author, different signatures: at most one verifies; keep that one. */
  private VoteOutcome resolve(Tally tally, int index, Entry existing, Entry fresh) {
    List<PeerId> bad = new ArrayList<>();
    boolean existingOk = verifies(existing.vote(), index);
    boolean freshOk = !existingOk && verifies(fresh.vote(), index);
    if (!existingOk) {
      bad.add(existing.from());
      tally.byIndex.remove(index);
    }
    if (existingOk || !freshOk) {
      bad.add(fresh.from());
    }
    if (freshOk) {
      tally.byIndex.put(index, fresh);
    }
    return tryCertify(fresh.vote().vote(), tally, bad);
  }

  private VoteOutcome tryCertify(VoteData data, Tally tally, List<PeerId> bad) {
    if (tally.certified || !hasQuorum(tally)) {
      return new VoteOutcome(Optional.empty(), bad);
    }
    Optional<QuorumCertificate> qc = aggregate(data, tally);
    if (qc.isEmpty()) {
      // the optimistic check failed: find the bad votes one by one
      for (Integer i : new ArrayList<>(tally.byIndex.keySet())) {
        Entry e = tally.byIndex.get(i);
        if (!verifies(e.vote(), i)) {
          tally.byIndex.remove(i);
          bad.add(e.from());
        }
      }
      qc = hasQuorum(tally) ? aggregate(data, tally) : Optional.empty();
    }
    qc.ifPresent(q -> tally.certified = true);
    return new VoteOutcome(qc, bad);
  }

  private boolean hasQuorum(Tally tally) {
    BigInteger power = BigInteger.ZERO;
    for (int i : tally.byIndex.keySet()) {
      power = power.add(validators.get(i).votingPower());
    }
    return power.compareTo(validators.quorumPower()) >= 0;
  }

  private Optional<QuorumCertificate> aggregate(VoteData data, Tally tally) {
    List<BlsSignature> sigs = new ArrayList<>();
    for (Entry e : tally.byIndex.values()) {
      sigs.add(e.vote().signature());
    }
    SignerBitmap signers = SignerBitmap.of(validators.size(), tally.byIndex.keySet());
    BlsSignature aggregate;
    try {
      aggregate = scheme.aggregate(sigs);
    } catch (InvalidSignaturePointException e) {
      return Optional.empty(); // a signature is not even a valid point
    }
    if (!scheme.fastAggregateVerify(
        validators.publicKeys(signers), data.signingBytes().toArray(), aggregate)) {
      return Optional.empty();
    }
    return Optional.of(new QuorumCertificate(data, aggregate, signers));
  }

  private boolean verifies(VoteMessage vote, int index) {
    return scheme.verify(
        validators.get(index).blsKey(), vote.vote().signingBytes().toArray(), vote.signature());
  }

  /** Forgets every round below {@code round}. */
  public void pruneBelow(long round) {
    rounds.headMap(round).clear();
  }

  /** Number of rounds with pending votes (bounded-memory checks). */
  public int roundCount() {
    return rounds.size();
  }
}
