package dev.bulwark.consensus.evidence;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds equivocations: two different signed proposals, votes or timeouts by one validator for one
 * round of one epoch. The first message per (validator, kind, round) is remembered; a different one
 * for the same slot is checked — both signatures must verify under the author's key, since anyone
 * can forge a bad signature — and becomes {@link Evidence}, reported once per offence ({@link
 * Evidence#id()}).
 *
 * <p>Messages may come in unverified (votes are verified lazily, in aggregate): an unverified
 * remembered message is verified only when a conflicting one arrives, and replaced when bad.
 *
 * <p>Memory is bounded, and nobody can use the bound to hide an offence: only messages of the
 * current epoch whose round lies in a window around the current round ({@link #enterRound}) are
 * remembered, rounds that fall behind the window are forgotten, and when a slot still overflows
 * the farthest-future unverified entry goes first; an unverified entry never displaces a verified
 * one. A flood of forged or far-future messages in a validator's name therefore never evicts its
 * real messages of the rounds being played.
 */
public final class EquivocationDetector {
  /** Rounds remembered per (validator, kind). */
  public static final int MAX_ROUNDS_PER_SLOT = 128;

  private final SignatureScheme scheme;
  private final long roundsAhead;
  private final long roundsBehind;
  private long epoch = -1;
  private long round;
  private final Map<SlotKey, TreeMap<Long, Seen>> seen = new HashMap<>();
  private final Set<Hash> reported = new HashSet<>();

  private record SlotKey(Address author, int kindCode, long epoch) {}

  private static final class Seen {
    final SigningData data;
    final Bytes bytes;
    final BlsSignature signature;
    boolean verified;

    Seen(SigningData data, BlsSignature signature, boolean verified) {
      this.data = data;
      this.bytes = data.signingBytes();
      this.signature = signature;
      this.verified = verified;
    }
  }

  /**
   * A detector verifying signatures under {@code scheme}, remembering rounds up to {@code
   * roundsAhead} above the current one and as many below as the rest of {@link
   * #MAX_ROUNDS_PER_SLOT} allows (at least one).
   */
  public EquivocationDetector(SignatureScheme scheme, int roundsAhead) {
    if (roundsAhead < 0) {
      throw new IllegalArgumentException("rounds ahead must not be negative: " + roundsAhead);
    }
    this.scheme = scheme;
    this.roundsAhead = roundsAhead;
    this.roundsBehind = Math.max(1, MAX_ROUNDS_PER_SLOT - 1L - roundsAhead);
  }

  /**
   * Moves the window to {@code round} of {@code epoch}: earlier epochs and the rounds that fell
   * behind the window are forgotten. The window never moves back.
   */
  public void enterRound(long epoch, long round) {
    if (epoch < this.epoch || (epoch == this.epoch && round <= this.round)) {
      return;
    }
    if (epoch > this.epoch) {
      forgetEpochsBelow(epoch);
    }
    this.epoch = epoch;
    this.round = round;
    long floor = round - roundsBehind;
    seen.values().forEach(rounds -> rounds.headMap(floor).clear());
  }

  /** True when {@code data} lies in the current epoch and round window (it may be remembered). */
  public boolean inWindow(SigningData data) {
    return data.epoch() == epoch
        && data.round() >= round - roundsBehind
        && data.round() - round <= roundsAhead;
  }

  /**
   * Observes {@code data} signed by {@code author} (key {@code key}) with {@code signature}; {@code
   * verified} says whether the caller already checked that signature. Outside the window ({@link
   * #inWindow}) nothing is remembered and nothing found.
   */
  public Observation observe(
      SigningData data,
      Address author,
      BlsPublicKey key,
      BlsSignature signature,
      boolean verified) {
    if (!inWindow(data)) {
      return Observation.NOTHING;
    }
    TreeMap<Long, Seen> rounds =
        seen.computeIfAbsent(
            new SlotKey(author, data.kind().code(), data.epoch()), k -> new TreeMap<>());
    Seen first = rounds.get(data.round());
    if (first == null) {
      remember(rounds, data.round(), new Seen(data, signature, verified));
      return Observation.NOTHING;
    }
    Seen fresh = new Seen(data, signature, verified);
    if (first.bytes.equals(fresh.bytes) && first.signature.equals(signature)) {
      return Observation.NOTHING; // a duplicate
    }
    if (!check(fresh, key)) {
      return Observation.BAD_SIGNATURE;
    }
    if (!check(first, key)) {
      rounds.put(data.round(), fresh); // the remembered one was a forgery
      return Observation.NOTHING;
    }
    if (first.bytes.equals(fresh.bytes)) {
      return Observation.NOTHING; // same message, both signatures valid (non-unique scheme)
    }
    Evidence e = Evidence.of(author, first.data, first.signature, data, signature);
    return reported.add(e.id()) ? new Observation(false, Optional.of(e)) : Observation.NOTHING;
  }

  private boolean check(Seen s, BlsPublicKey key) {
    if (!s.verified) {
      s.verified = scheme.verify(key, s.bytes.toArray(), s.signature);
      if (!s.verified) {
        return false;
      }
    }
    return true;
  }

  /**
   * Remembers {@code s}; on overflow drops the farthest-future unverified entry (possibly {@code s}
   * itself), else the farthest-future one: the rounds being played are the ones that matter.
   */
  private static void remember(TreeMap<Long, Seen> rounds, long round, Seen s) {
    rounds.put(round, s);
    while (rounds.size() > MAX_ROUNDS_PER_SLOT) {
      Long victim = null;
      for (Map.Entry<Long, Seen> e : rounds.descendingMap().entrySet()) {
        if (!e.getValue().verified) {
          victim = e.getKey();
          break;
        }
      }
      rounds.remove(victim != null ? victim : rounds.lastKey());
    }
  }

  /** Forgets everything about epochs below {@code epoch}. */
  public void forgetEpochsBelow(long epoch) {
    seen.keySet().removeIf(k -> k.epoch() < epoch);
  }

  /** True when evidence with offence id {@code id} was already reported. */
  public boolean reported(Hash id) {
    return reported.contains(id);
  }
}
