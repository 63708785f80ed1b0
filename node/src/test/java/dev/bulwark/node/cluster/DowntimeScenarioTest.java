package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.node.staking.JsonRpcClient;
import dev.bulwark.node.staking.RpcClientException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Issue 13, scenario 2, on real processes: validator 2 is stopped for longer than the (small)
 * inactivity window of the test genesis; the rule over committed blocks slashes and jails it, it
 * drops out at the next epoch; after the jail time its operator sends {@code unjail()} through
 * web3j and it rejoins at the following epoch and signs commit proofs again. Observed only
 * through JSON-RPC.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DowntimeScenarioTest {
  private static final Logger LOG = LoggerFactory.getLogger(DowntimeScenarioTest.class);
  private static final long EPOCH_BLOCKS = 20;
  private static final long JAIL_BLOCKS = 10;
  private static final long WINDOW = 12;
  private static final long THRESHOLD = 6;
  private static final long INACTIVITY_BPS = 100;
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration STEP = Duration.ofSeconds(120);

  @RegisterExtension
  static final ClusterFixture CLUSTER = new ClusterFixture(4, "--min-block-interval", "100");

  @Test
  void aValidatorDownTooLongIsJailedAndRejoinsAfterUnjail(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    CLUSTER.create(dir.resolve("cluster"));
    CLUSTER.rewriteGenesis(p -> new GenesisParams(EPOCH_BLOCKS, p.maxValidators(), p.minStake(),
        p.unbondingPeriodBlocks(), JAIL_BLOCKS, p.equivocationSlashBps(), p.maxEvidenceAgeBlocks(),
        WINDOW, THRESHOLD, INACTIVITY_BPS, p.blockGasLimit(), p.minBaseFeePerGas(),
        p.stakingCallGas(), p.admin()));
    List<ClusterNode> all = CLUSTER.validators();
    List<ClusterNode> others = List.of(all.get(0), all.get(1), all.get(3));
    ClusterNode down = all.get(2);
    Address operator = CLUSTER.genesis().validators().get(2).address();
    String url = "http://127.0.0.1:" + all.get(0).rpcPort() + "/";
    JsonRpcClient rpc = new JsonRpcClient(URI.create(url));
    Web3j web3j = Web3j.build(new HttpService(url));
    try {
      all.forEach(n -> n.process().start());
      CLUSTER.await("every validator at height >= 3", STARTUP, v -> v.minHeight(all) >= 3);
      BigInteger bonded = Numeric.decodeQuantity(validator(rpc, operator).path("bonded").asText());

      long downAt = CLUSTER.sample().maxHeight(all);
      down.process().terminate();
      JsonNode slash = Await.until("validator 2 slashed for inactivity", STEP, () -> slashings(rpc),
          events -> events.stream().anyMatch(e -> e.path("reason").asText().equals("inactivity"))).get(0);
      long slashBlock = quantity(slash.path("blockNumber")).longValueExact();
      LOG.info("figure: validator 2 down from block {}, jailed by the inactivity rule in block {}:"
          + " {} blocks", downAt, slashBlock, slashBlock - downAt);
      assertThat(slash.path("address").asText()).isEqualToIgnoringCase(operator.toHex());
      assertThat(quantity(slash.path("amountFromBonded"))).isEqualTo(
          bonded.multiply(BigInteger.valueOf(INACTIVITY_BPS)).divide(BigInteger.valueOf(10_000)));
      JsonNode jailed = validator(rpc, operator);
      assertThat(jailed.path("status").asText()).isEqualTo("jailed");
      long jailedUntil = quantity(jailed.path("jailedUntil")).longValueExact();
      // the operator sees the jailing and brings the node back at once, while it is still in the
      // epoch's set and so still hears consensus traffic to follow the chain by
      down.process().start();

      long outEpoch = nextSetEpoch(slashBlock);
      Await.until("validator 2 out of the set in epoch " + outEpoch, STEP, () -> validators(rpc),
          v -> quantity(v.path("epoch")).longValue() >= outEpoch
              && quantity(entry(v, operator).path("votingPower")).signum() == 0);

      // the operator waits out the jail time and unjails through web3j
      Await.until("block " + jailedUntil + " (end of the jail time)", STEP,
          () -> quantity(validators(rpc).path("blockNumber")).longValue(), h -> h >= jailedUntil);
      Credentials key = Credentials.create(Files.readString(
          dir.resolve("cluster/validator-2/account.key")).strip());
      Credentials funder = Credentials.create(DevAccounts.standard().get(0).privateKey().toUnprefixedHex());
      Transfer.sendFunds(web3j, funder, key.getAddress(), BigDecimal.ONE, Convert.Unit.ETHER).send();
      RawTransactionManager manager = new RawTransactionManager(web3j, key, ClusterFixture.CHAIN_ID,
          new PollingTransactionReceiptProcessor(web3j, 200, 300));
      BigInteger baseFee = web3j.ethGetBlockByNumber(
          org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock()
          .getBaseFeePerGas();
      EthSendTransaction sent = manager.sendEIP1559Transaction(ClusterFixture.CHAIN_ID,
          BigInteger.ZERO, baseFee.shiftLeft(1), BigInteger.valueOf(200_000),
          StakingModule.ADDRESS.toHex(), FunctionEncoder.encode(new Function("unjail", List.of(),
              List.of())), BigInteger.ZERO);
      assertThat(sent.hasError()).as(String.valueOf(sent.getError())).isFalse();
      TransactionReceipt unjail = new PollingTransactionReceiptProcessor(web3j, 200, 300)
          .waitForTransactionReceipt(sent.getTransactionHash());
      assertThat(unjail.isStatusOK()).as(unjail.getRevertReason()).isTrue();
      long unjailBlock = unjail.getBlockNumber().longValueExact();

      long backEpoch = nextSetEpoch(unjailBlock);
      Await.until("validator 2 back in the set in epoch " + backEpoch, STEP, () -> validators(rpc),
          v -> quantity(v.path("epoch")).longValue() >= backEpoch
              && entry(v, operator).path("status").asText().equals("active")
              && quantity(entry(v, operator).path("votingPower")).signum() > 0);
      Await.until("validator 2 signing commit proofs again", STEP, () -> latestSigners(rpc),
          signers -> signers.contains(operator.toHex()));
      CLUSTER.await("all four at the same height again", STEP,
          v -> v.minHeight(all) >= v.maxHeight(others) - 2);
    } finally {
      web3j.shutdown();
    }
  }

  /**
   * The first epoch whose set reflects a change made in block {@code n}: sets are computed after
   * the transactions of the epoch-ending block, so a change in that very block counts.
   */
  private static long nextSetEpoch(long n) {
    return (n + EPOCH_BLOCKS - 1) / EPOCH_BLOCKS + 1;
  }

  private static BigInteger quantity(JsonNode n) {
    return Numeric.decodeQuantity(n.asText());
  }

  private static List<JsonNode> slashings(JsonRpcClient rpc) {
    List<JsonNode> out = new ArrayList<>();
    call(rpc, "bulwark_slashingEvents", "0x0", "latest").forEach(out::add);
    return out;
  }

  private static JsonNode validators(JsonRpcClient rpc) {
    return call(rpc, "bulwark_validators", "latest");
  }

  /** The signers of the newest commit proof (lower-case addresses). */
  private static List<String> latestSigners(JsonRpcClient rpc) {
    long head = quantity(validators(rpc).path("blockNumber")).longValueExact();
    JsonNode proof = call(rpc, "bulwark_getCommitProof", JsonRpcClient.hex(head));
    List<String> out = new ArrayList<>();
    proof.path("signers").forEach(s -> out.add(s.path("address").asText().toLowerCase()));
    return out;
  }

  private static JsonNode call(JsonRpcClient rpc, String method, Object... params) {
    try {
      return rpc.read(method, JsonRpcClient.params(params));
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
}
