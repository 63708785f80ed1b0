package dev.bulwark.rpc.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validator that missed 15 of its leader slots (the fixture's threshold) is slashed and jailed
 * for inactivity in the block that records the timeouts: bulwark_slashingEvents reports it with
 * reason {@code inactivity} and no evidence, bulwark_validators shows it jailed, and signer
 * metrics count the missed slots against the threshold.
 */
class InactivitySlashingTest {
  @Test
  void inactivityJailingIsReportedWithoutEvidence() throws Exception {
    try (BulwarkChain chain = new BulwarkChain().grow(14)) {
      Address absent = chain.validators.get(0).address();
      chain.timeOutLeaderSlots(absent, 15).grow(17);
      RpcMethods methods = new RpcMethods();
      BulwarkApi.register(methods, chain.ledger, Fakes.consensus(), List::of, List::of, "test");
      Rpc rpc = new Rpc(methods);

      JsonNode events = rpc.call("bulwark_slashingEvents", "[\"0xf\",\"latest\"]");
      assertThat(events).hasSize(1);
      JsonNode e = events.get(0);
      assertThat(e.get("address").textValue()).isEqualTo(absent.toHex());
      assertThat(e.get("reason").textValue()).isEqualTo("inactivity");
      assertThat(e.get("amountFromBonded").textValue()).isEqualTo("0xa"); // 1% of 1000
      assertThat(e.get("amountFromUnbonding").textValue()).isEqualTo("0x0");
      assertThat(e.get("blockNumber").textValue()).isEqualTo("0xf");
      assertThat(e.get("jailedUntil").textValue()).isEqualTo("0x" + Long.toHexString(15 + 50));
      assertThat(e.get("evidenceId").isNull()).isTrue();
      assertThat(e.get("evidence").isNull()).isTrue();
      assertThat(rpc.call("bulwark_slashingEvents", "[\"0x0\",\"latest\"]")).hasSize(2);

      JsonNode validators = rpc.call("bulwark_validators", "[\"0xf\"]").get("validators");
      for (JsonNode v : validators) {
        if (v.get("address").textValue().equals(absent.toHex())) {
          assertThat(v.get("status").textValue()).isEqualTo("jailed");
          // The slashing restarts its window empty.
          assertThat(v.get("missedLeaderSlots").textValue()).isEqualTo("0x0");
        }
      }
      JsonNode metrics = rpc.call("bulwark_signerMetrics", "[\"0xf\",\"0xf\"]").get("validators");
      for (JsonNode m : metrics) {
        if (m.get("address").textValue().equals(absent.toHex())) {
          assertThat(m.get("missedLeaderSlots").textValue()).isEqualTo("0xf");
          assertThat(m.get("jailingThreshold").textValue()).isEqualTo("0xf");
        }
      }
    }
  }
}
