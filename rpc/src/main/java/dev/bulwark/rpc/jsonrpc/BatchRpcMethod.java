package dev.bulwark.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The batch form of a method: answers all of one JSON-RPC batch's calls to it at once (e.g. one
 * mempool admission for every {@code eth_sendRawTransaction} of the batch). The dispatcher uses it
 * for a batch holding two or more calls to the method, the single form otherwise.
 */
@FunctionalInterface
public interface BatchRpcMethod {
  /** One call's answer: a result, or an error. */
  sealed interface Answer permits Result, Failure {}

  /** A {@code result} member. */
  record Result(JsonNode value) implements Answer {
    /** Validates presence. */
    public Result {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An {@code error} member. */
  record Failure(RpcException error) implements Answer {
    /** Validates presence. */
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }

  /** Answers each of {@code calls}, in order; runs off the event loops, as {@link RpcMethod}. */
  List<Answer> callAll(List<RpcParams> calls, RpcContext context);
}
