package dev.bulwark.rpc.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RpcParams params(String json) throws Exception {
    return new RpcParams((ArrayNode) JSON.readTree(json));
  }

  @Test
  void decodesWellFormedValues() throws Exception {
    RpcParams p = params("[\"0x0\", \"0x1f\", \"0xAbCd\", \"0x"
        + "00".repeat(20) + "\", \"latest\", {\"blockNumber\":\"0x2\"}, true]");
    assertThat(p.quantity(0)).isZero();
    assertThat(p.quantity(1)).isEqualTo(31);
    assertThat(p.data(2).toHex()).isEqualTo("0xabcd");
    assertThat(p.address(3).bytes().size()).isEqualTo(20);
    assertThat(p.blockTag(4)).isEqualTo(BlockTag.LATEST);
    assertThat(p.blockTag(5)).isEqualTo(BlockTag.number(2));
    assertThat(p.bool(6)).isTrue();
    assertThat(p.bigQuantity(1)).isEqualTo(BigInteger.valueOf(31));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[\"0x01\"]|invalid argument 0: hex number with leading zero digits",
      "[\"0x\"]|invalid argument 0: hex string \"0x\"",
      "[\"12\"]|invalid argument 0: hex string without 0x prefix",
      "[\"0x10000000000000000\"]|invalid argument 0: hex number > 64 bits",
      "[\"0x8000000000000000\"]|invalid argument 0: hex number > 64 bits",
      "[\"0xg1\"]|invalid argument 0: invalid hex string",
      "[\"0x\u0663\"]|invalid argument 0: invalid hex string",
      "[-1]|invalid argument 0: expected a 0x-prefixed hex string",
      "[]|missing value for required argument 0"})
  void rejectsMalformedQuantities(String json, String message) throws Exception {
    assertThatThrownBy(() -> params(json).quantity(0))
        .isInstanceOf(RpcException.class)
        .hasMessage(message)
        .extracting(e -> ((RpcException) e).code()).isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void rejectsMalformedDataAddressesHashesAndTags() throws Exception {
    assertThatThrownBy(() -> params("[\"0xabc\"]").data(0)).hasMessage("invalid argument 0: hex string of odd length");
    assertThatThrownBy(() -> params("[\"0xabcd\"]").address(0)).hasMessage("invalid argument 0: an address must be 20 bytes, got 2");
    assertThatThrownBy(() -> params("[\"0xabcd\"]").hash(0)).hasMessage("invalid argument 0: a hash must be 32 bytes, got 2");
    assertThatThrownBy(() -> params("[\"newest\"]").blockTag(0)).hasMessage("invalid argument 0: unknown block tag or hex number without 0x prefix");
    assertThatThrownBy(() -> params("[{}]").blockTag(0)).hasMessage("invalid argument 0: a block object needs exactly one of blockHash and blockNumber");
  }

  @Test
  void countsArgumentsLikeGeth() throws Exception {
    assertThatThrownBy(() -> params("[1,2,3]").expect(0, 2)).hasMessage("too many arguments, want at most 2");
    assertThatThrownBy(() -> params("[1]").expect(2, 2)).hasMessage("missing value for required argument 1");
    params("[1, null]").expect(1, 1);
  }
}
