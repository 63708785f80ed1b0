package dev.bulwark.consensus.round;

import dev.bulwark.consensus.message.BlockRetrievalRequest;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.types.Hash;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bookkeeping of the node's requests for missing data: blocks by id (recent, uncommitted blocks a
 * certificate named) and committed blocks by number (catching up on whole stretches of the chain,
 * across epochs). A request is repeated only after {@link #RETRY_MILLIS}, and only responses to
 * requests made are accepted.
 */
final class BlockSync {
  /** Blocks asked for per retrieval request. */
  static final int FETCH_COUNT = 32;

  /** How long a request is awaited before it may be sent again. */
  static final long RETRY_MILLIS = 1000;

  private static final int MAX_INFLIGHT = 32;
  private static final long NEVER = Long.MIN_VALUE / 2; // far past, yet safe to subtract from

  private final Map<Hash, Long> blocksRequested = new LinkedHashMap<>();
  private final Map<PeerId, Long> committedRequested = new LinkedHashMap<>();
  private long committedAskedAt = NEVER;

  /** A request for block {@code id} to {@code peer}, unless one is already on its way. */
  Optional<Action> fetchBlock(Hash id, PeerId peer, long now) {
    if (peer.equals(PeerId.SELF)) {
      return Optional.empty();
    }
    Long at = blocksRequested.get(id);
    if (at != null && now - at < RETRY_MILLIS) {
      return Optional.empty();
    }
    blocksRequested.put(id, now);
    trim(blocksRequested);
    return Optional.of(new Action.SendToPeer(peer, new BlockRetrievalRequest(id, FETCH_COUNT)));
  }

  /** True (once) when block {@code id} was requested: its response is expected. */
  boolean takeBlockResponse(Hash id) {
    return blocksRequested.remove(id) != null;
  }

  /** A request for committed blocks from {@code fromNumber} to {@code peer}, if none is pending. */
  Optional<Action> fetchCommitted(PeerId peer, long fromNumber, long now) {
    if (peer.equals(PeerId.SELF) || now - committedAskedAt < RETRY_MILLIS) {
      return Optional.empty();
    }
    committedAskedAt = now;
    committedRequested.put(peer, now);
    trim(committedRequested);
    return Optional.of(
        new Action.SendToPeer(
            peer, new CommittedBlocksRequest(fromNumber, CommittedBlocksRequest.MAX_BLOCKS)));
  }

  /** True when committed blocks were requested from {@code peer} (the response is expected). */
  boolean takeCommittedResponse(PeerId peer) {
    boolean asked = committedRequested.remove(peer) != null;
    if (asked) {
      committedAskedAt = NEVER; // the answer is in: a follow-up may go out at once
    }
    return asked;
  }

  private static <K> void trim(Map<K, Long> map) {
    Iterator<K> it = map.keySet().iterator();
    while (map.size() > MAX_INFLIGHT && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
