package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Host allowlist and the origin rule, without a server. */
class AccessPolicyTest {
  private final AccessPolicy policy = new AccessPolicy(List.of("https://app.example"), List.of("localhost"));

  @Test
  void hostNamesAreComparedWithoutPortCaseOrTrailingDot() {
    assertThat(AccessPolicy.hostName("LocalHost.:8545")).isEqualTo("localhost");
    assertThat(AccessPolicy.hostName("[::1]:8545")).isEqualTo("::1");
    assertThat(policy.hostAllowed("localhost.")).isTrue();
    assertThat(policy.hostAllowed(null)).isTrue();
    assertThat(policy.hostAllowed("localhost.evil.example")).isFalse();
    assertThat(policy.hostAllowed("")).isFalse();
  }

  @Test
  void ipLiteralsAreRecognisedWithoutResolvingNames() {
    assertThat(AccessPolicy.isIpLiteral("192.168.0.1")).isTrue();
    assertThat(AccessPolicy.isIpLiteral("::ffff:127.0.0.1")).isTrue();
    assertThat(AccessPolicy.isIpLiteral("1.2.3.256")).isFalse();
    assertThat(AccessPolicy.isIpLiteral("0x7f.1")).isFalse();
    assertThat(AccessPolicy.isIpLiteral("127.1")).isFalse();
    assertThat(AccessPolicy.isIpLiteral("localhost")).isFalse();
    assertThat(AccessPolicy.isIpLiteral("cafe")).isFalse();
    assertThat(AccessPolicy.isIpLiteral("::g")).isFalse();
  }

  @Test
  void originsMatchListedOnesAndTheNodesOwn() {
    assertThat(policy.originAllowed("HTTPS://APP.EXAMPLE", List.of())).isTrue();
    assertThat(policy.originAllowed("https://app.example:443", List.of())).isFalse();
    assertThat(policy.originAllowed("null", List.of("http://127.0.0.1:8545"))).isFalse();
    assertThat(policy.originAllowed("http://127.0.0.1:8545", List.of("http://127.0.0.1:8545"))).isTrue();
    assertThat(policy.allowOriginHeader("https://app.example")).isEqualTo("https://app.example");
    AccessPolicy open = new AccessPolicy(List.of("*"), List.of("*"));
    assertThat(open.originAllowed("null", List.of())).isTrue();
    assertThat(open.allowOriginHeader("https://x.example")).isEqualTo("*");
    assertThat(open.hostAllowed("anything.example")).isTrue();
  }
}
