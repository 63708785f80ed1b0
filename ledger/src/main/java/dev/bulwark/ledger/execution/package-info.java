/**
 * Block execution (DESIGN.md section 3): {@link dev.bulwark.ledger.execution.BlockExecutor}
 * validates and executes a block on its parent, {@link dev.bulwark.ledger.execution.BlockBuilder}
 * builds a proposer's block, {@link dev.bulwark.ledger.execution.GenesisBlock} derives block 0;
 * EIP-1559 fees, receipts, logs blooms and the header's list commitments live here too. The staking
 * module plugs in as a {@link dev.bulwark.ledger.execution.SystemModule}.
 */
package dev.bulwark.ledger.execution;
