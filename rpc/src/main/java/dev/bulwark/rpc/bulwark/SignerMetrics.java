package dev.bulwark.rpc.bulwark;

import static dev.bulwark.rpc.bulwark.BulwarkJson.JSON;
import static dev.bulwark.rpc.bulwark.BulwarkJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-validator leader and vote figures over a block range, from committed headers only: each
 * block's round is a successful leader slot of its proposer and each skipped round a missed slot
 * of that round's leader (as the inactivity rule counts them); each parent QC is one opportunity
 * for every member of its epoch's set and an inclusion for each signer.
 */
final class SignerMetrics {
  /** Besu's default range for {@code qbft_getSignerMetrics}: the last 100 blocks. */
  static final long BESU_DEFAULT_BLOCKS = 100;

  private final ChainStore chain;
  private final ChainParams params;

  SignerMetrics(Ledger ledger) {
    this.chain = ledger.chain();
    this.params = ledger.params();
  }

  /** Figures of one validator over the range. */
  static final class Figures {
    long proposed;
    long leaderSlots;
    long missed;
    long inclusions;
    long opportunities;
    long lastProposed = -1;
    long lastSigned = -1;
  }

  /** {@code bulwark_signerMetrics(fromBlock?, toBlock?)}; default: the inactivity window. */
  JsonNode bulwark(RpcParams p, RpcLimits limits) throws RpcException {
    long window = params.inactivityWindowSlots() > 0 ? params.inactivityWindowSlots() : 100;
    BlockRange range = range(p, Math.min(window, limits.maxLogsBlockRange()), limits);
    Map<Address, Figures> figures = compute(range);
    ObjectNode o = JSON.objectNode();
    o.put("fromBlock", quantity(range.from()));
    o.put("toBlock", quantity(Math.max(range.from(), range.to())));
    o.put("inactivityWindowSlots", quantity(params.inactivityWindowSlots()));
    o.put("jailingThreshold", quantity(params.inactivityThresholdSlots()));
    ArrayNode out = o.putArray("validators");
    figures.forEach((a, f) -> {
      ObjectNode v = out.addObject();
      v.put("address", a.toHex());
      v.put("proposedBlocks", quantity(f.proposed));
      v.put("leaderSlots", quantity(f.leaderSlots));
      v.put("missedLeaderSlots", quantity(f.missed));
      v.put("qcInclusions", quantity(f.inclusions));
      v.put("qcOpportunities", quantity(f.opportunities));
      putBlock(v, "lastProposed", f.lastProposed);
      putBlock(v, "lastSigned", f.lastSigned);
      v.put("jailingThreshold", quantity(params.inactivityThresholdSlots()));
    });
    return o;
  }

  /** Besu's {@code qbft_getSignerMetrics} shape: address, proposal count, last proposal. */
  JsonNode besu(RpcParams p, RpcLimits limits) throws RpcException {
    Map<Address, Figures> figures = compute(range(p, BESU_DEFAULT_BLOCKS, limits));
    ArrayNode out = JSON.arrayNode();
    figures.forEach((a, f) -> {
      ObjectNode v = out.addObject();
      v.put("address", a.toHex());
      v.put("proposedBlockCount", quantity(f.proposed));
      v.put("lastProposedBlockNumber", quantity(Math.max(0, f.lastProposed)));
    });
    return out;
  }

  private static void putBlock(ObjectNode o, String name, long number) {
    if (number >= 0) {
      o.put(name, quantity(number));
    } else {
      o.putNull(name);
    }
  }

  /** The requested range, or the last {@code defaultBlocks} blocks; bounded by the logs range. */
  private BlockRange range(RpcParams p, long defaultBlocks, RpcLimits limits) throws RpcException {
    long head = chain.head().number();
    BlockTag from = p.has(0) ? p.blockTag(0)
        : BlockTag.number(Math.max(1, head - defaultBlocks + 1));
    BlockTag to = p.has(1) ? p.blockTag(1) : BlockTag.LATEST;
    BlockRange range = BlockRange.of(chain, from, to);
    if (range.size() > limits.maxLogsBlockRange()) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "block range too wide: " + range.size()
          + " blocks, the limit (maxLogsBlockRange) is " + limits.maxLogsBlockRange());
    }
    return range;
  }

  /** Every validator of the range's sets, ascending by address, with its figures. */
  Map<Address, Figures> compute(BlockRange range) {
    Map<Address, Figures> out = new TreeMap<>();
    Map<Long, LeaderSchedule> schedules = new HashMap<>();
    for (long n = Math.max(1, range.from()); n <= range.to(); n++) {
      BlockHeader h = chain.block(n).orElseThrow().header();
      LeaderSchedule schedule = schedules.computeIfAbsent(h.epoch(), this::schedule);
      schedule.validators().validators()
          .forEach(v -> out.computeIfAbsent(v.address(), a -> new Figures()));
      Figures proposer = out.computeIfAbsent(h.proposer(), a -> new Figures());
      proposer.proposed++;
      proposer.lastProposed = n;
      out.computeIfAbsent(schedule.leader(h.round()), a -> new Figures()).leaderSlots++;
      for (long r : h.skippedRounds()) {
        Figures leader = out.computeIfAbsent(schedule.leader(r), a -> new Figures());
        leader.leaderSlots++;
        leader.missed++;
      }
      QuorumCertificate qc = h.parentQc().orElseThrow();
      if (!qc.isGenesis()) {
        ValidatorSet set = schedules.computeIfAbsent(qc.epoch(), this::schedule).validators();
        for (int i = 0; i < set.size(); i++) {
          Figures f = out.computeIfAbsent(set.get(i).address(), a -> new Figures());
          f.opportunities++;
          if (qc.signers().isSet(i)) {
            f.inclusions++;
            f.lastSigned = Math.max(f.lastSigned, n - 1);
          }
        }
      }
    }
    return out;
  }

  private LeaderSchedule schedule(long epoch) {
    return LeaderSchedule.of(chain.validatorSet(epoch).orElseThrow(
        () -> new IllegalStateException("validator set of epoch " + epoch + " is not stored")));
  }
}
