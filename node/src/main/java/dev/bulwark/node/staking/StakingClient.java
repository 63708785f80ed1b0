package dev.bulwark.node.staking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.staking.StakingFunction;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends staking-module calls as an operator would: EIP-1559 transactions signed with the account
 * key, gas from {@code eth_estimateGas} (which also reveals a revert before anything is paid),
 * fee cap twice the latest base fee plus the node's suggested tip, then waits for the receipt.
 */
public final class StakingClient {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String MODULE = StakingModule.ADDRESS.toHex();

  private final JsonRpcClient rpc;

  /** A client over {@code rpc}. */
  public StakingClient(JsonRpcClient rpc) {
    if (rpc == null) {
      throw new IllegalArgumentException("RPC client is missing");
    }
    this.rpc = rpc;
  }

  /**
   * Signs and submits {@code data} with {@code value} to the staking module and waits up to
   * {@code timeout} for its receipt. Unless {@code sendAnyway}, a call that {@code eth_estimateGas}
   * shows would revert is not sent: {@link CallRevertedException} with the reason.
   */
  public StakingOutcome send(Secp256k1.KeyPair key, Bytes data, BigInteger value, boolean sendAnyway,
      Duration timeout) throws RpcClientException, CallRevertedException, InterruptedException {
    Address from = key.address();
    BigInteger chainId = JsonRpcClient.quantity(rpc.read("eth_chainId", JsonRpcClient.params()));
    long nonce = JsonRpcClient.quantity(rpc.read("eth_getTransactionCount",
        JsonRpcClient.params(from.toHex(), "pending"))).longValueExact();
    long gas;
    try {
      gas = estimate(from, data, value);
    } catch (CallRevertedException e) {
      if (!sendAnyway) {
        throw e;
      }
      // a view costs what any staking call costs (the fixed call gas); pay for our longer data too
      gas = estimate(from, StakingFunction.ADMIN.encodeCall(), BigInteger.ZERO) + 16L * data.size();
    }
    BigInteger tip = JsonRpcClient.quantity(rpc.read("eth_maxPriorityFeePerGas", JsonRpcClient.params()));
    JsonNode latest = rpc.read("eth_getBlockByNumber", JsonRpcClient.params("latest", false));
    BigInteger baseFee = JsonRpcClient.quantity(latest.path("baseFeePerGas"));
    DynamicFeeTransaction tx = new DynamicFeeTransaction(chainId, nonce, tip,
        baseFee.shiftLeft(1).add(tip), gas, Optional.of(StakingModule.ADDRESS), value, data, List.of(),
        TransactionSignature.NONE);
    Hash hash = Hash.fromHex(rpc.read("eth_sendRawTransaction",
        JsonRpcClient.params(TransactionSigner.sign(tx, key).raw().toHex())).asText());
    return awaitReceipt(hash, timeout);
  }

  /** Runs a view of the staking module at the latest block; returns its ABI-encoded result. */
  public Bytes view(Bytes data) throws RpcClientException, CallRevertedException {
    ObjectNode call = JsonRpcClient.object().put("to", MODULE).put("data", data.toHex());
    return Bytes.fromHex(rpc.call("eth_call", JsonRpcClient.params(call, "latest")).asText());
  }

  /** {@code bulwark_validators} at the latest block. */
  public JsonNode validators() throws RpcClientException {
    return rpc.read("bulwark_validators", JsonRpcClient.params("latest"));
  }

  private long estimate(Address from, Bytes data, BigInteger value)
      throws RpcClientException, CallRevertedException {
    ObjectNode call = JsonRpcClient.object().put("from", from.toHex()).put("to", MODULE)
        .put("data", data.toHex()).put("value", JsonRpcClient.hex(value));
    return JsonRpcClient.quantity(rpc.call("eth_estimateGas", JsonRpcClient.params(call))).longValueExact();
  }

  private StakingOutcome awaitReceipt(Hash hash, Duration timeout)
      throws RpcClientException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode receipt = rpc.read("eth_getTransactionReceipt", JsonRpcClient.params(hash.toString()));
      if (receipt != null && !receipt.isNull() && !receipt.isMissingNode()) {
        boolean success = JsonRpcClient.quantity(receipt.path("status")).signum() != 0;
        Optional<String> reason = success ? Optional.empty()
            : Optional.of(receipt.path("revertReason").asText("(no reason given)"));
        return new StakingOutcome(hash, JsonRpcClient.quantity(receipt.path("blockNumber")).longValueExact(),
            JsonRpcClient.quantity(receipt.path("gasUsed")).longValueExact(), success, reason);
      }
      if (System.nanoTime() > deadline) {
        throw new RpcClientException("transaction " + hash + " was submitted but has no receipt after "
            + timeout.toSeconds() + " s (it may still be included; look it up with eth_getTransactionReceipt)");
      }
      Thread.sleep(POLL.toMillis()); // polling a remote node: there is nothing local to wait on
    }
  }
}
