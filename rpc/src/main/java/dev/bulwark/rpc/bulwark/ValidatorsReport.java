package dev.bulwark.rpc.bulwark;

import static dev.bulwark.rpc.bulwark.BulwarkJson.JSON;
import static dev.bulwark.rpc.bulwark.BulwarkJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.staking.EpochEntry;
import dev.bulwark.ledger.staking.InactivityWindow;
import dev.bulwark.ledger.staking.StakingReader;
import dev.bulwark.ledger.staking.ValidatorRecord;
import dev.bulwark.ledger.state.CommittedState;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code bulwark_validators}: every validator the staking state at a block knows (the registry and
 * the epoch's set), with stake, status, inactivity and vote participation over the last {@link
 * #PARTICIPATION_QCS} QCs.
 */
final class ValidatorsReport {
  /** How many of the latest committed QCs vote participation is measured over. */
  static final int PARTICIPATION_QCS = 100;

  private final ChainStore chain;

  ValidatorsReport(Ledger ledger) {
    this.chain = ledger.chain();
  }

  JsonNode validators(RpcParams p) throws RpcException {
    Optional<Long> number = CommitProofs.resolve(chain, p.blockTagOrLatest(0));
    if (number.isEmpty()) {
      return NullNode.getInstance();
    }
    BlockHeader header = chain.block(number.get()).orElseThrow().header();
    try {
      return validatorsAt(header);
    } catch (MissingNodeException e) {
      // A node with a state-history window no longer has that block's state.
      throw RpcException.server("missing trie node " + header.stateRoot().toHex()
          + " (state of block " + header.number() + " is not kept)");
    }
  }

  private JsonNode validatorsAt(BlockHeader header) {
    CommittedState state = chain.stateAt(header.number()).orElseThrow();
    StakingReader reader = new StakingReader(state);
    EpochEntry current = reader.currentEpoch();
    ValidatorSet set = current.set();
    Map<Address, long[]> participation = participation(header.number());

    TreeSet<Address> known = new TreeSet<>(reader.registry());
    set.validators().forEach(v -> known.add(v.address()));
    ObjectNode o = JSON.objectNode();
    o.put("blockNumber", quantity(header.number()));
    o.put("blockHash", header.hash().toHex());
    o.put("epoch", quantity(set.epoch()));
    o.put("participationQcs", quantity(PARTICIPATION_QCS));
    ArrayNode out = o.putArray("validators");
    for (Address a : known) {
      Optional<ValidatorRecord> record = reader.validator(a);
      Optional<ValidatorInfo> member = set.find(a);
      BigInteger unbonding = reader.unbonding(a).total();
      ObjectNode v = out.addObject();
      v.put("address", a.toHex());
      v.put("blsPublicKey", record.map(r -> r.blsKey().toBytes().toHex())
          .orElseGet(() -> member.orElseThrow().blsKey().toBytes().toHex()));
      v.put("nodePublicKey", record.map(r -> r.nodeKey().toHex())
          .orElseGet(() -> member.orElseThrow().nodePublicKey().toHex()));
      v.put("votingPower", quantity(member.map(ValidatorInfo::votingPower).orElse(BigInteger.ZERO)));
      v.put("bonded", quantity(record.map(ValidatorRecord::bonded).orElse(BigInteger.ZERO)));
      v.put("unbonding", quantity(unbonding));
      boolean jailed = record.map(ValidatorRecord::jailed).orElse(false);
      v.put("status", status(jailed, member.isPresent(), unbonding));
      if (jailed) {
        v.put("jailedUntil", quantity(record.get().jailedUntil()));
      } else {
        v.putNull("jailedUntil");
      }
      InactivityWindow window = reader.inactivity(a);
      v.put("missedLeaderSlots", quantity(window.failures()));
      v.put("inactivityWindowSpan", quantity(window.length()));
      long[] part = participation.getOrDefault(a, new long[2]);
      ObjectNode vp = v.putObject("voteParticipation");
      vp.put("signed", quantity(part[0]));
      vp.put("total", quantity(part[1]));
    }
    return o;
  }

  /** {@code jailed}, else {@code active} in the epoch's set, else {@code unbonding}, else inactive. */
  static String status(boolean jailed, boolean inSet, BigInteger unbonding) {
    if (jailed) {
      return "jailed";
    }
    if (inSet) {
      return "active";
    }
    return unbonding.signum() > 0 ? "unbonding" : "inactive";
  }

  /** Per address, {signed, eligible} over the QCs the latest blocks up to {@code head} carry. */
  private Map<Address, long[]> participation(long head) {
    Map<Address, long[]> out = new HashMap<>();
    Map<Long, ValidatorSet> sets = new HashMap<>();
    int seen = 0;
    for (long n = head; n >= 1 && seen < PARTICIPATION_QCS; n--) {
      Optional<QuorumCertificate> qc = chain.block(n).orElseThrow().header().parentQc();
      if (qc.isEmpty() || qc.get().isGenesis()) {
        continue;
      }
      seen++;
      ValidatorSet set = sets.computeIfAbsent(qc.get().epoch(),
          e -> chain.validatorSet(e).orElseThrow());
      for (int i = 0; i < set.size(); i++) {
        long[] c = out.computeIfAbsent(set.get(i).address(), a -> new long[2]);
        c[1]++;
        if (qc.get().signers().isSet(i)) {
          c[0]++;
        }
      }
    }
    return out;
  }

  /** The addresses of the set that validated block {@code tag} (Besu's validator list), or null. */
  JsonNode addresses(BlockTag tag) {
    Optional<Long> number = CommitProofs.resolve(chain, tag);
    if (number.isEmpty()) {
      return NullNode.getInstance();
    }
    BlockHeader header = chain.block(number.get()).orElseThrow().header();
    long epoch = Math.max(1, header.epoch());
    ArrayNode out = JSON.arrayNode();
    chain.validatorSet(epoch).orElseThrow().validators().forEach(v -> out.add(v.address().toHex()));
    return out;
  }
}
