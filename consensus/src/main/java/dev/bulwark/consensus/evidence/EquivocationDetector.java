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
 * remembered message is verified only when a conflicting one arrives, and replaced when bad. Memory
 * is bounded: per validator and kind only the {@link #MAX_ROUNDS_PER_SLOT} highest rounds are kept.
 */
public final class EquivocationDetector {
  /** Rounds remembered per (validator, kind). */
  public static final int MAX_ROUNDS_PER_SLOT = 128;

  private final SignatureScheme scheme;
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

  /** A detector verifying signatures under {@code scheme}. */
  public EquivocationDetector(SignatureScheme scheme) {
    this.scheme = scheme;
  }

  /**
   * Observes {@code data} signed by {@code author} (key {@code key}) with {@code signature}; {@code
   * verified} says whether the caller already checked that signature.
   */
  public Observation observe(
      SigningData data,
      Address author,
      BlsPublicKey key,
      BlsSignature signature,
      boolean verified) {
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

  private static void remember(TreeMap<Long, Seen> rounds, long round, Seen s) {
    rounds.put(round, s);
    while (rounds.size() > MAX_ROUNDS_PER_SLOT) {
      rounds.pollFirstEntry();
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
