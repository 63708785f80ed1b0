package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.staking.AbiCodec;
import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.ledger.tx.IntrinsicGas;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Account state at any committed block: balance, nonce, code, storage, and calls of the staking
 * module (the only code on the chain; there is no EVM).
 */
final class StateMethods {
  /**
   * The code {@code eth_getCode} shows for the staking module: the EVM's designated invalid opcode,
   * so wallets treat the address as a contract and nothing can run it as EVM code.
   */
  static final Bytes MODULE_CODE = Bytes.of((byte) 0xfe);
  /** Longest storage position accepted: the staking module's longest slot key (tag ‖ BLS key). */
  static final int MAX_POSITION_BYTES = 49;

  private final Blocks blocks;
  private final TransactionPool pool;

  StateMethods(Blocks blocks, TransactionPool pool) {
    this.blocks = blocks;
    this.pool = pool;
  }

  void register(RpcMethods m) {
    m.register("eth_getBalance", (p, c) -> {
      p.expect(1, 2);
      Address a = p.address(0);
      return Hex.quantity(account(p.blockTagOrLatest(1), a).balance());
    });
    m.register("eth_getTransactionCount", (p, c) -> {
      p.expect(1, 2);
      Address a = p.address(0);
      BlockTag tag = p.blockTagOrLatest(1);
      if (tag.kind() == BlockTag.Kind.PENDING) {
        return Hex.unsigned(pool.pendingNonce(a));
      }
      return Hex.unsigned(account(tag, a).nonce());
    });
    m.register("eth_getCode", (p, c) -> {
      p.expect(1, 2);
      Address a = p.address(0);
      blocks.require(p.blockTagOrLatest(1));
      return Hex.data(a.equals(module().address()) ? MODULE_CODE : Bytes.EMPTY);
    });
    m.register("eth_getStorageAt", (p, c) -> {
      p.expect(2, 3);
      Address a = p.address(0);
      Bytes key = position(p, 1);
      BlockTag tag = p.blockTagOrLatest(2);
      long n = blocks.require(tag);
      StateReader state = blocks.state(tag);
      Optional<Bytes> value = a.equals(module().address()) && !key.isEmpty()
          ? blocks.read(n, state, s -> s.moduleSlot(a, key)) : Optional.empty();
      return Hex.data(word(value.orElse(Bytes.EMPTY)));
    });
    m.register("eth_call", (p, c) -> {
      p.expect(1, 3);
      CallRequest req = CallRequest.parse(p, 0);
      BlockTag tag = p.blockTagOrLatest(1);
      if (p.has(2)) {
        throw RpcParams.invalid(2, "state overrides are not supported");
      }
      return Hex.data(run(req, tag).returnData());
    });
    m.register("eth_estimateGas", (p, c) -> {
      p.expect(1, 2);
      CallRequest req = CallRequest.parse(p, 0);
      BlockTag tag = p.blockTagOrLatest(1);
      run(req, tag); // a revert or missing funds fail the estimate as they would the call
      boolean toModule = req.to().orElseThrow().equals(module().address());
      // What execution charges: the intrinsic gas, plus the module's fixed gas for a system call.
      long intrinsic = intrinsicGas(req.data())
          + IntrinsicGas.ACCESS_LIST_ADDRESS * req.accessListAddresses()
          + IntrinsicGas.ACCESS_LIST_STORAGE_KEY * req.accessListStorageKeys();
      return Hex.quantity(toModule ? intrinsic + module().gasCost(req.data()) : intrinsic);
    });
  }

  /** The intrinsic gas of a call with {@code data} (no access list): 21,000 + 16/4 per byte. */
  static long intrinsicGas(Bytes data) {
    long gas = IntrinsicGas.TX;
    for (int i = 0; i < data.size(); i++) {
      gas += data.get(i) == 0 ? IntrinsicGas.DATA_ZERO_BYTE : IntrinsicGas.DATA_NONZERO_BYTE;
    }
    return gas;
  }

  private SystemModule module() {
    return blocks.chain().module();
  }

  private ChainParams params() {
    return blocks.chain().params();
  }

  private Account account(BlockTag tag, Address a) throws RpcException {
    long n = blocks.require(tag);
    StateReader state = blocks.state(tag);
    return blocks.read(n, state, s -> s.account(a));
  }

