package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/**
 * The header fields that only executing a block determines. A leader copies them into its proposal;
 * a voter votes only when its own execution gives exactly the proposal's values.
 */
public record ExecutionResult(
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    Hash evidenceRoot,
    long gasLimit,
    long gasUsed,
    BigInteger baseFeePerGas) {
  public ExecutionResult {
    if (stateRoot == null
        || transactionsRoot == null
        || receiptsRoot == null
        || evidenceRoot == null
        || baseFeePerGas == null) {
      throw new IllegalArgumentException("execution result fields must be present");
    }
  }

  /** Copies the fields into {@code builder}. */
  public BlockHeader.Builder applyTo(BlockHeader.Builder builder) {
    return builder
        .stateRoot(stateRoot)
        .transactionsRoot(transactionsRoot)
        .receiptsRoot(receiptsRoot)
        .evidenceRoot(evidenceRoot)
        .gasLimit(gasLimit)
        .gasUsed(gasUsed)
        .baseFeePerGas(baseFeePerGas);
  }

  /** True when {@code header} carries exactly these values. */
  public boolean matches(BlockHeader header) {
    return stateRoot.equals(header.stateRoot())
        && transactionsRoot.equals(header.transactionsRoot())
        && receiptsRoot.equals(header.receiptsRoot())
        && evidenceRoot.equals(header.evidenceRoot())
        && gasLimit == header.gasLimit()
        && gasUsed == header.gasUsed()
        && baseFeePerGas.equals(header.baseFeePerGas());
  }
}
