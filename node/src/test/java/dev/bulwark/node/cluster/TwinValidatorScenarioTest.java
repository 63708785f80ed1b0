package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.staking.StakingEvent;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.node.cli.BulwarkCli;
import dev.bulwark.node.staking.JsonRpcClient;
import dev.bulwark.node.staking.RpcClientException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Issue 13, scenario 1, on real processes: an operator copies validator 3's key directory to a
 * second machine and starts it there, exactly as the original (own data dir and ports only), while
 * the original runs. Observed only through JSON-RPC: the conflicting messages become evidence,
 * each offence committed exactly once (also across a validator's restart), each cutting validator
 * 3's stake by the genesis fraction, burned (the module's balance falls by the total); it is
 * jailed and leaves the set at the next epoch, and the chain keeps finalizing; afterwards
 * {@code bulwark audit} passes on a validator's store.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class TwinValidatorScenarioTest {
  private static final Logger LOG = LoggerFactory.getLogger(TwinValidatorScenarioTest.class);
  private static final long EPOCH_BLOCKS = 20;
  private static final long SLASH_BPS = 1_000;
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration DETECTION = Duration.ofSeconds(120);
  private static final Duration EPOCH = Duration.ofSeconds(90);

  @RegisterExtension
  static final ClusterFixture CLUSTER = new ClusterFixture(4, "--min-block-interval", "100");

  @Test
  void aTwinnedValidatorIsSlashedOnceJailedAndLeavesTheSet(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    CLUSTER.create(dir.resolve("cluster"));
    CLUSTER.rewriteGenesis(p -> new GenesisParams(EPOCH_BLOCKS, p.maxValidators(), p.minStake(),
        p.unbondingPeriodBlocks(), 10, SLASH_BPS, p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(),
        p.inactivityThresholdSlots(), p.inactivitySlashBps(), p.blockGasLimit(), p.minBaseFeePerGas(),
        p.stakingCallGas(), p.admin()));
    List<ClusterNode> all = CLUSTER.validators();
    all.forEach(n -> n.process().start());
    ClusterNode twin = CLUSTER.twin(3, "validator-3-twin");
    JsonRpcClient rpc = new JsonRpcClient(URI.create("http://127.0.0.1:" + all.get(0).rpcPort() + "/"));
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + all.get(0).rpcPort() + "/"));
    try {
      CLUSTER.await("every validator at height >= 3", STARTUP, v -> v.minHeight(all) >= 3);
      Address offender = CLUSTER.genesis().validators().get(3).address();
      JsonNode before = validator(rpc, offender);
      BigInteger bonded = Numeric.decodeQuantity(before.path("bonded").asText());
      BigInteger moduleBefore = balance(web3j, StakingModule.ADDRESS);
      assertThat(before.path("status").asText()).isEqualTo("active");
      assertThat(slashings(rpc)).isEmpty();

      long twinStart = System.nanoTime();
      ClusterView atStart = CLUSTER.sample();
      long heightAtStart = atStart.maxHeight(all);
      twin.process().start();
      JsonNode first = Await.until("validator 3's slashing committed", DETECTION,
          () -> slashings(rpc), events -> !events.isEmpty()).get(0);
      double seconds = (System.nanoTime() - twinStart) / 1e9;
      long slashBlock = Numeric.decodeQuantity(first.path("blockNumber").asText()).longValueExact();
      LOG.info("figure: first slashing committed in block {} (epoch round {}), {} s and {} blocks after"
          + " the twin's start at height {} (the twin first has to start its JVM and catch up);"
          + " reason {}", slashBlock, roundOf(rpc, slashBlock), String.format("%.1f", seconds),
          slashBlock - heightAtStart, heightAtStart, first.path("reason").asText());
      JsonNode jailed = validator(rpc, offender);
      assertThat(jailed.path("status").asText()).isEqualTo("jailed");

      long nextEpoch = slashBlock / EPOCH_BLOCKS + 2; // the epoch after the one holding the slash
      Await.until("validator 3 out of the set in epoch " + nextEpoch, EPOCH,
          () -> validators(rpc), v -> Numeric.decodeQuantity(v.path("epoch").asText()).longValue()
              >= nextEpoch && Numeric.decodeQuantity(entry(v, offender).path("votingPower").asText())
              .signum() == 0);
      long height = CLUSTER.sample().maxHeight(all.subList(0, 3));
      CLUSTER.await("the three honest validators finalize 10 more blocks", EPOCH,
          v -> v.minHeight(all.subList(0, 3)) >= height + 10);

      // A twin that keeps running equivocates again in each round it leads while still in the
      // epoch's set: each round is its own offence (STAKING.md: id = validator, kind, epoch,
      // round), so each is slashed once, by the genesis fraction of what is left.
      List<JsonNode> events = slashings(rpc);
      LOG.info("figure: {} offences of validator 3 slashed: {}", events.size(), events.stream()
          .map(e -> e.path("blockNumber").asText() + "/" + e.path("reason").asText()).toList());
      BigInteger left = bonded;
      BigInteger burned = BigInteger.ZERO;
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (JsonNode e : events) {
        assertThat(e.path("address").asText()).isEqualToIgnoringCase(offender.toHex());
        assertThat(e.path("reason").asText()).startsWith("equivocation-");
        assertThat(ids.add(e.path("evidenceId").asText())).as("evidence applied once: " + e).isTrue();
        BigInteger cut = left.multiply(BigInteger.valueOf(SLASH_BPS)).divide(BigInteger.valueOf(10_000));
        assertThat(Numeric.decodeQuantity(e.path("amountFromBonded").asText())).isEqualTo(cut);
        assertThat(Numeric.decodeQuantity(e.path("amountFromUnbonding").asText())).isZero();
        left = left.subtract(cut);
        burned = burned.add(cut);
      }
      assertThat(Numeric.decodeQuantity(validator(rpc, offender).path("bonded").asText())).isEqualTo(left);
      // burned: the module holds every bonded and unbonding coin, and nothing else moved stake
      assertThat(balance(web3j, StakingModule.ADDRESS)).isEqualTo(moduleBefore.subtract(burned));
      assertThat(stakingLogs(web3j, StakingEvent.SLASHED, offender)).hasSize(events.size());
      assertThat(stakingLogs(web3j, StakingEvent.JAILED, offender)).hasSize(events.size());

      // a restart of an honest validator (and its evidence pool) applies nothing twice
      all.get(1).process().terminate();
      all.get(1).process().start();
      long resumed = CLUSTER.sample().maxHeight(all.subList(0, 3));
      CLUSTER.await("the honest validators finalize 10 more blocks after validator-1's restart",
          EPOCH, v -> v.minHeight(all.subList(0, 3)) >= resumed + 10);
      assertThat(slashings(rpc)).as("no offence slashed twice, none added out of the set")
          .hasSize(events.size());

      twin.close();
      all.get(3).close();
      for (ClusterNode n : all.subList(0, 3)) {
        n.process().terminate();
      }
      String[] audit = {"audit", "--data-dir", all.get(0).data().root().toString()};
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = BulwarkCli.newCommandLine().setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true)).execute(audit);
      LOG.info("audit of validator-0's store: {}{}", err, out);
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("slashes=" + events.size() + " unbacked_slashes=0 proofs_ok=true");
    } finally {
      web3j.shutdown();
      twin.close();
    }
  }

  private static List<JsonNode> slashings(JsonRpcClient rpc) {
    try {
      List<JsonNode> out = new java.util.ArrayList<>();
      rpc.read("bulwark_slashingEvents", JsonRpcClient.params("0x0", "latest")).forEach(out::add);
      return out;
    } catch (RpcClientException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode validators(JsonRpcClient rpc) {
    try {
      return rpc.read("bulwark_validators", JsonRpcClient.params("latest"));
    } catch (RpcClientException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode entry(JsonNode validators, Address a) {
    for (JsonNode v : validators.path("validators")) {
      if (v.path("address").asText().equalsIgnoreCase(a.toHex())) {
        return v;
      }
    }
    throw new AssertionError(a + " not in bulwark_validators");
  }

  private static JsonNode validator(JsonRpcClient rpc, Address a) {
    return entry(validators(rpc), a);
  }

  private static long roundOf(JsonRpcClient rpc, long block) throws RpcClientException {
    JsonNode proof = rpc.read("bulwark_getCommitProof", JsonRpcClient.params(JsonRpcClient.hex(block)));
    return Numeric.decodeQuantity(proof.path("round").asText()).longValueExact();
  }

  private static BigInteger balance(Web3j web3j, Address a) throws Exception {
    return web3j.ethGetBalance(a.toHex(), DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static List<EthLog.LogResult> stakingLogs(Web3j web3j, StakingEvent event, Address who)
      throws Exception {
    EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST,
        DefaultBlockParameterName.LATEST, StakingModule.ADDRESS.toHex());
    filter.addSingleTopic(event.topic().toHex());
    filter.addSingleTopic("0x" + "0".repeat(24) + who.toHex().substring(2));
    EthLog answer = web3j.ethGetLogs(filter).send();
    assertThat(answer.hasError()).as(String.valueOf(answer.getError())).isFalse();
    return answer.getLogs();
  }
}
