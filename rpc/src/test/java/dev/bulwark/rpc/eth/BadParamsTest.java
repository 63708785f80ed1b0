package dev.bulwark.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.rpc.jsonrpc.RpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter-level bad input of the Ethereum methods: each answered with the exact code and
 * message, and nothing changes (the chain stays at its head, the pool empty).
 */
class BadParamsTest {
  private static final String A = "\"0x" + "35".repeat(20) + "\"";
  private static final String H = "\"0x" + "11".repeat(32) + "\"";
  private static EthFixture fx;

  @BeforeAll
  static void chain() {
    fx = new EthFixture();
    fx.commit();
  }

  @AfterAll
  static void close() throws Exception {
    assertThat(fx.call("eth_blockNumber").asText()).isEqualTo("0x1");
    assertThat(fx.mempool.size()).isZero();
    fx.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "eth_getBalance|[]|-32602|missing value for required argument 0",
      "eth_getBalance|[$A, \"latest\", 1]|-32602|too many arguments, want at most 2",
      "eth_getBalance|[\"0x1234\", \"latest\"]|-32602|invalid argument 0: an address must be 20 bytes, got 2",
      "eth_getBalance|[\"3535353535353535353535353535353535353535\"]|-32602|invalid argument 0: hex string without 0x prefix",
      "eth_getBalance|[$A, \"newest\"]|-32602|invalid argument 1: unknown block tag or hex number without 0x prefix",
      "eth_getBalance|[$A, \"0x01\"]|-32602|invalid argument 1: hex number with leading zero digits",
      "eth_getBalance|[$A, \"0x10000000000000000\"]|-32602|invalid argument 1: hex number > 64 bits",
      "eth_getBalance|[$A, -1]|-32602|invalid argument 1: expected a block number or tag",
      "eth_getBalance|[$A, {\"blockHash\":$H, \"blockNumber\":\"0x1\"}]|-32602|invalid argument 1: a block object needs exactly one of blockHash and blockNumber",
      "eth_getBalance|[$A, \"0x9\"]|-32000|header not found",
      "eth_getTransactionCount|[123]|-32602|invalid argument 0: expected a 0x-prefixed hex string",
      "eth_getStorageAt|[$A, \"0xzz\", \"latest\"]|-32602|invalid argument 1: invalid hex string",
      "eth_getStorageAt|[$A, \"0x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\", \"latest\"]|-32602|invalid argument 1: hex string too long, want at most 49 bytes",
      "eth_getBlockByNumber|[\"latest\"]|-32602|missing value for required argument 1",
      "eth_getBlockByNumber|[\"latest\", \"true\"]|-32602|invalid argument 1: expected a boolean",
      "eth_getBlockByHash|[\"0x11\", false]|-32602|invalid argument 0: a hash must be 32 bytes, got 1",
      "eth_getBlockByHash|[\"0x111111111111111111111111111111111111111111111111111111111111111\", false]|-32602|invalid argument 0: hex string of odd length",
      "eth_getTransactionByHash|[]|-32602|missing value for required argument 0",
      "eth_getTransactionByBlockNumberAndIndex|[\"0x1\", \"0x\"]|-32602|invalid argument 1: hex string \"0x\"",
      "eth_sendRawTransaction|[\"0xabc\"]|-32602|invalid argument 0: hex string of odd length",
      "eth_sendRawTransaction|[{}]|-32602|invalid argument 0: expected a 0x-prefixed hex string",
      "eth_call|[\"0x1\"]|-32602|invalid argument 0: expected an object",
      "eth_call|[{\"to\":\"0x12\"}]|-32602|invalid argument 0: an address must be 20 bytes, got 1",
      "eth_call|[{\"to\":$A, \"data\":\"0x01\", \"input\":\"0x02\"}]|-32602|invalid argument 0: both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data",
      "eth_call|[{\"to\":$A, \"value\":\"0x-1\"}]|-32602|invalid argument 0: invalid hex string",
      "eth_call|[{}]|-32000|contract creation is not supported",
      "eth_estimateGas|[{\"to\":$A}, \"latest\", 1]|-32602|too many arguments, want at most 2",
      "eth_getLogs|[{\"fromBlock\":\"0x1\", \"blockHash\":$H}]|-32602|invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other",
      "eth_getLogs|[{\"topics\":[null,null,null,null,null]}]|-32602|invalid argument 0: exceed max topics",
      "eth_getLogs|[{\"topics\":\"0x01\"}]|-32602|invalid argument 0: topics must be an array",
      "eth_getLogs|[{\"fromBlock\":\"latest\", \"toBlock\":\"0x0\"}]|-32000|invalid block range params",
      "eth_getLogs|[{\"address\":[\"0x12\"]}]|-32602|invalid argument 0: an address must be 20 bytes, got 1",
      "eth_getFilterChanges|[\"0xdeadbeef\"]|-32000|filter not found",
      "eth_getFilterLogs|[\"0xdeadbeef\"]|-32000|filter not found",
      "eth_newFilter|[{\"blockHash\":$H}]|-32602|invalid argument 0: a filter cannot take a blockHash",
      "eth_feeHistory|[\"0x4\", \"latest\", [50, 10]]|-32602|invalid argument 2: invalid reward percentile: #0:50.0 > #1:10.0",
      "eth_feeHistory|[\"0x4\", \"latest\", [101]]|-32602|invalid argument 2: invalid reward percentile: 101",
      "eth_feeHistory|[\"0x4\"]|-32602|missing value for required argument 1",
      "eth_blockNumber|[1]|-32602|too many arguments, want at most 0",
      "eth_chainId|[\"x\"]|-32602|too many arguments, want at most 0",
      "eth_unsubscribe|[\"0x1\"]|-32000|subscription not found",
      "eth_subscribe|[\"newHeads\"]|-32601|notifications not supported",
  })
  void rejected(String method, String params, int code, String message) {
    String json = params.replace("$A", A).replace("$H", H);
    assertThatThrownBy(() -> fx.callJson(method, json))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.code()).isEqualTo(code);
        });
  }
}
