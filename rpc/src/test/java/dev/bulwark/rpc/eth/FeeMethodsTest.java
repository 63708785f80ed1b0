package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeeMethodsTest {
  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void gasPriceIsTheNextBaseFeeAndTheTipIsZero() throws Exception {
    assertThat(fx.call("eth_gasPrice").asText()).isEqualTo("0x3b9aca00");
    assertThat(fx.call("eth_maxPriorityFeePerGas").asText()).isEqualTo("0x0");
    assertThat(fx.call("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(fx.call("eth_accounts").size()).isZero();
    assertThat(fx.call("eth_syncing").asBoolean()).isFalse();
  }

  @Test
  void feeHistoryListsBaseFeesRatiosAndRewardPercentiles() throws Exception {
    BigInteger cap = GWEI.multiply(BigInteger.valueOf(3));
    fx.commit(fx.f.transfer(fx.f.user(0), 0, BOB, BigInteger.ONE, cap, BigInteger.ONE),
        fx.f.transfer(fx.f.user(1), 0, BOB, BigInteger.ONE, cap, GWEI));
    fx.commit();
    JsonNode h = fx.call("eth_feeHistory", "0x2", "latest", List.of(0, 50, 100));
    assertThat(h.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(h.get("baseFeePerGas").size()).isEqualTo(3);
    assertThat(h.get("gasUsedRatio").size()).isEqualTo(2);
    assertThat(h.get("gasUsedRatio").get(0).asDouble()).isEqualTo(42_000 / 30_000_000.0);
    JsonNode rewards = h.get("reward");
    assertThat(rewards.get(0)).extracting(JsonNode::asText).containsExactly("0x1", "0x1",
        "0x3b9aca00");
    assertThat(rewards.get(1)).extracting(JsonNode::asText).containsExactly("0x0", "0x0", "0x0");
    // a decimal count (geth accepts it), capped at the chain's start
    JsonNode all = fx.call("eth_feeHistory", 10, "0x1");
    assertThat(all.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(all.has("reward")).isFalse();
  }
}
