package dev.bulwark.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.testnet.ShortEpochNetwork;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer in Debian's chromium (headless, driven by playwright-core from the explorer's own
 * npm project) against four in-process validators with epochs of 10 blocks, after a transfer and
 * a staking call: {@code rpc/explorer-app/test/browser.mjs} opens every view by deep link and
 * compares what it shows with JSON-RPC answers, checks the in-browser proof badge on a good and a
 * tampered proof, the live head and the console. Runs only with {@code -Pbrowser}; screenshots
 * and first-render figures go to {@code node/target/explorer-browser/}.
 */
class ExplorerBrowserTest {
  private static final Logger LOG = LoggerFactory.getLogger(ExplorerBrowserTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long EPOCH_LENGTH = 10;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(1337);

  @TempDir Path dir;

  @Test
  void everyViewShowsWhatTheNodeAnswersAndTheBadgeCatchesATamperedProof() throws Exception {
    if (!Boolean.getBoolean("bulwark.browser")) {
      LOG.warn("explorer browser suite not run: enable it with -Pbrowser (needs Debian's chromium)");
      Assumptions.abort("explorer browser suite not run: enable it with -Pbrowser");
    }
    Path repo = Path.of(System.getProperty("bulwark.repo.dir"));
    Path app = repo.resolve("rpc/explorer-app");
    Path out = repo.resolve("node/target/explorer-browser");
    String chromium = System.getProperty("bulwark.chromium", "/usr/bin/chromium");
    assertThat(Path.of(chromium)).as("Debian's chromium (apt-get install chromium)").exists();
    assertThat(app.resolve("node_modules/playwright-core")).as("npm ci in rpc/explorer-app").exists();

    try (ShortEpochNetwork network = new ShortEpochNetwork(dir, EPOCH_LENGTH, 100)) {
      network.awaitHeight(3, Duration.ofSeconds(90));
      Secp256k1.KeyPair dev = Secp256k1.fromPrivateKey(DevAccounts.standard().get(0).privateKey());
      Address receiver = Address.fromHex("0x" + "42".repeat(20));
      SignedTransaction transfer = sign(dev, 0, Optional.of(receiver), GWEI.multiply(GWEI),
          21_000, Bytes.EMPTY);
      // stake() with 1 ETH from validator 0's funded account: a successful staking call.
      SignedTransaction staking = sign(network.keys(0).account(), 0,
          Optional.of(Address.fromHex("0x0000000000000000000000000000000000001000")),
          GWEI.multiply(GWEI), 200_000, Bytes.fromHex("3a4b66f1"));
      assertThat(network.node(0).submitTransaction(transfer.raw())).isInstanceOf(AddResult.Added.class);
      assertThat(network.node(1).submitTransaction(staking.raw())).isInstanceOf(AddResult.Added.class);
      URI rpc = network.rpcUrl(0);
      for (SignedTransaction tx : List.of(transfer, staking)) {
        Await.until("receipt of " + tx.hash(), Duration.ofSeconds(60),
            () -> call(rpc, "eth_getTransactionReceipt", tx.hash().toHex()), r -> !r.isNull());
      }
      // Two epoch changes before the explorer verifies proofs from the genesis set.
      network.awaitHeight(2 * EPOCH_LENGTH + 3, Duration.ofSeconds(120));

      Path log = Files.createDirectories(out).resolve("browser.log");
      Process p = new ProcessBuilder("node", "test/browser.mjs", "--url", rpc.toString(),
          "--chromium", chromium, "--out", out.toString(), "--transfer", transfer.hash().toHex(),
          "--staking", staking.hash().toHex(), "--address", DevAccounts.standard().get(0)
              .address().toHex())
          .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean ended = p.waitFor(4, TimeUnit.MINUTES);
      if (!ended) {
        p.destroyForcibly();
      }
      String output = Files.readString(log);
      assertThat(ended).as("the browser suite ended within 4 minutes:%n%s", output).isTrue();
      assertThat(p.exitValue()).as("browser suite output:%n%s", output).isZero();
      LOG.info("explorer browser suite: {}", output);
    }
  }

  private static SignedTransaction sign(Secp256k1.KeyPair key, long nonce, Optional<Address> to,
      BigInteger value, long gas, Bytes input) {
    return TransactionSigner.sign(new DynamicFeeTransaction(Optional.of(CHAIN_ID), nonce, GWEI,
        GWEI.multiply(BigInteger.valueOf(100)), gas, to, value, input, List.of(),
        TransactionSignature.NONE), key);
  }

  private static JsonNode call(URI url, String method, String param) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
              + method + "\",\"params\":[\"" + param + "\"]}"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body()).get("result");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
