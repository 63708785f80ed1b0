package dev.bulwark.rpc.bulwark;

import static dev.bulwark.rpc.bulwark.BulwarkJson.JSON;
import static dev.bulwark.rpc.bulwark.BulwarkJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.staking.SlashReason;
import dev.bulwark.ledger.staking.StakingEvent;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.LogFilter;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bulwark_slashingEvents(fromBlock, toBlock)}: the staking module's Slashed and Jailed
 * block logs in the range, one entry per slashing with its jail end and, for an equivocation, the
 * evidence the block carried. Not bounded by eth_getLogs' range limit: blocks whose bloom rules
 * the two topics out cost one read each.
 */
final class SlashingEvents {
  private static final int WORD = 32;
  private final ChainStore chain;

  SlashingEvents(ChainStore chain) {
    this.chain = chain;
  }

  JsonNode events(RpcParams p) throws RpcException {
    BlockRange range = BlockRange.of(chain, p.blockTag(0), p.blockTag(1));
    ArrayNode out = JSON.arrayNode();
    if (range.size() <= 0) {
      return out;
    }
    LogFilter filter = new LogFilter(range.from(), range.to(), Set.of(StakingModule.ADDRESS),
        List.of(Set.of(StakingEvent.SLASHED.topic(), StakingEvent.JAILED.topic())));
    ObjectNode last = null;
    for (StoredLog stored : chain.logs(filter)) {
      Log log = stored.log();
      Address offender = new Address(log.topics().get(1).bytes().slice(12, 32));
      Bytes data = log.data();
      if (log.topics().get(0).equals(StakingEvent.SLASHED.topic())) {
        last = slashed(stored, offender, data);
        out.add(last);
      } else {
        long until = word(data, 1).longValueExact();
        if (last == null || !last.get("address").textValue().equals(offender.toHex())
            || !last.get("blockNumber").textValue().equals(quantity(stored.blockNumber()))
            || !last.get("jailedUntil").isNull()) {
          // The module logs Slashed then Jailed; a lone Jailed still gets its own entry.
          last = entry(stored, offender, reasonCode(data), BigInteger.ZERO, BigInteger.ZERO,
              Optional.empty());
          out.add(last);
        }
        last.put("jailedUntil", quantity(until));
      }
    }
    return out;
  }

  private ObjectNode slashed(StoredLog stored, Address offender, Bytes data) {
    Hash id = new Hash(data.slice(3 * WORD, 4 * WORD));
    Optional<Evidence> evidence = id.equals(Hash.ZERO)
        ? Optional.empty()
        : chain.block(stored.blockNumber()).flatMap(
            b -> b.evidence().stream().filter(e -> e.id().equals(id)).findFirst());
    return entry(stored, offender, reasonCode(data), word(data, 1), word(data, 2), evidence);
  }

  private static ObjectNode entry(StoredLog stored, Address offender, int code,
      BigInteger fromBonded, BigInteger fromUnbonding, Optional<Evidence> evidence) {
    ObjectNode o = JSON.objectNode();
    o.put("address", offender.toHex());
    o.put("reason", evidence.map(BulwarkJson::reason).orElse(
        code == SlashReason.INACTIVITY.code() ? "inactivity" : "equivocation"));
    o.put("amountFromBonded", quantity(fromBonded));
    o.put("amountFromUnbonding", quantity(fromUnbonding));
    o.put("blockNumber", quantity(stored.blockNumber()));
    o.put("blockHash", stored.blockHash().toHex());
    o.putNull("jailedUntil");
    if (evidence.isPresent()) {
      o.put("evidenceId", evidence.get().id().toHex());
      o.set("evidence", BulwarkJson.evidence(evidence.get()));
    } else {
      o.putNull("evidenceId");
      o.putNull("evidence");
    }
    return o;
  }

  private static int reasonCode(Bytes data) {
    return word(data, 0).intValueExact();
  }

  private static BigInteger word(Bytes data, int index) {
    return new BigInteger(1, data.slice(index * WORD, (index + 1) * WORD).toArray());
  }
}
