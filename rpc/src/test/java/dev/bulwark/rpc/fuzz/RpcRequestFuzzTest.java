package dev.bulwark.rpc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.ledger.fuzz.Fuzz;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import dev.bulwark.rpc.server.RpcDispatcher;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON-RPC envelope and the parameter decoders, as a client reaches them: the input is one
 * HTTP body or WebSocket message. The dispatcher always answers valid JSON (nothing only for a
 * batch of notifications) and never an internal error; the decoders of {@link RpcParams}, tried
 * on every argument and on every field of object arguments, throw only RpcException, and a
 * decoded quantity or data string prints back to an equal value.
 */
class RpcRequestFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * fuzz_decode runs ten decoders on each argument, and each rejection is an RpcException with
   * its stack trace (about 1.5 KiB): a 3-byte argument costs some 15 KiB of the harness's own.
   */
  private static final long HARNESS_BYTES_PER_INPUT_BYTE = 16 * 1024;
  private static final RpcLimits LIMITS =
      new RpcLimits(1 << 20, 50, 1 << 20, 10, 10, 10, 300_000, 100, 100);
  private static final RpcDispatcher DISPATCHER = new RpcDispatcher(new RpcMethods()
      .register("fuzz_decode", (params, context) -> IntNode.valueOf(decodeAll(params)))
      .register("fuzz_echo", (params, context) -> params.expect(1, 1).raw(0))
      .register("eth_getBalance", (params, context) -> {
        params.expect(1, 2);
        params.address(0);
        params.blockTagOrLatest(1);
        return TextNode.valueOf("0x0");
      }), LIMITS);

  private static final String[] SEEDS = {
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\","
        + "\"params\":[\"0x" + "ab".repeat(20) + "\",\"latest\"]}",
    "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"fuzz_decode\",\"params\":[\"0x1f\",\"0x\","
        + "\"pending\",\"0x" + "00".repeat(32) + "\",{\"blockHash\":\"0x" + "11".repeat(32) + "\"},"
        + "{\"blockNumber\":\"0x10\"},true,null,1.5e3,[1,[2]]]}",
    "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fuzz_echo\",\"params\":[{\"a\":[null]}]},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"fuzz_decode\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"nope\"},5]",
    "[{\"jsonrpc\":\"2.0\",\"method\":\"fuzz_echo\",\"params\":[1]}]",
    "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890.10,\"method\":\"fuzz_decode\","
        + "\"params\":{\"not\":\"an array\"}}",
    "[]",
    "{\"jsonrpc\":\"1.0\",\"id\":[],\"method\":7}",
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fuzz_decode\",\"params\":[\"0xFFFFFFFFFFFFFFFF\","
        + "\"0x8000000000000000\",\"0x7fffffffffffffff\",\"0x0\",\"0x01\",\"0XaB\",\"earliest\","
        + "\"safe\",\"finalized\",\"accepted\",\"0x" + "f".repeat(64) + "\"]}",
  };

  static List<byte[]> seedInputs() {
    List<byte[]> seeds = new ArrayList<>();
    for (String s : SEEDS) {
      seeds.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return seeds;
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      request(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void request(byte[] input) throws IOException {
    byte[] answer = Fuzz.total("dispatcher", input,
        message -> Optional.ofNullable(DISPATCHER.handle(message, Optional.empty())),
        HARNESS_BYTES_PER_INPUT_BYTE).orElse(null);
    if (answer == null) {
      // JSON-RPC 2.0: a notification (no "id") is never answered, alone or in a batch.
      JsonNode request = JSON.readTree(input);
      List<JsonNode> calls = new ArrayList<>();
      if (request.isArray()) {
        request.forEach(calls::add);
      } else {
        calls.add(request);
      }
      assertThat(calls).as("only notifications go unanswered").isNotEmpty()
          .allMatch(c -> c.isObject() && !c.has("id"));
      return;
    }
    JsonNode response = JSON.readTree(answer);
    List<JsonNode> objects = new ArrayList<>();
    if (response.isArray()) {
      assertThat(response.isEmpty()).as("an empty batch answer is never sent").isFalse();
      response.forEach(objects::add);
    } else {
      objects.add(response);
    }
    for (JsonNode o : objects) {
      assertThat(o.path("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(o.has("result") != o.has("error")).as("result xor error: %s", o).isTrue();
      assertThat(o.path("error").path("code").asInt()).as("internal error for %s", o)
          .isNotEqualTo(RpcException.INTERNAL_ERROR);
    }
  }

  /** Every decoder on every argument and object field; returns how many accepted. */
  private static int decodeAll(RpcParams params) throws RpcException {
    int accepted = 0;
    for (int i = 0; i < params.size(); i++) {
      JsonNode node = params.raw(i);
      accepted += decodeNode(i, node);
      Iterator<JsonNode> fields = node.isObject() ? node.elements() : List.<JsonNode>of().iterator();
      while (fields.hasNext()) {
        accepted += decodeNode(i, fields.next());
      }
      accepted += accepts(() -> params.bool(0)) + accepts(() -> params.string(0))
          + accepts(() -> params.object(0)) + accepts(() -> params.blockTagOrLatest(params.size()));
    }
    accepted += accepts(() -> params.expect(1, 3));
    return accepted;
  }

  private static int decodeNode(int i, JsonNode node) {
    int accepted = 0;
    accepted += accepts(() -> RpcParams.blockTag(i, node));
    accepted += accepts(() -> RpcParams.address(i, node));
    accepted += accepts(() -> RpcParams.hash(i, node));
    accepted += accepts(() -> {
      long q = RpcParams.quantity(i, node);
      assertThat(RpcParams.quantity(i, TextNode.valueOf("0x" + Long.toHexString(q)))).isEqualTo(q);
      return q;
    });
    accepted += accepts(() -> {
      BigInteger q = RpcParams.bigQuantity(i, node, 256);
      assertThat(q.bitLength()).isLessThanOrEqualTo(256);
      assertThat(RpcParams.bigQuantity(i, TextNode.valueOf("0x" + q.toString(16)), 256)).isEqualTo(q);
      return q;
    });
    accepted += accepts(() -> {
      Bytes b = RpcParams.data(i, node);
      assertThat(RpcParams.data(i, TextNode.valueOf(b.toHex()))).isEqualTo(b);
      assertThat(b.toHex()).isEqualToIgnoringCase("0x" + node.textValue().substring(2));
      return b;
    });
    return accepted;
  }

  @FunctionalInterface
  private interface Decoding {
    Object run() throws RpcException;
  }

  /** 1 when {@code decoding} succeeds, 0 on RpcException; anything else fails the target. */
  private static int accepts(Decoding decoding) {
    try {
      decoding.run();
      return 1;
    } catch (RpcException e) {
      return 0;
    } catch (RuntimeException e) {
      throw new AssertionError("a parameter decoder threw " + e, e);
    }
  }
}
