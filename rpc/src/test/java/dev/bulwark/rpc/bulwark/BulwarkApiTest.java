package dev.bulwark.rpc.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bulwark_* and qbft_* method over a real ledger with real committed blocks (see {@link
 * BulwarkChain}): golden shapes field by field, values the fixture determines, and bad params with
 * their exact code and message.
 */
class BulwarkApiTest {
  static final String QTY = "0x(0|[1-9a-f][0-9a-f]*)";
  static final String ADDRESS = "0x[0-9a-f]{40}";
  static final String HASH = "0x[0-9a-f]{64}";
  static final String HEX = "0x([0-9a-f]{2})*";

  private static BulwarkChain chain;
  private static Rpc rpc;
  private static final List<Evidence> pending = new CopyOnWriteArrayList<>();
  private static final List<PeersView.PeerInfo> peers = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void grow() {
    chain = new BulwarkChain().grow(14);
    RpcMethods methods = new RpcMethods();
    BulwarkApi.register(methods, chain.ledger, Fakes.consensus(), () -> List.copyOf(peers),
        () -> List.copyOf(pending), "bulwark/v0.1.0-test");
    rpc = new Rpc(methods);
  }

  @AfterAll
  static void close() {
    chain.close();
  }

  private static List<String> fields(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void matches(JsonNode o, String field, String regex) {
    assertThat(o.get(field)).as(field).isNotNull();
    assertThat(o.get(field).isTextual()).as(field + " is a string").isTrue();
    assertThat(o.get(field).textValue()).as(field).matches(regex);
  }

  private static String q(long v) {
    return "0x" + Long.toHexString(v);
  }

  @Test
  void nodeInfo() throws Exception {
    JsonNode o = rpc.call("bulwark_nodeInfo", "[]");
    assertThat(fields(o)).containsExactly("version", "chainId", "genesisHash", "nodePublicKey",
        "role", "validatorAddress", "dataSchemaVersion");
    assertThat(o.get("version").textValue()).isEqualTo("bulwark/v0.1.0-test");
    assertThat(o.get("chainId").textValue()).isEqualTo("0x1092");
    assertThat(o.get("genesisHash").textValue())
        .isEqualTo(chain.ledger.chain().block(0).orElseThrow().hash().toHex());
    assertThat(o.get("nodePublicKey").textValue()).isEqualTo(Fakes.NODE_KEY.toHex());
    assertThat(o.get("role").textValue()).isEqualTo("validator");
    assertThat(o.get("validatorAddress").textValue()).isEqualTo(Fakes.VALIDATOR.toHex());
    assertThat(o.get("dataSchemaVersion").textValue()).isEqualTo("0x2");
  }

  @Test
  void consensusStatus() throws Exception {
    JsonNode o = rpc.call("bulwark_consensusStatus", "[]");
    assertThat(fields(o)).containsExactly("epoch", "round", "committedHeight", "committedHash",
        "highestQcRound", "currentLeader", "lastCommitTime", "consecutiveTimeouts", "syncing");
    BlockHeader head = chain.ledger.head();
    assertThat(o.get("committedHeight").textValue()).isEqualTo(q(head.number()));
    assertThat(o.get("committedHash").textValue()).isEqualTo(head.hash().toHex());
    assertThat(o.get("epoch").textValue()).isEqualTo("0x4");
    assertThat(o.get("round").textValue()).isEqualTo("0x11");
    assertThat(o.get("highestQcRound").textValue()).isEqualTo("0x10");
    assertThat(o.get("currentLeader").textValue()).isEqualTo(Fakes.LEADER.toHex());
    assertThat(o.get("lastCommitTime").textValue()).isEqualTo(q(1_700_000_123_456L));
    assertThat(o.get("consecutiveTimeouts").textValue()).isEqualTo("0x2");
    assertThat(o.get("syncing").isBoolean()).isTrue();
  }

  @Test
  void validatorsListActiveJailedAndUnbondingWithParticipation() throws Exception {
    JsonNode o = rpc.call("bulwark_validators", "[\"latest\"]");
    assertThat(fields(o)).containsExactly("blockNumber", "blockHash", "epoch", "participationQcs",
        "validators");
    assertThat(o.get("blockNumber").textValue()).isEqualTo("0xe");
    assertThat(o.get("epoch").textValue()).isEqualTo("0x4");
    JsonNode list = o.get("validators");
    assertThat(list).hasSize(4); // the jailed offender is known to state, outside the set
    for (JsonNode v : list) {
      assertThat(fields(v)).containsExactly("address", "blsPublicKey", "nodePublicKey",
          "votingPower", "bonded", "unbonding", "status", "jailedUntil", "missedLeaderSlots",
          "inactivityWindowSpan", "voteParticipation");
      matches(v, "address", ADDRESS);
      matches(v, "blsPublicKey", "0x[0-9a-f]{96}");
      matches(v, "nodePublicKey", "0x[0-9a-f]{64}");
      for (String f : List.of("votingPower", "bonded", "unbonding", "missedLeaderSlots",
          "inactivityWindowSpan")) {
        matches(v, f, QTY);
      }
      assertThat(v.get("status").textValue()).isIn("active", "jailed", "unbonding", "inactive");
      assertThat(fields(v.get("voteParticipation"))).containsExactly("signed", "total");
    }
    JsonNode offender = byAddress(list, chain.validators.get(BulwarkChain.OFFENDER).address().toHex());
    assertThat(offender.get("status").textValue()).isEqualTo("jailed");
    assertThat(offender.get("jailedUntil").textValue()).isEqualTo(q(6 + 50));
    assertThat(offender.get("votingPower").textValue()).isEqualTo("0x0");
    assertThat(offender.get("bonded").textValue()).isEqualTo(q(900)); // 10% of 1000 slashed
    JsonNode unstaker = byAddress(list, chain.validators.get(BulwarkChain.UNSTAKER).address().toHex());
    assertThat(unstaker.get("status").textValue()).isEqualTo("active");
    assertThat(unstaker.get("votingPower").textValue()).isEqualTo(q(600));
    assertThat(unstaker.get("unbonding").textValue()).isEqualTo(q(400));
    assertThat(unstaker.get("jailedUntil").isNull()).isTrue();
    // 13 non-genesis QCs in blocks 1..14 (blocks 1, 5, 9, 13 carry epoch-root QCs).
    JsonNode first = byAddress(list, chain.validators.get(0).address().toHex());
    assertThat(first.get("voteParticipation").get("signed").textValue()).isEqualTo("0xa");
    assertThat(first.get("voteParticipation").get("total").textValue()).isEqualTo("0xa");
    // Block 3 followed a timed-out round: one failed slot in its leader's window.
    long missed = 0;
    for (JsonNode v : list) {
      missed += Long.decode(v.get("missedLeaderSlots").textValue());
    }
    assertThat(missed).isEqualTo(1);
  }

  @Test
  void validatorsAtAnEarlierBlockShowThatBlocksState() throws Exception {
    JsonNode o = rpc.call("bulwark_validators", "[\"0x1\"]");
    assertThat(o.get("epoch").textValue()).isEqualTo("0x1");
    for (JsonNode v : o.get("validators")) {
      assertThat(v.get("status").textValue()).isEqualTo("active");
      assertThat(v.get("votingPower").textValue()).isEqualTo(q(1000));
    }
    assertThat(rpc.call("bulwark_validators", "[\"0x64\"]").isNull()).isTrue();
  }

  @Test
  void commitProofShape() throws Exception {
    JsonNode o = rpc.call("bulwark_getCommitProof", "[\"0x6\"]");
    assertThat(fields(o)).containsExactly("blockNumber", "blockHash", "epoch", "round", "headers",
        "qc", "signers", "signedPower", "totalPower", "quorumThreshold", "epochChangeProofs");
    Block block = chain.ledger.chain().block(6).orElseThrow();
    assertThat(o.get("blockHash").textValue()).isEqualTo(block.hash().toHex());
    assertThat(o.get("headers").get(0).textValue()).matches(HEX);
    JsonNode qc = o.get("qc");
    assertThat(fields(qc)).containsExactly("round", "blockHash", "signersBitmap",
        "aggregateSignature", "epoch", "parentHash", "parentRound", "chainId", "signingBytes");
    matches(qc, "round", QTY);
    matches(qc, "blockHash", HASH);
    matches(qc, "signersBitmap", HEX);
    matches(qc, "aggregateSignature", "0x[0-9a-f]{192}");
    assertThat(qc.get("parentHash").textValue()).isEqualTo(block.hash().toHex());
    assertThat(qc.get("round").textValue()).isEqualTo(q(block.header().round() + 1));
    ValidatorSet set = chain.ledger.validatorSet(2).orElseThrow();
    assertThat(o.get("signers")).hasSize(3);
    for (JsonNode s : o.get("signers")) {
      assertThat(fields(s)).containsExactly("address", "votingPower");
    }
    assertThat(o.get("totalPower").textValue()).isEqualTo(q(3600));
    assertThat(o.get("quorumThreshold").textValue()).isEqualTo("0x" + set.quorumPower().toString(16));
    assertThat(o.get("signedPower").textValue()).isEqualTo(q(3000));
    assertThat(o.get("epochChangeProofs")).hasSize(1);
    JsonNode step = o.get("epochChangeProofs").get(0);
    assertThat(fields(step)).containsExactly("blockNumber", "blockHash", "epoch", "round",
        "headers", "qc", "signers", "signedPower", "totalPower", "quorumThreshold",
        "nextValidatorSet", "nextValidatorSetProof");
    assertThat(step.get("blockNumber").textValue()).isEqualTo("0x4");
    assertThat(fields(step.get("nextValidatorSet"))).containsExactly("epoch", "validators",
        "totalPower", "quorumThreshold", "startBlock");
    assertThat(fields(step.get("nextValidatorSet").get("validators").get(0)))
        .containsExactly("address", "blsPublicKey", "nodePublicKey", "votingPower");
    assertThat(fields(step.get("nextValidatorSetProof")))
        .containsExactly("stateKey", "value", "merkleProof");
  }

  @Test
  void commitProofOfUnknownBlockIsNullAndOfGenesisAnError() throws Exception {
    assertThat(rpc.call("bulwark_getCommitProof", "[\"0x64\"]").isNull()).isTrue();
    assertThat(rpc.call("bulwark_getCommitProof",
        "[{\"blockHash\":\"0x" + "ab".repeat(32) + "\"}]").isNull()).isTrue();
  }

  @Test
  void epochChangeProofsFromAnEpochOn() throws Exception {
    JsonNode all = rpc.call("bulwark_getEpochChangeProof", "[\"0x1\"]");
    assertThat(all).hasSize(3); // epochs 1, 2 and 3 ended (blocks 4, 8, 12)
    assertThat(all.get(2).get("blockNumber").textValue()).isEqualTo("0xc");
    assertThat(all.get(2).get("nextValidatorSet").get("epoch").textValue()).isEqualTo("0x4");
    assertThat(rpc.call("bulwark_getEpochChangeProof", "[\"0x3\"]")).hasSize(1);
    assertThat(rpc.call("bulwark_getEpochChangeProof", "[\"0x9\"]")).isEmpty();
  }

  @Test
  void slashingEventsFromGenesisToLatest() throws Exception {
    JsonNode list = rpc.call("bulwark_slashingEvents", "[\"0x0\",\"latest\"]");
    assertThat(list).hasSize(1);
    JsonNode e = list.get(0);
    assertThat(fields(e)).containsExactly("address", "reason", "amountFromBonded",
        "amountFromUnbonding", "blockNumber", "blockHash", "jailedUntil", "evidenceId", "evidence");
    assertThat(e.get("address").textValue())
        .isEqualTo(chain.validators.get(BulwarkChain.OFFENDER).address().toHex());
    assertThat(e.get("reason").textValue()).isEqualTo("equivocation-vote");
    assertThat(e.get("amountFromBonded").textValue()).isEqualTo(q(100));
    assertThat(e.get("amountFromUnbonding").textValue()).isEqualTo("0x0");
    assertThat(e.get("blockNumber").textValue()).isEqualTo("0x6");
    assertThat(e.get("jailedUntil").textValue()).isEqualTo(q(56));
    assertThat(e.get("evidenceId").textValue()).isEqualTo(chain.evidence.id().toHex());
    checkEvidence(e.get("evidence"), chain.evidence);
    assertThat(rpc.call("bulwark_slashingEvents", "[\"0x7\",\"latest\"]")).isEmpty();
    assertThat(rpc.call("bulwark_slashingEvents", "[\"0x6\",\"0x6\"]")).hasSize(1);
    assertThat(rpc.call("bulwark_slashingEvents", "[\"earliest\",\"0x5000\"]")).hasSize(1);
  }

  private static void checkEvidence(JsonNode o, Evidence expected) {
    assertThat(fields(o)).containsExactly("id", "validator", "kind", "reason", "epoch", "round",
        "chainId", "messageA", "messageB");
    assertThat(o.get("id").textValue()).isEqualTo(expected.id().toHex());
    assertThat(o.get("kind").textValue()).isEqualTo("vote");
    assertThat(o.get("epoch").textValue()).isEqualTo("0x2");
    assertThat(o.get("round").textValue()).isEqualTo("0x2");
    assertThat(fields(o.get("messageA"))).containsExactly("signingBytes", "signature");
    assertThat(o.get("messageA").get("signingBytes").textValue()).isEqualTo(expected.bytesA().toHex());
    assertThat(o.get("messageB").get("signature").textValue())
        .isEqualTo(expected.sigB().toBytes().toHex());
  }

  @Test
  void signerMetricsCoverEveryValidatorOfTheRangeIncludingOneThatNeverSigned() throws Exception {
    JsonNode o = rpc.call("bulwark_signerMetrics", "[\"0x1\",\"0x8\"]");
    assertThat(fields(o)).containsExactly("fromBlock", "toBlock", "inactivityWindowSlots",
        "jailingThreshold", "validators");
    assertThat(o.get("jailingThreshold").textValue()).isEqualTo(q(15));
    JsonNode list = o.get("validators");
    assertThat(list).hasSize(4);
    long proposed = 0;
    long slots = 0;
    long missed = 0;
    for (JsonNode v : list) {
      assertThat(fields(v)).containsExactly("address", "proposedBlocks", "leaderSlots",
          "missedLeaderSlots", "qcInclusions", "qcOpportunities", "lastProposed", "lastSigned",
          "jailingThreshold");
      proposed += Long.decode(v.get("proposedBlocks").textValue());
      slots += Long.decode(v.get("leaderSlots").textValue());
      missed += Long.decode(v.get("missedLeaderSlots").textValue());
      assertThat(v.get("qcOpportunities").textValue()).isEqualTo("0x6"); // 8 blocks - 2 epoch roots
    }
    assertThat(proposed).isEqualTo(8);
    assertThat(slots).isEqualTo(9);
    assertThat(missed).isEqualTo(1);
    // The fixture's last set member never signs a QC of a four-validator epoch.
    JsonNode silent = byAddress(list, chain.validators.get(3).address().toHex());
    assertThat(silent.get("qcInclusions").textValue()).isEqualTo("0x0");
    assertThat(silent.get("lastSigned").isNull()).isTrue();
    JsonNode byDefault = rpc.call("bulwark_signerMetrics", "[]");
    assertThat(byDefault.get("fromBlock").textValue()).isEqualTo("0x1"); // window 20 > head 14
    assertThat(byDefault.get("toBlock").textValue()).isEqualTo("0xe");
  }

  @Test
  void evidenceByIdPendingAndApplied() throws Exception {
    JsonNode applied = rpc.call("bulwark_getEvidence", "[\"" + chain.evidence.id().toHex() + "\"]");
    assertThat(fields(applied)).containsExactly("status", "blockNumber", "evidence");
    assertThat(applied.get("status").textValue()).isEqualTo("applied");
    assertThat(applied.get("blockNumber").textValue()).isEqualTo("0x6");
    checkEvidence(applied.get("evidence"), chain.evidence);
    pending.add(chain.evidence);
    try {
      JsonNode p = rpc.call("bulwark_getEvidence", "[\"" + chain.evidence.id().toHex() + "\"]");
      assertThat(p.get("status").textValue()).isEqualTo("pending");
      assertThat(p.get("blockNumber").isNull()).isTrue();
      JsonNode list = rpc.call("bulwark_pendingEvidence", "[]");
      assertThat(list).hasSize(1);
      checkEvidence(list.get(0), chain.evidence);
    } finally {
      pending.clear();
    }
    assertThat(rpc.call("bulwark_pendingEvidence", "[]")).isEmpty();
  }

  @Test
  void peers() throws Exception {
    assertThat(rpc.call("bulwark_peers", "[]")).isEmpty();
    peers.add(new PeersView.PeerInfo(Bytes.fromHex("44".repeat(32)), "127.0.0.1:43304", "outbound",
        0.5, "validator", 12));
    peers.add(new PeersView.PeerInfo(Bytes.fromHex("55".repeat(32)), "127.0.0.1:51000", "inbound",
        0, "observer", -1));
    try {
      JsonNode list = rpc.call("bulwark_peers", "[]");
      assertThat(list).hasSize(2);
      assertThat(fields(list.get(0))).containsExactly("nodeKey", "address", "direction", "score",
          "role", "height");
      assertThat(list.get(0).get("nodeKey").textValue()).isEqualTo("0x" + "44".repeat(32));
      assertThat(list.get(0).get("score").doubleValue()).isEqualTo(0.5);
      assertThat(list.get(0).get("height").textValue()).isEqualTo("0xc");
      assertThat(list.get(1).get("direction").textValue()).isEqualTo("inbound");
      assertThat(list.get(1).get("height").isNull()).isTrue();
    } finally {
      peers.clear();
    }
  }

  @Test
  void qbftAliasesInBesuShapes() throws Exception {
    JsonNode byNumber = rpc.call("qbft_getValidatorsByBlockNumber", "[\"latest\"]");
    List<String> epoch4 = chain.ledger.validatorSet(4).orElseThrow().validators().stream()
        .map(v -> v.address().toHex()).toList();
    assertThat(byNumber).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(byNumber.get(i).textValue()).isEqualTo(epoch4.get(i));
    }
    String hash3 = chain.ledger.chain().block(3).orElseThrow().hash().toHex();
    assertThat(rpc.call("qbft_getValidatorsByBlockHash", "[\"" + hash3 + "\"]")).hasSize(4);
    assertThat(rpc.call("qbft_getValidatorsByBlockNumber", "[\"0x0\"]")).hasSize(4);
    assertThat(rpc.call("qbft_getValidatorsByBlockNumber", "[\"0x64\"]").isNull()).isTrue();
    JsonNode metrics = rpc.call("qbft_getSignerMetrics", "[\"0x1\",\"0x8\"]");
    assertThat(metrics).hasSize(4);
    for (JsonNode m : metrics) {
      assertThat(fields(m)).containsExactly("address", "proposedBlockCount",
          "lastProposedBlockNumber");
    }
  }

