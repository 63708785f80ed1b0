package dev.bulwark.node.cluster;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the votes and timeouts that validators persisted, as sampled from their safety files
 * during the run and across restarts, and notes any second, different message signed by one
 * validator for one (epoch, round): the double signing that must never happen.
 */
final class VoteWitness {
  private final Map<String, String> signed = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  /** Records the last vote and last timeout in {@code data}, persisted by {@code node}. */
  synchronized void saw(String node, SafetyData data) {
    data.lastVote().ifPresent(v -> record(node, "vote", v.epoch(), v.round(), encoded(v)));
    data.lastTimeout().ifPresent(t -> record(node, "timeout", t.epoch(), t.round(), encoded(t)));
  }

  private void record(String node, String kind, long epoch, long round, String message) {
    String key = node + " " + kind + " epoch " + epoch + " round " + round;
    String earlier = signed.putIfAbsent(key, message);
    if (earlier != null && !earlier.equals(message)) {
      conflicts.add(key + ": stored " + earlier + " then " + message);
    }
  }

  /** Every double signing seen. */
  synchronized List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  /** How many distinct signed messages were seen. */
  synchronized int distinctMessages() {
    return signed.size();
  }

  /**
   * What is inconsistent in {@code data}, if anything: the last voted round is raised only by a
   * vote or a timeout, so it must equal the higher round of the two last messages (0 if none).
   */
  static Optional<String> inconsistency(SafetyData data) {
    long voteRound = data.lastVote().map(VoteMessage::round).orElse(0L);
    long timeoutRound = data.lastTimeout().map(TimeoutMessage::round).orElse(0L);
    long expected = Math.max(voteRound, timeoutRound);
    if (data.lastVotedRound() != expected) {
      return Optional.of("lastVotedRound " + data.lastVotedRound() + " but the last vote is of round "
          + voteRound + " and the last timeout of round " + timeoutRound);
    }
    return Optional.empty();
  }

  private static String encoded(ConsensusMessage message) {
    return Bytes.of(ConsensusMessageCodec.encode(message)).toHex();
  }
}
