package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.BlockHeader;
import java.math.BigInteger;

/**
 * The checks of a header against its parent and the chain params that need no execution: height,
 * parent link, epoch, gas limit, EIP-1559 base fee and timestamp. The header's own consistency
 * (parent QC shape, skipped rounds) is checked when it is constructed; the proposer, the round and
 * the QC's signatures are consensus's checks.
 */
final class HeaderRules {
  private HeaderRules() {}

  /** Throws InvalidBlockException naming the first rule {@code header} breaks. */
  static void check(ChainParams params, BlockHeader parent, BlockHeader header)
      throws InvalidBlockException {
    if (header.number() != parent.number() + 1) {
      throw invalid(header, "number must be parent's + 1 = " + (parent.number() + 1));
    }
    if (!header.parentHash().equals(parent.hash())) {
      throw invalid(header, "parent hash " + header.parentHash() + " is not " + parent.hash());
    }
    long epoch = Epochs.epochOf(header.number(), params.epochLengthBlocks());
    if (header.epoch() != epoch) {
      throw invalid(header, "epoch " + header.epoch() + ", expected " + epoch);
    }
    if (header.gasLimit() != params.blockGasLimit()) {
      throw invalid(
          header, "gas limit " + header.gasLimit() + ", expected " + params.blockGasLimit());
    }
    BigInteger baseFee = FeeMarket.nextBaseFee(parent, params);
    if (!header.baseFeePerGas().equals(baseFee)) {
      throw invalid(header, "base fee " + header.baseFeePerGas() + ", expected " + baseFee);
    }
    if (header.timestampMillis() <= parent.timestampMillis()) {
      throw invalid(
          header,
          "timestamp "
              + header.timestampMillis()
              + " must be after the parent's "
              + parent.timestampMillis());
    }
  }

  static InvalidBlockException invalid(BlockHeader header, String reason) {
    return new InvalidBlockException(
        "block " + header.number() + " (" + header.hash() + "): " + reason);
  }
}
