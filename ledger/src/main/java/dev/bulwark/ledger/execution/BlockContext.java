package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.List;

/** What a block's execution may know about the block itself (never wall-clock time). */
public record BlockContext(
    long chainId,
    long number,
    long epoch,
    long round,
    long timestampMillis,
    Address proposer,
    BigInteger baseFeePerGas,
    List<Long> skippedRounds) {
  public BlockContext {
    skippedRounds = List.copyOf(skippedRounds);
  }

  /** The context of {@code header} on chain {@code chainId}. */
  public static BlockContext of(long chainId, BlockHeader header) {
    return new BlockContext(chainId, header.number(), header.epoch(), header.round(),
        header.timestampMillis(), header.proposer(), header.baseFeePerGas(), header.skippedRounds());
  }
}
