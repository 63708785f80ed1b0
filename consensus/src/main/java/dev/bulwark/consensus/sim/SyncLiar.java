package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * A Byzantine sync server: it takes part in consensus honestly but rewrites its answers to block
 * and committed-block requests, within what the messages' own shape allows. Committed blocks: it
 * moves the tail blocks of a proof path (empty blocks past the epoch end, which only link the
 * proof) into the committed blocks, truncates, sends the later segments before the earlier ones,
 * or claims to have nothing. Blocks by id: it truncates the ancestors or sends none.
 */
final class SyncLiar implements Behaviour {
  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    for (int t : targets) {
      if (message instanceof CommittedBlocksResponse r && !r.segments().isEmpty()) {
        lie(wire, t, r);
      } else if (message instanceof BlockRetrievalResponse r && wire.random().nextBoolean()) {
        int keep = wire.random().nextInt(r.blocks().size() + 1);
        wire.send(t, new BlockRetrievalResponse(r.blockId(), r.blocks().subList(0, keep)), 0);
      } else {
        wire.send(t, message, 0);
      }
    }
  }

  private static void lie(Wire wire, int to, CommittedBlocksResponse r) {
    List<CommittedSegment> segments = r.segments();
    int pick = wire.random().nextInt(6);
    if (pick < 3) {
      CommittedBlocksResponse promoted = promoteTail(wire.epochLength(), r);
      wire.send(to, promoted != null ? promoted : r, 0);
    } else if (pick == 3) {
      int keep = wire.random().nextInt(segments.size());
      wire.send(to, new CommittedBlocksResponse(r.fromNumber(), r.highestCommitted(),
          segments.subList(0, keep)), 0);
    } else if (pick == 4 && segments.size() > 1) {
      int split = 1 + wire.random().nextInt(segments.size() - 1);
      List<CommittedSegment> later = segments.subList(split, segments.size());
      long laterFrom = later.get(0).blocks().get(0).header().number();
      wire.send(to, new CommittedBlocksResponse(laterFrom, r.highestCommitted(), later), 0);
      wire.send(to, new CommittedBlocksResponse(r.fromNumber(), r.highestCommitted(),
          segments.subList(0, split)), 3);
    } else {
      wire.send(to, new CommittedBlocksResponse(r.fromNumber(), r.fromNumber() - 1, List.of()), 0);
    }
  }

  /**
   * The response with the first proof path that reaches past its epoch's end moved into the
   * committed blocks (tail blocks are empty, so the header alone rebuilds them); segments after it
   * no longer follow and are dropped. Null when no segment has such a path.
   */
  private static CommittedBlocksResponse promoteTail(long epochLength, CommittedBlocksResponse r) {
    List<CommittedSegment> out = new ArrayList<>();
    int total = 0;
    for (CommittedSegment s : r.segments()) {
      long epochEnd = s.lastBlock().header().epoch() * epochLength;
      List<BlockHeader> path = s.proofPath();
      if (!path.isEmpty()
          && path.get(0).number() > epochEnd
          && total + s.blocks().size() + path.size() <= CommittedBlocksRequest.MAX_BLOCKS) {
        List<Block> blocks = new ArrayList<>(s.blocks());
        path.forEach(h -> blocks.add(new Block(h, List.of(), List.of())));
        out.add(new CommittedSegment(blocks, s.proof(), List.of()));
        return new CommittedBlocksResponse(r.fromNumber(), r.highestCommitted(), out);
      }
      out.add(s);
      total += s.blocks().size();
    }
    return null;
  }
}
