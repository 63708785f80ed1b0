package dev.bulwark.consensus.message;

import java.util.List;

/**
 * The answer to a {@link CommittedBlocksRequest}: segments of committed blocks starting at {@code
 * fromNumber} (empty when the peer has nothing from there), and the peer's highest committed block
 * number so the requester knows whether to ask again.
 */
public record CommittedBlocksResponse(
    long fromNumber, long highestCommitted, List<CommittedSegment> segments)
    implements ConsensusMessage {
  public CommittedBlocksResponse {
    Checks.nonNegative(fromNumber, "from number");
    Checks.nonNegative(highestCommitted, "highest committed number");
    segments = List.copyOf(Checks.present(segments, "segments"));
    long expected = fromNumber;
    int total = 0;
    for (CommittedSegment s : segments) {
      if (s.blocks().get(0).header().number() != expected) {
        throw new IllegalArgumentException(
            "segment starts at block "
                + s.blocks().get(0).header().number()
                + ", expected "
                + expected);
      }
      expected = s.lastBlock().header().number() + 1;
      total += s.blocks().size();
    }
    if (total > CommittedBlocksRequest.MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "at most " + CommittedBlocksRequest.MAX_BLOCKS + " blocks per response, got " + total);
    }
  }
}
