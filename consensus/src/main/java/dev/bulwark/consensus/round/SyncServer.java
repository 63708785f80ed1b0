package dev.bulwark.consensus.round;

import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.message.BlockRetrievalRequest;
import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Finality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers peers' requests for blocks from the block tree and the committed chain. */
final class SyncServer {
  private SyncServer() {}

  /** The requested block and its ancestors, from the tree and then the committed chain. */
  static BlockRetrievalResponse blocks(
      BlockRetrievalRequest request, BlockTree tree, CommittedChain chain) {
    List<Block> out = new ArrayList<>(tree.ancestors(request.blockId(), request.count()));
    while (!out.isEmpty() && out.size() < request.count()) {
      Block last = out.get(out.size() - 1);
      long number = last.header().number() - 1;
      Optional<Block> parent = number < 0 ? Optional.empty() : chain.block(number);
      if (parent.isEmpty() || !parent.get().hash().equals(last.header().parentHash())) {
        break;
      }
      out.add(parent.get());
    }
    return new BlockRetrievalResponse(request.blockId(), out);
  }

  /**
   * Committed blocks from the requested number, as segments each ending where a commit proof
   * (extended by the headers up to the block it commits) covers it.
   */
  static CommittedBlocksResponse committed(CommittedBlocksRequest request, CommittedChain chain) {
    List<CommittedSegment> segments = new ArrayList<>();
    long n = request.fromNumber();
    int total = 0;
    while (total < request.maxBlocks() && n <= chain.height()) {
      Finality f = chain.finality(n).orElseThrow();
      long last = Math.min(f.lastNumber(), n + (request.maxBlocks() - total) - 1);
      List<Block> blocks = new ArrayList<>();
      for (long k = n; k <= last; k++) {
        blocks.add(chain.block(k).orElseThrow());
      }
      List<BlockHeader> path = new ArrayList<>();
      for (long k = last + 1; k <= f.lastNumber(); k++) {
        path.add(chain.block(k).orElseThrow().header());
      }
      path.addAll(f.proofPath());
      segments.add(new CommittedSegment(blocks, f.proof(), path));
      total += blocks.size();
      n = last + 1;
    }
    return new CommittedBlocksResponse(request.fromNumber(), chain.height(), segments);
  }
}
