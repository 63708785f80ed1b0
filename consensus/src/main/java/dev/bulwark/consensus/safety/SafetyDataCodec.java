package dev.bulwark.consensus.safety;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import java.util.Optional;

/**
 * Strict RLP form of {@link SafetyData} for durable storage; the stored vote and timeout are kept
 * in their wire encoding so a restarted node re-sends exactly the same bytes.
 *
 * <pre>
 * safetyData = [epoch, lastVotedRound, preferredRound, oneChainRound, highestTimeoutRound,
 *               lastProposedRound, [voteMessage?], [timeoutMessage?]]
 * </pre>
 */
public final class SafetyDataCodec {
  private SafetyDataCodec() {}

  /** The encoding of {@code data}. */
  public static byte[] encode(SafetyData data) {
    return Rlp.encode(
        Rlp.list(
            Rlp.uint(data.epoch()),
            Rlp.uint(data.lastVotedRound()),
            Rlp.uint(data.preferredRound()),
            Rlp.uint(data.oneChainRound()),
            Rlp.uint(data.highestTimeoutRound()),
            Rlp.uint(data.lastProposedRound()),
            optional(data.lastVote()),
            optional(data.lastTimeout())));
  }

  private static RlpItem optional(Optional<? extends ConsensusMessage> m) {
    return Rlp.list(m.map(x -> Rlp.str(ConsensusMessageCodec.encode(x))).stream().toList());
  }

  /** Decodes safety data; DecodeException for anything else. */
  public static SafetyData decode(byte[] bytes) {
    try {
      RlpReader r = Rlp.decodeList(bytes, "safety data");
      SafetyData d =
          new SafetyData(
              r.longValue(),
              r.longValue(),
              r.longValue(),
              r.longValue(),
              r.longValue(),
              r.longValue(),
              message(r, VoteMessage.class),
              message(r, TimeoutMessage.class));
      r.end();
      return d;
    } catch (IllegalArgumentException e) {
      throw new DecodeException("safety data: " + e.getMessage(), e);
    }
  }

  private static <T extends ConsensusMessage> Optional<T> message(RlpReader r, Class<T> type) {
    RlpReader l = r.list();
    if (l.size() > 1) {
      throw new DecodeException("safety data: optional message holds " + l.size() + " items");
    }
    if (!l.hasNext()) {
      return Optional.empty();
    }
    ConsensusMessage m = ConsensusMessageCodec.decode(l.bytes().toArray());
    if (!type.isInstance(m)) {
      throw new DecodeException(
          "safety data: expected a " + type.getSimpleName() + ", got a " + m.typeName());
    }
    return Optional.of(type.cast(m));
  }
}
