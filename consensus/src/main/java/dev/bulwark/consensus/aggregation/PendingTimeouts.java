package dev.bulwark.consensus.aggregation;

import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Timeout messages per round. At f+1 power (more than the faulty can hold) a node joins the
 * timeout; at floor(2W/3)+1 the messages form a TC: one aggregate over different messages (each
 * signer names its own highest QC round), checked by receivers with multi-message aggregate
 * verification. Callers add only timeouts whose signatures they verified.
 */
public final class PendingTimeouts {
  private final ValidatorSet validators;
  private final SignatureScheme scheme;
  private final TreeMap<Long, Round> rounds = new TreeMap<>();

  private static final class Round {
    final TreeMap<Integer, TimeoutMessage> byIndex = new TreeMap<>();
    BigInteger power = BigInteger.ZERO;
    boolean joined;
    boolean certified;
  }

  /** Collects timeouts of the epoch of {@code validators}, aggregated under {@code scheme}. */
  public PendingTimeouts(ValidatorSet validators, SignatureScheme scheme) {
    this.validators = validators;
    this.scheme = scheme;
  }

  /** Adds the verified timeout of the validator at bitmap index {@code index}. */
  public TimeoutOutcome add(TimeoutMessage timeout, int index) {
    Round round = rounds.computeIfAbsent(timeout.round(), r -> new Round());
    if (round.byIndex.putIfAbsent(index, timeout) != null) {
      return TimeoutOutcome.NONE;
    }
    round.power = round.power.add(validators.get(index).votingPower());
    boolean join = !round.joined && round.power.compareTo(validators.validityPower()) >= 0;
    round.joined |= join;
    Optional<TimeoutCertificate> tc = Optional.empty();
    if (!round.certified && round.power.compareTo(validators.quorumPower()) >= 0) {
      round.certified = true;
      tc = Optional.of(certificate(timeout.round(), round));
    }
    return new TimeoutOutcome(join, tc);
  }

  private TimeoutCertificate certificate(long roundNumber, Round round) {
    List<Long> highQcRounds = new ArrayList<>();
    List<BlsSignature> sigs = new ArrayList<>();
    for (TimeoutMessage t : round.byIndex.values()) {
      highQcRounds.add(t.timeout().highQcRound());
      sigs.add(t.signature());
    }
    TimeoutMessage any = round.byIndex.firstEntry().getValue();
    return new TimeoutCertificate(
        any.timeout().chainId(),
        any.epoch(),
        roundNumber,
        highQcRounds,
        scheme.aggregate(sigs),
        SignerBitmap.of(validators.size(), round.byIndex.keySet()));
  }

  /** True when the validator at {@code index} has a timeout stored for {@code round}. */
  public boolean has(long round, int index) {
    Round r = rounds.get(round);
    return r != null && r.byIndex.containsKey(index);
  }

  /** True when timeouts for {@code round} hold at least f+1 power (enough to join them). */
  public boolean joinable(long round) {
    Round r = rounds.get(round);
    return r != null && r.power.compareTo(validators.validityPower()) >= 0;
  }

  /** Forgets every round below {@code round}. */
  public void pruneBelow(long round) {
    rounds.headMap(round).clear();
  }

  /** Number of rounds with pending timeouts (bounded-memory checks). */
  public int roundCount() {
    return rounds.size();
  }
}
