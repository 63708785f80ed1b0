package dev.bulwark.genesis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Amounts and endpoints: the value syntax of genesis files. */
class ValuesTest {
  @Test
  void parsesCanonicalDecimalAmountsWithinUint256() {
    assertThat(Amounts.parseDecimal("0")).isZero();
    assertThat(Amounts.parseDecimal(Amounts.MAX_UINT256.toString())).isEqualTo(Amounts.MAX_UINT256);
    assertThat(Amounts.tokens(2)).isEqualTo(new BigInteger("2000000000000000000"));
    for (String bad : new String[] {"", "-1", "+1", "1e3", "0x10", " 1", "1.0", "١"}) {
      assertThatThrownBy(() -> Amounts.parseDecimal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Amounts.parseDecimal("007")).hasMessage("must not have leading zeros");
    assertThatThrownBy(() -> Amounts.parseDecimal(Amounts.MAX_UINT256.add(BigInteger.ONE).toString()))
        .hasMessage("exceeds the uint256 range");
    assertThatThrownBy(() -> Amounts.parseDecimal("9".repeat(100_000))).hasMessage("exceeds the uint256 range");
  }

  @Test
  void parsesEndpoints() {
    assertThat(Endpoint.parse("127.0.0.1:30303")).isEqualTo(new Endpoint("127.0.0.1", 30303));
    assertThat(Endpoint.parse("Node-1.Example.com:1").host()).isEqualTo("node-1.example.com");
    assertThat(Endpoint.parse("[::1]:30303").toString()).isEqualTo("[::1]:30303");
    for (String bad : new String[] {"host", "host:", ":80", "host:0", "host:65536", "host:8o",
        "::1:30303", "bad host:1", "-x:1", "a_b:1"}) {
      assertThatThrownBy(() -> Endpoint.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
