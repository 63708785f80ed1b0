package dev.bulwark.node.cli;

import picocli.CommandLine.Command;

/** {@code bulwark staking}: the operator's calls to the staking module, sent over JSON-RPC. */
@Command(
    name = "staking",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Send staking-module calls (0x…1000, ledger/STAKING.md) through a node's JSON-RPC: each "
            + "builds an EIP-1559 transaction, signs it with --account-key, submits it, waits for the "
            + "receipt and prints the outcome, with the revert reason when the module refused it.",
        "A call that eth_estimateGas shows would revert is not sent (exit 1, reason printed) unless "
            + "--send-anyway. 'status' reads a validator's stake, status and jail time.",
        "Amounts: wei, or a decimal with a unit: 1.5ether, 20gwei.",
        "Exit codes: 0 success; 1 reverted, not included in time, or the node failed; 2 bad options."},
    subcommands = {
        StakingTxCommands.Register.class, StakingTxCommands.Stake.class,
        StakingTxCommands.Unstake.class, StakingTxCommands.Withdraw.class,
        StakingTxCommands.Unjail.class, StakingTxCommands.Permit.class,
        StakingTxCommands.Revoke.class, StakingStatusCommand.class})
public final class StakingCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
