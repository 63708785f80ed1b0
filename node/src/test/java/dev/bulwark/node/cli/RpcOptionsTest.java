package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.genesis.config.RpcConfig;
import dev.bulwark.node.runtime.RpcSettings;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** JSON-RPC settings: flags over node.toml over the defaults, each range checked by name. */
class RpcOptionsTest {
  private static RpcOptions parse(String... args) {
    RpcOptions options = new RpcOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private static RpcSettings settings(RpcOptions o, RpcConfig file, List<String> cors) {
    return o.settings(file, cors, IllegalStateException::new);
  }

  @Test
  void defaultsAreLoopbackNoCorsLocalhostAndTheDefaultLimits() {
    RpcSettings s = settings(parse(), RpcConfig.NONE, List.of());
    assertThat(s).isEqualTo(RpcSettings.DEFAULTS);
    assertThat(settings(parse(), RpcConfig.NONE, List.of("*")).corsOrigins()).containsExactly("*");
  }

  @Test
  void flagsOverrideNodeTomlWhichOverridesTheDefaults() {
    RpcConfig file = new RpcConfig("0.0.0.0", List.of("https://a.example"), List.of("node.example"),
        2048L, 5L, 4096L, 7L, 3L, 9L, 60L, 100L, 200L);
    RpcSettings fromFile = settings(parse(), file, List.of());
    assertThat(fromFile.host()).isEqualTo("0.0.0.0");
    assertThat(fromFile.corsOrigins()).containsExactly("https://a.example");
    assertThat(fromFile.allowedHosts()).containsExactly("node.example");
    assertThat(fromFile.limits()).isEqualTo(new RpcLimits(2048, 5, 4096, 7, 3, 9, 60_000, 100, 200));

    RpcSettings flags = settings(parse("--rpc-host", "192.0.2.1", "--rpc-cors-origins", "*",
        "--rpc-allowed-hosts", "a.example,b.example", "--rpc-max-body-size", "4096",
        "--rpc-max-batch-size", "50", "--rpc-max-frame-size", "8192", "--rpc-max-connections", "10",
        "--rpc-max-subscriptions", "4", "--rpc-max-filters", "11", "--rpc-filter-timeout", "30",
        "--rpc-max-logs-range", "1000", "--rpc-max-logs-results", "500"), file, List.of());
    assertThat(flags.host()).isEqualTo("192.0.2.1");
    assertThat(flags.corsOrigins()).containsExactly("*");
    assertThat(flags.allowedHosts()).containsExactly("a.example", "b.example");
    assertThat(flags.limits()).isEqualTo(new RpcLimits(4096, 50, 8192, 10, 4, 11, 30_000, 1000, 500));
  }

  @Test
  void outOfRangeValuesAreUsageErrorsNamingTheFlag() {
    assertThatThrownBy(() -> settings(parse("--rpc-max-batch-size", "0"), RpcConfig.NONE, List.of()))
        .hasMessage("--rpc-max-batch-size must be between 1 and 2147483647, got 0");
    assertThatThrownBy(() -> settings(parse("--rpc-max-body-size", "100"), RpcConfig.NONE, List.of()))
        .hasMessageStartingWith("--rpc-max-body-size must be between 1024 and");
    assertThatThrownBy(() -> settings(parse("--rpc-max-frame-size", "4294967296"), RpcConfig.NONE, List.of()))
        .hasMessage("--rpc-max-frame-size must be between 1024 and 2147483647, got 4294967296");
    RpcConfig file = new RpcConfig(null, null, null, null, null, null, 0L, null, null, null, null, null);
    assertThatThrownBy(() -> settings(parse(), file, List.of()))
        .hasMessage("--rpc-max-connections must be between 1 and 2147483647, got 0");
  }

  @Test
  void unprotectedTxsFlagOverridesNodeTomlWhichOverridesTheDefaultOfAllowing() {
    RpcConfig refuse = new RpcConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, false, null, null);
    RpcConfig allow = new RpcConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, true, null, null);
    assertThat(settings(parse(), RpcConfig.NONE, List.of()).allowUnprotectedTxs()).isTrue();
    assertThat(settings(parse(), refuse, List.of()).allowUnprotectedTxs()).isFalse();
    assertThat(settings(parse("--rpc-allow-unprotected-txs"), refuse, List.of()).allowUnprotectedTxs())
        .isTrue();
    assertThat(settings(parse("--no-rpc-allow-unprotected-txs"), allow, List.of()).allowUnprotectedTxs())
        .isFalse();
    assertThat(settings(parse("--rpc-allow-unprotected-txs=false"), allow, List.of())
        .allowUnprotectedTxs()).isFalse();
  }

  @Test
  void webSocketIdleTimeoutAndPendingBoundComeFromFlagsOverNodeToml() {
    RpcLimits defaults = settings(parse(), RpcConfig.NONE, List.of()).limits();
    assertThat(defaults.wsIdleTimeoutMillis()).isEqualTo(600_000);
    assertThat(defaults.wsMaxPendingBytes()).isEqualTo(16L * 1024 * 1024);
    RpcConfig file = new RpcConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, null, 90L, 4096L);
    RpcLimits fromFile = settings(parse(), file, List.of()).limits();
    assertThat(fromFile.wsIdleTimeoutMillis()).isEqualTo(90_000);
    assertThat(fromFile.wsMaxPendingBytes()).isEqualTo(4096);
    RpcLimits flags = settings(parse("--rpc-ws-idle-timeout", "30", "--rpc-ws-max-pending-bytes",
        "100000"), file, List.of()).limits();
    assertThat(flags.wsIdleTimeoutMillis()).isEqualTo(30_000);
    assertThat(flags.wsMaxPendingBytes()).isEqualTo(100_000);
    assertThatThrownBy(() -> settings(parse("--rpc-ws-max-pending-bytes", "10"), file, List.of()))
        .hasMessageStartingWith("--rpc-ws-max-pending-bytes must be between 1024 and");
  }
}
