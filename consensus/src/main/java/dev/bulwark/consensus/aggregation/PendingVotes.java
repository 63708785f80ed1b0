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
 *
 * <p>Each validator may have at most {@link #MAX_VOTES_PER_AUTHOR_AND_ROUND} votes pending per
 * round, and unchecked votes must not be able to use up that allowance in an honest validator's
 * name: when a vote would exceed it, the newcomer is verified on its own, and if it is good, so are
 * the author's pending unverified votes; forgeries are dropped (their senders reported) and a good
 * newcomer takes a freed place. The individual checks are paid only when someone sends more than
 * one vote per author and round, which an honest validator never does.
 */
public final class PendingVotes {
  /** Most votes one validator may have pending for one round (one vote, one equivocation). */
  static final int MAX_VOTES_PER_AUTHOR_AND_ROUND = 2;

  private final ValidatorSet validators;
  private final SignatureScheme scheme;
  private final TreeMap<Long, Round> rounds = new TreeMap<>();

  private record Entry(VoteMessage vote, PeerId from, boolean verified) {}

  private static final class Round {
    final Map<VoteData, Tally> tallies = new HashMap<>();
    /** The blocks each author has a pending vote for, in arrival order. */
    final Map<Integer, List<VoteData>> votedByAuthor = new HashMap<>();

    void forget(VoteData data, int index) {
      List<VoteData> voted = votedByAuthor.get(index);
      if (voted != null && voted.remove(data) && voted.isEmpty()) {
        votedByAuthor.remove(index);
      }
    }
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
          : resolve(round, tally, index, existing, new Entry(vote, from, false));
    }
    List<PeerId> bad = new ArrayList<>();
    Entry fresh = new Entry(vote, from, false);
    if (voted(round, index).size() >= MAX_VOTES_PER_AUTHOR_AND_ROUND) {
      if (!verifies(vote, index)) {
        return new VoteOutcome(Optional.empty(), List.of(from));
      }
      fresh = new Entry(vote, from, true);
      dropForgeries(round, index, bad);
      if (voted(round, index).size() >= MAX_VOTES_PER_AUTHOR_AND_ROUND) {
        return new VoteOutcome(Optional.empty(), bad); // a real equivocation: the bound holds
      }
    }
    round.votedByAuthor.computeIfAbsent(index, i -> new ArrayList<>()).add(vote.vote());
    if (tally == null) {
      tally = new Tally();
      round.tallies.put(vote.vote(), tally);
    }
    tally.byIndex.put(index, fresh);
    return tryCertify(round, vote.vote(), tally, bad);
  }

  private static List<VoteData> voted(Round round, int index) {
    return round.votedByAuthor.getOrDefault(index, List.of());
  }

  /** Verifies the author's pending unverified votes, dropping the forgeries. */
  private void dropForgeries(Round round, int index, List<PeerId> bad) {
    for (VoteData data : List.copyOf(voted(round, index))) {
      Tally tally = round.tallies.get(data);
      Entry e = tally.byIndex.get(index);
      if (e.verified()) {
        continue;
      }
      if (verifies(e.vote(), index)) {
        tally.byIndex.put(index, new Entry(e.vote(), e.from(), true));
      } else {
        tally.byIndex.remove(index);
        round.forget(data, index);
        bad.add(e.from());
      }
    }
  }

  /** Same block, same author, different signatures: at most one verifies; keep that one. */
  private VoteOutcome resolve(Round round, Tally tally, int index, Entry existing, Entry fresh) {
    List<PeerId> bad = new ArrayList<>();
    VoteData data = fresh.vote().vote();
    boolean existingOk = existing.verified() || verifies(existing.vote(), index);
    boolean freshOk = !existingOk && verifies(fresh.vote(), index);
    if (!existingOk) {
      bad.add(existing.from());
      tally.byIndex.remove(index);
    }
    if (existingOk || !freshOk) {
      bad.add(fresh.from());
    }
    if (freshOk) {
      tally.byIndex.put(index, new Entry(fresh.vote(), fresh.from(), true));
    } else if (existingOk) {
      tally.byIndex.put(index, new Entry(existing.vote(), existing.from(), true));
    } else {
      round.forget(data, index);
    }
    return tryCertify(round, data, tally, bad);
  }

  private VoteOutcome tryCertify(Round round, VoteData data, Tally tally, List<PeerId> bad) {
    if (tally.certified || !hasQuorum(tally)) {
      return new VoteOutcome(Optional.empty(), bad);
    }
    Optional<QuorumCertificate> qc = aggregate(data, tally);
    if (qc.isEmpty()) {
      // the optimistic check failed: find the bad votes one by one
      for (Integer i : new ArrayList<>(tally.byIndex.keySet())) {
        Entry e = tally.byIndex.get(i);
        if (e.verified()) {
          continue;
        }
        if (verifies(e.vote(), i)) {
          tally.byIndex.put(i, new Entry(e.vote(), e.from(), true));
        } else {
          tally.byIndex.remove(i);
          round.forget(data, i);
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