  /**
   * A storage position as geth reads it (any hex up to 32 bytes, odd length allowed, left-padded)
   * mapped to a staking slot key: the position's bytes without leading zero bytes. Slot keys longer
   * than 32 bytes (the key-owner records) may be given whole, up to {@link #MAX_POSITION_BYTES}.
   */
  private static Bytes position(RpcParams p, int i) throws RpcException {
    String s = p.string(i);
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw RpcParams.invalid(i, "hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.length() % 2 != 0) {
      digits = "0" + digits;
    }
    if (digits.length() > 2 * MAX_POSITION_BYTES) {
      throw RpcParams.invalid(i, "hex string too long, want at most " + MAX_POSITION_BYTES
          + " bytes");
    }
    for (char ch : digits.toCharArray()) {
      if (Character.digit(ch, 16) < 0 || ch > 'f') {
        throw RpcParams.invalid(i, "invalid hex string");
      }
    }
    Bytes b = Bytes.fromHex(digits);
    int start = 0;
    while (start < b.size() && b.get(start) == 0) {
      start++;
    }
    return b.slice(start, b.size());
  }

  /** A slot value as a storage word: right-aligned in 32 bytes, or whole when longer. */
  private static Bytes word(Bytes value) {
    if (value.size() >= Hash.SIZE) {
      return value;
    }
    byte[] out = new byte[Hash.SIZE];
    value.copyTo(out, Hash.SIZE - value.size());
    return Bytes.wrap(out);
  }

  /**
   * Runs a call at {@code tag}: to the staking module on a scratch copy of the state (value moved
   * first, as execution does), to any other address a plain transfer, which reverts when it
   * carries data (there is no code to run).
   */
  private CallOutcome run(CallRequest req, BlockTag tag) throws RpcException {
    if (req.to().isEmpty()) {
      throw RpcException.server("contract creation is not supported");
    }
    long n = blocks.require(tag);
    StateReader state = blocks.state(tag);
    Address from = req.from().orElse(Address.of(new byte[Address.SIZE]));
    Account sender = blocks.read(n, state, s -> s.account(from));
    checkFunds(req, sender);
    Address to = req.to().get();
    if (!to.equals(module().address())) {
      if (!req.data().isEmpty()) {
        throw revert(Optional.empty());
      }
      return CallOutcome.success(Bytes.EMPTY, List.of());
    }
    BlockHeader header = blocks.chain().block(n).orElseThrow().header();
    MutableState scratch = blocks.chain().scratchStateAt(n)
        .orElseThrow(() -> RpcException.server("header not found"));
    CallOutcome outcome;
    try {
      if (req.value().signum() > 0) {
        scratch.setAccount(from, sender.withBalanceDelta(req.value().negate()));
        scratch.setAccount(to, scratch.account(to).withBalanceDelta(req.value()));
      }
      outcome = module().call(BlockContext.of(params().chainId(), header), from, req.value(),
          req.data(), scratch);
    } catch (MissingNodeException e) {
      throw RpcException.server("missing trie node " + header.stateRoot().toHex()
          + " (state of block " + n + " is not kept)");
    }
    if (!outcome.success()) {
      throw revert(outcome.revertReason());
    }
    return outcome;
  }

  /** geth's checks of a call's funds and nonce when the caller gives them. */
  private static void checkFunds(CallRequest req, Account sender) throws RpcException {
    if (req.from().isEmpty()) {
      return;
    }
    if (req.nonce().isPresent() && Long.compareUnsigned(req.nonce().getAsLong(), sender.nonce()) < 0) {
      throw RpcException.server("nonce too low");
    }
    BigInteger cost = req.value();
    if (req.gasPrice().isPresent() && req.gas().isPresent()) {
      cost = cost.add(req.gasPrice().get().multiply(BigInteger.valueOf(req.gas().getAsLong())));
    }
    if (cost.compareTo(sender.balance()) > 0) {
      throw RpcException.server("insufficient funds for gas * price + value");
    }
  }

  /** Code 3 {@code execution reverted[: reason]}, with the ABI {@code Error(string)} as data. */
  static RpcException revert(Optional<String> reason) {
    if (reason.isEmpty()) {
      return new RpcException(RpcException.EXECUTION_REVERTED, "execution reverted",
          JSON.textNode("0x"));
    }
    JsonNode data = Hex.data(AbiCodec.errorData(reason.get()));
    return new RpcException(RpcException.EXECUTION_REVERTED,
        "execution reverted: " + reason.get(), data);
  }
}