  @Test
  void badParamsAnswerExactCodesAndMessages() {
    fails("bulwark_slashingEvents", "[\"0x5\",\"0x4\"]", -32000, "invalid block range params");
    fails("bulwark_slashingEvents", "[\"latest\",\"0x4\"]", -32000, "invalid block range params");
    fails("bulwark_signerMetrics", "[\"0x8\",\"0x1\"]", -32000, "invalid block range params");
    fails("qbft_getSignerMetrics", "[\"0x8\",\"0x1\"]", -32000, "invalid block range params");
    fails("bulwark_slashingEvents", "[\"0x5\",\"newest\"]", -32602,
        "invalid argument 1: unknown block tag or hex number without 0x prefix");
    fails("bulwark_slashingEvents", "[\"0x05\",\"latest\"]", -32602,
        "invalid argument 0: hex number with leading zero digits");
    fails("bulwark_slashingEvents", "[\"0x0\"]", -32602, "missing value for required argument 1");
    fails("bulwark_validators", "[\"0x1\",true]", -32602, "too many arguments, want at most 1");
    fails("bulwark_getCommitProof", "[]", -32602, "missing value for required argument 0");
    fails("bulwark_getCommitProof", "[\"0x0\"]", -32000,
        "the genesis block is final by definition and has no commit proof");
    fails("bulwark_getEvidence", "[\"0x" + "00".repeat(32) + "\"]", -32000, "evidence not found");
    fails("bulwark_getEvidence", "[\"0x1234\"]", -32602,
        "invalid argument 0: a hash must be 32 bytes, got 2");
    fails("bulwark_getEpochChangeProof", "[\"0x0\"]", -32602,
        "invalid argument 0: epoch 0 ends at genesis; the first epoch-change proof is epoch 1's");
    fails("bulwark_slashingEvents",
        "[{\"blockHash\":\"0x" + "ab".repeat(32) + "\"},\"latest\"]", -32000,
        "block not found: 0x" + "ab".repeat(32));
    fails("qbft_proposeValidatorVote", "[\"0x" + "11".repeat(20) + "\",true]", -32601,
        "the method qbft_proposeValidatorVote is not supported: validators join and leave"
            + " through the staking module at 0x0000000000000000000000000000000000001000"
            + " (register, stake, unstake), not by header votes");
    fails("qbft_getPendingVotes", "[]", -32601, null);
    fails("qbft_discardValidatorVote", "[]", -32601, null);
  }

