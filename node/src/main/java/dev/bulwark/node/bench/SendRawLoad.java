package dev.bulwark.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pre-signed transfers for {@code bench rpc --method sendraw}: funds fresh senders from the
 * development accounts (the pool takes at most {@link #PER_SENDER} pending transactions of one
 * sender), waits until they are funded, then signs every transfer up front and serves them as
 * {@code eth_sendRawTransaction} batches.
 */
public final class SendRawLoad {
  /** Pending transactions the pool admits per sender (MempoolConfig's default). */
  public static final int PER_SENDER = 64;
  private static final long TRANSFER_GAS = 21_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SendRawLoad(URI url) {
    this.url = url;
  }

  /**
   * Prepares {@code transfers} signed transfers from fresh senders funded by {@code funders}
   * (private keys), as batches of {@code batch} {@code eth_sendRawTransaction} calls.
   */
  public static List<String> prepare(URI url, List<Bytes> funders, int transfers, int batch,
      Consumer<String> progress) throws Exception {
    return new SendRawLoad(url).prepare(funders, transfers, batch, progress);
  }

  private List<String> prepare(List<Bytes> funderKeys, int transfers, int batch, Consumer<String> progress)
      throws Exception {
    BigInteger chainId = quantity(call("eth_chainId", "[]"));
    BigInteger gasPrice = quantity(call("eth_gasPrice", "[]")).shiftLeft(1);
    int senders = (transfers + PER_SENDER - 1) / PER_SENDER;
    if (senders > funderKeys.size() * PER_SENDER) {
      throw new IllegalArgumentException("at most " + funderKeys.size() * PER_SENDER * PER_SENDER
          + " transfers in one run");
    }
    SecureRandom random = new SecureRandom();
    List<Secp256k1.KeyPair> fresh = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      fresh.add(Secp256k1.generate(random));
    }
    BigInteger allowance = gasPrice.multiply(BigInteger.valueOf(TRANSFER_GAS * (PER_SENDER + 1)))
        .add(BigInteger.valueOf(PER_SENDER));
    progress.accept("bench rpc: funding " + senders + " fresh senders from " + funderKeys.size()
        + " development accounts");
    List<Secp256k1.KeyPair> funders = funderKeys.stream().map(Secp256k1::fromPrivateKey).toList();
    long[] nonces = new long[funders.size()];
    long[] targets = new long[funders.size()];
    for (int f = 0; f < funders.size(); f++) {
      nonces[f] = quantity(call("eth_getTransactionCount", "[\"" + funders.get(f).address().toHex()
          + "\",\"pending\"]")).longValueExact();
    }
    List<String> funding = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      int f = i % funders.size();
      funding.add(raw(chainId, nonces[f]++, gasPrice, fresh.get(i).address(), allowance, funders.get(f)));
      targets[f] = nonces[f];
    }
    for (String body : batches(funding, batch)) {
      JsonNode answers = JSON.readTree(post(body));
      for (JsonNode a : answers) {
        if (a.has("error")) {
          throw new IllegalStateException("a funding transfer was refused: " + a.get("error"));
        }
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (int f = 0; f < funders.size(); f++) {
      String address = funders.get(f).address().toHex();
      while (quantity(call("eth_getTransactionCount", "[\"" + address + "\",\"latest\"]")).longValueExact()
          < targets[f]) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the funding transfers were not committed within 120 s");
        }
        Thread.sleep(100); // polling a remote node: there is nothing to wait on
      }
    }
    progress.accept("bench rpc: signing " + transfers + " transfers");
    Address sink = fresh.get(0).address();
    List<String> signed = new ArrayList<>(transfers);
    for (int j = 0; j < transfers; j++) {
      signed.add(raw(chainId, j / senders, gasPrice, sink, BigInteger.ONE, fresh.get(j % senders)));
    }
    return batches(signed, batch);
  }

  private static String raw(BigInteger chainId, long nonce, BigInteger gasPrice, Address to,
      BigInteger value, Secp256k1.KeyPair key) {
    LegacyTransaction tx = new LegacyTransaction(Optional.of(chainId), nonce, gasPrice, TRANSFER_GAS,
        Optional.of(to), value, Bytes.EMPTY, TransactionSignature.NONE);
    return TransactionSigner.sign(tx, key).raw().toHex();
  }

  private static List<String> batches(List<String> raws, int batch) {
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < raws.size(); from += batch) {
      StringBuilder b = new StringBuilder("[");
      for (int k = from; k < Math.min(raws.size(), from + batch); k++) {
        if (k > from) {
          b.append(',');
        }
        b.append(RpcBench.call(k, "eth_sendRawTransaction", "[\"" + raws.get(k) + "\"]"));
      }
      bodies.add(b.append(']').toString());
    }
    return bodies;
  }

  private JsonNode call(String method, String params) throws Exception {
    JsonNode answer = JSON.readTree(post(RpcBench.call(1, method, params)));
    if (!answer.has("result")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  private String post(String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode() + " from " + url);
    }
    return r.body();
  }

  private static BigInteger quantity(JsonNode n) {
    return new BigInteger(n.asText().substring(2), 16);
  }
}
