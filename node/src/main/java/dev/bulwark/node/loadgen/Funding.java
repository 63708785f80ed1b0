package dev.bulwark.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the senders' balances and pending nonces, and tops up those that cannot pay for their
 * share of the run from the development accounts (in rounds of at most {@link #PER_FUNDER}
 * transfers per development account: the pool's per-sender limit).
 */
final class Funding {
  /** Pending transactions the pool admits per sender (MempoolConfig's default). */
  static final int PER_FUNDER = 64;
  private static final int READ_BATCH = 250;
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);

  private final RpcCalls rpc;
  private final long chainId;
  private final BigInteger gasPrice;
  private final Consumer<String> progress;

  Funding(RpcCalls rpc, long chainId, BigInteger gasPrice, Consumer<String> progress) {
    this.rpc = rpc;
    this.chainId = chainId;
    this.gasPrice = gasPrice;
    this.progress = progress;
  }

  /**
   * Makes sure every account holds at least {@code need}; returns each account's pending nonce
   * (the first nonce the run may use).
   */
  long[] prepare(List<Secp256k1.KeyPair> accounts, BigInteger need) {
    BigInteger[] balances = new BigInteger[accounts.size()];
    long[] nonces = new long[accounts.size()];
    read(accounts, balances, nonces);
    List<Integer> poor = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      if (balances[i].compareTo(need) < 0) {
        poor.add(i);
      }
    }
    if (poor.isEmpty()) {
      progress.accept("loadgen: all " + accounts.size() + " senders are funded (genesis --loadgen-accounts or an earlier run)");
      return nonces;
    }
    progress.accept("loadgen: funding " + poor.size() + " of " + accounts.size()
        + " senders from the development accounts");
    fund(accounts, poor, need.shiftLeft(1));
    return nonces;
  }

  private void read(List<Secp256k1.KeyPair> accounts, BigInteger[] balances, long[] nonces) {
    for (int from = 0; from < accounts.size(); from += READ_BATCH) {
      int to = Math.min(accounts.size(), from + READ_BATCH);
      List<String> bodies = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String address = accounts.get(i).address().toHex();
        bodies.add(RpcCalls.body(2L * i, "eth_getBalance", "[\"" + address + "\",\"latest\"]"));
        bodies.add(RpcCalls.body(2L * i + 1, "eth_getTransactionCount", "[\"" + address + "\",\"pending\"]"));
      }
      List<JsonNode> answers = rpc.batch(bodies);
      for (int i = from; i < to; i++) {
        balances[i] = RpcCalls.quantity(result(answers.get(2 * (i - from))));
        nonces[i] = RpcCalls.quantity(result(answers.get(2 * (i - from) + 1))).longValueExact();
      }
    }
  }

  private void fund(List<Secp256k1.KeyPair> accounts, List<Integer> poor, BigInteger amount) {
    List<Secp256k1.KeyPair> funders = DevAccounts.standard().stream().map(DevAccount::privateKey)
        .map(Secp256k1::fromPrivateKey).toList();
    long[] funderNonces = new long[funders.size()];
    BigInteger[] funderBalances = new BigInteger[funders.size()];
    read(funders, funderBalances, funderNonces);
    BigInteger cost = amount.add(gasPrice.multiply(BigInteger.valueOf(Presigned.TRANSFER_GAS)));
    BigInteger available = BigInteger.ZERO;
    for (BigInteger b : funderBalances) {
      available = available.add(b);
    }
    if (available.compareTo(cost.multiply(BigInteger.valueOf(poor.size()))) < 0) {
      throw new LoadgenException(poor.size() + " senders need " + amount + " each but the development "
          + "accounts hold " + available + " in all: create the genesis with --loadgen-accounts N");
    }
    int next = 0;
    while (next < poor.size()) {
      List<String> bodies = new ArrayList<>();
      for (int f = 0; f < funders.size() && next < poor.size(); f++) {
        for (int k = 0; k < PER_FUNDER && next < poor.size(); k++) {
          Secp256k1.KeyPair target = accounts.get(poor.get(next++));
          LegacyTransaction tx = new LegacyTransaction(Optional.of(BigInteger.valueOf(chainId)),
              funderNonces[f]++, gasPrice, Presigned.TRANSFER_GAS, Optional.of(target.address()),
              amount, Bytes.EMPTY, TransactionSignature.NONE);
          String raw = TransactionSigner.sign(tx, funders.get(f)).raw().toHex();
          bodies.add(RpcCalls.body(bodies.size(), "eth_sendRawTransaction", "[\"" + raw + "\"]"));
        }
      }
      for (JsonNode a : rpc.batch(bodies)) {
        result(a);
      }
      awaitNonces(funders, funderNonces);
      progress.accept("loadgen: funded " + next + " of " + poor.size() + " senders");
    }
  }

  private void awaitNonces(List<Secp256k1.KeyPair> funders, long[] targets) {
    long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
    for (int f = 0; f < funders.size(); f++) {
      String address = funders.get(f).address().toHex();
      while (RpcCalls.quantity(rpc.call("eth_getTransactionCount", "[\"" + address + "\",\"latest\"]"))
          .longValueExact() < targets[f]) {
        if (System.nanoTime() > deadline) {
          throw new LoadgenException("the funding transfers were not committed within " + ROUND_TIMEOUT.toSeconds() + " s");
        }
        pause();
      }
    }
  }

  private static JsonNode result(JsonNode answer) {
    if (!answer.has("result")) {
      throw new LoadgenException("a funding call was refused: " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** Polling a remote node: there is nothing local to wait on. */
  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadgenException("interrupted while waiting for the node", e);
    }
  }
}
