/**
 * The staking system module at {@code 0x…1000}: validator registration and stake, unbonding and
 * withdrawal, admin permissions, equivocation slashing, inactivity jailing on leader slots and the
 * validator set of each epoch. {@link dev.bulwark.ledger.staking.StakingModule} is the entry point
 * (a {@link dev.bulwark.ledger.execution.SystemModule}); {@link dev.bulwark.ledger.staking.AbiCodec}
 * is the Solidity-ABI wire format; {@link dev.bulwark.ledger.staking.StakingReader} gives typed
 * reads to RPC. The ABI, rules and slot layout are documented in ledger/STAKING.md.
 */
package dev.bulwark.ledger.staking;
