package dev.bulwark.rpc.bulwark;

import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.BlockTag;

/**
 * Read-only Besu QBFT methods in Besu's shapes, so tools written for Besu work; the
 * header-vote methods answer as unsupported, since staking replaces header votes.
 */
final class QbftAliases {
  private QbftAliases() {}

  static void register(RpcMethods methods, ValidatorsReport validators, SignerMetrics metrics) {
    methods
        .register("qbft_getValidatorsByBlockNumber", (p, c) ->
            validators.addresses(p.expect(1, 1).blockTag(0)))
        .register("qbft_getValidatorsByBlockHash", (p, c) ->
            validators.addresses(BlockTag.hash(p.expect(1, 1).hash(0))))
        .register("qbft_getSignerMetrics", (p, c) -> metrics.besu(p.expect(0, 2), c.limits()));
    for (String name : new String[] {
        "qbft_proposeValidatorVote", "qbft_discardValidatorVote", "qbft_getPendingVotes"}) {
      methods.register(name, (p, c) -> {
        throw new RpcException(RpcException.METHOD_NOT_FOUND, "the method " + name
            + " is not supported: validators join and leave through the staking module at"
            + " 0x0000000000000000000000000000000000001000 (register, stake, unstake), not by"
            + " header votes");
      });
    }
  }
}
