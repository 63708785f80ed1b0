package dev.bulwark.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.node.staking.JsonRpcClient;
import dev.bulwark.node.staking.RpcClientException;
import dev.bulwark.node.staking.StakingClient;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark staking status}: a validator's stake, status and jail time, or every validator's. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Print, from bulwark_validators at the latest block, one line per validator (or "
        + "only --address's): status (active, jailed, unbonding, inactive), bonded and unbonding "
        + "stake and voting power in wei, the block from which it may unjail, missed leader slots "
        + "and vote participation.",
        "Exit 1 when --address is not a registered validator."})
final class StakingStatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rpc", required = true, paramLabel = "URL", description = "JSON-RPC endpoint of a node.")
  URI rpc;

  @Option(names = "--address", paramLabel = "ADDRESS", description = "Only this validator.")
  String address;

  @Override
  public Integer call() throws RpcClientException {
    Address only = null;
    if (address != null) {
      try {
        only = Address.fromHex(address.strip());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--address " + address + " is not an address: " + e.getMessage());
      }
    }
    JsonNode answer = new StakingClient(new JsonRpcClient(rpc)).validators();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("block %s, epoch %s%n", JsonRpcClient.quantity(answer.path("blockNumber")),
        JsonRpcClient.quantity(answer.path("epoch")));
    boolean found = false;
    for (JsonNode v : answer.path("validators")) {
      Address a = Address.fromHex(v.path("address").asText());
      if (only != null && !only.equals(a)) {
        continue;
      }
      found = true;
      JsonNode jailed = v.path("jailedUntil");
      out.printf("%s status=%s bonded=%s unbonding=%s votingPower=%s jailedUntil=%s "
              + "missedLeaderSlots=%s participation=%s/%s%n",
          a.toChecksumHex(), v.path("status").asText(), JsonRpcClient.quantity(v.path("bonded")),
          JsonRpcClient.quantity(v.path("unbonding")), JsonRpcClient.quantity(v.path("votingPower")),
          jailed.isNull() || jailed.isMissingNode() ? "-" : JsonRpcClient.quantity(jailed),
          JsonRpcClient.quantity(v.path("missedLeaderSlots")),
          JsonRpcClient.quantity(v.path("voteParticipation").path("signed")),
          JsonRpcClient.quantity(v.path("voteParticipation").path("total")));
    }
    out.flush();
    if (only != null && !found) {
      spec.commandLine().getErr().println("staking status: " + only.toChecksumHex()
          + " is not a registered validator");
      return 1;
    }
    return 0;
  }
}