  @Test
  void signerMetricsRangeIsBoundedByTheLogsRangeLimit() {
    dev.bulwark.rpc.jsonrpc.RpcLimits narrow = new dev.bulwark.rpc.jsonrpc.RpcLimits(
        5 << 20, 1000, 5 << 20, 1000, 100, 1000, 300_000, 5, 10_000);
    SignerMetrics metrics = new SignerMetrics(chain.ledger);
    assertThatThrownBy(() -> metrics.bulwark(new dev.bulwark.rpc.jsonrpc.RpcParams(
        (com.fasterxml.jackson.databind.node.ArrayNode) Rpc.JSON.readTree("[\"0x1\",\"0x8\"]")),
        narrow))
        .isInstanceOf(RpcException.class)
        .hasMessage("block range too wide: 8 blocks, the limit (maxLogsBlockRange) is 5")
        .extracting(e -> ((RpcException) e).code()).isEqualTo(RpcException.LIMIT_EXCEEDED);
  }

  private static void fails(String method, String params, int code, String message) {
    try {
      JsonNode r = rpc.call(method, params);
      throw new AssertionError(method + params + " answered " + r);
    } catch (RpcException e) {
      assertThat(e.code()).as(method + params).isEqualTo(code);
      if (message != null) {
        assertThat(e.getMessage()).as(method + params).isEqualTo(message);
      }
    }
  }

  private static JsonNode byAddress(JsonNode list, String address) {
    for (JsonNode v : list) {
      if (v.get("address").textValue().equals(address)) {
        return v;
      }
    }
    throw new AssertionError(address + " not listed");
  }
}
