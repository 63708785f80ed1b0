package dev.bulwark.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The transaction object of {@code eth_call} and {@code eth_estimateGas}; unknown members are
 * ignored, as geth does. {@code data} and {@code input} may both be given only when equal. Of an
 * {@code accessList}, only its size matters (its intrinsic gas: no EVM warms anything).
 */
record CallRequest(
    Optional<Address> from,
    Optional<Address> to,
    OptionalLong gas,
    Optional<BigInteger> gasPrice,
    BigInteger value,
    Bytes data,
    OptionalLong nonce,
    int accessListAddresses,
    int accessListStorageKeys) {

  CallRequest {
    if (from == null || to == null || gas == null || gasPrice == null || value == null
        || data == null || nonce == null || accessListAddresses < 0 || accessListStorageKeys < 0) {
      throw new IllegalArgumentException("call request fields must not be null");
    }
  }

  /** Decodes argument {@code i}. */
  static CallRequest parse(RpcParams params, int i) throws RpcException {
    ObjectNode o = params.object(i);
    Optional<Address> from = has(o, "from")
        ? Optional.of(RpcParams.address(i, o.get("from"))) : Optional.empty();
    Optional<Address> to = has(o, "to")
        ? Optional.of(RpcParams.address(i, o.get("to"))) : Optional.empty();
    OptionalLong gas = has(o, "gas")
        ? OptionalLong.of(RpcParams.quantity(i, o.get("gas"))) : OptionalLong.empty();
    Optional<BigInteger> gasPrice = Optional.empty();
    for (String f : new String[] {"gasPrice", "maxFeePerGas"}) {
      if (has(o, f)) {
        gasPrice = Optional.of(RpcParams.bigQuantity(i, o.get(f), 256));
      }
    }
    if (has(o, "maxPriorityFeePerGas")) {
      RpcParams.bigQuantity(i, o.get("maxPriorityFeePerGas"), 256);
    }
    BigInteger value = has(o, "value") ? RpcParams.bigQuantity(i, o.get("value"), 256)
        : BigInteger.ZERO;
    Bytes data = Bytes.EMPTY;
    Bytes input = null;
    if (has(o, "input")) {
      input = RpcParams.data(i, o.get("input"));
      data = input;
    }
    if (has(o, "data")) {
      Bytes d = RpcParams.data(i, o.get("data"));
      if (input != null && !input.equals(d)) {
        throw RpcParams.invalid(i,
            "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
                + " transaction call data");
      }
      data = d;
    }
    OptionalLong nonce = has(o, "nonce")
        ? OptionalLong.of(RpcParams.quantity(i, o.get("nonce"))) : OptionalLong.empty();
    int addresses = 0;
    int keys = 0;
    if (has(o, "accessList")) {
      JsonNode list = o.get("accessList");
      if (!list.isArray()) {
        throw RpcParams.invalid(i, "accessList must be an array");
      }
      for (JsonNode entry : list) {
        JsonNode slots = entry.get("storageKeys");
        if (!entry.isObject() || (slots != null && !slots.isNull() && !slots.isArray())) {
          throw RpcParams.invalid(i, "accessList entries must be {address, storageKeys}");
        }
        RpcParams.address(i, entry.get("address"));
        addresses++;
        if (slots != null && !slots.isNull()) {
          for (JsonNode slot : slots) {
            RpcParams.hash(i, slot);
            keys++;
          }
        }
      }
    }
    return new CallRequest(from, to, gas, gasPrice, value, data, nonce, addresses, keys);
  }

  private static boolean has(ObjectNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && !n.isNull();
  }
}
