package dev.bulwark.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.genesis.validation.GenesisReport;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.rpc.proof.CommitProofVerifier;
import dev.bulwark.rpc.proof.ProofException;
import dev.bulwark.rpc.proof.VerifiedCommit;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark verify-proof}: checks a block's finality offline from nothing but the genesis
 * file and a {@code bulwark_getCommitProof} answer (read from a file or fetched from a node, which
 * is not trusted for anything else).
 */
@Command(
    name = "verify-proof",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
      "Verify that a block is final from nothing but the genesis file and its commit proof",
      "(the epoch-change chain from the genesis validator set plus the QC that committed the",
      "block, as bulwark_getCommitProof returns it). The proof is read from --proof FILE (the",
      "result object, or a whole JSON-RPC response) or fetched with --rpc URL --block N",
      "(N decimal or 0x hex); the node is trusted for nothing. Prints each check, then one line:",
      "verify-proof: block=<n> hash=<h> epoch=<e> signers=<k> power=<p>/<total> ok=<true|false>",
      "Exit codes: 0 final; 1 not final, with the reason on stderr (bad aggregate signature,",
      "power below quorum, broken epoch chain, unknown epoch, block hash mismatch, wrong chain,",
      "not a commit, malformed) or when the node cannot be asked; 2 usage error."
    })
final class VerifyProofCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--genesis", paramLabel = "FILE", required = true,
      description = "The chain's genesis.json: the only thing trusted.")
  Path genesisFile;

  @Option(names = "--rpc", paramLabel = "URL",
      description = "A node's JSON-RPC URL to fetch the proof from (with --block).")
  URI rpc;

  @Option(names = "--block", paramLabel = "N",
      description = "The block number, decimal or 0x hex (with --rpc).")
  String block;

  @Option(names = "--proof", paramLabel = "FILE",
      description = "A saved bulwark_getCommitProof answer (instead of --rpc and --block).")
  Path proofFile;

  @Override
  public Integer call() throws IOException, InterruptedException {
    boolean fromRpc = rpc != null || block != null;
    if (fromRpc == (proofFile != null) || (fromRpc && (rpc == null || block == null))) {
      throw usage("give either --rpc URL --block N, or --proof FILE");
    }
    Genesis genesis = genesis();
    ValidatorSet genesisSet = genesisSet(genesis);
    CommitProofVerifier verifier = new CommitProofVerifier(genesis.chainId(), genesisSet);
    JsonNode proof = fromRpc ? fetch(rpc, blockNumber(block)) : read(proofFile);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      VerifiedCommit verified = verifier.verify(proof);
      ProofReport.checks(proof, verified, genesisSet).forEach(out::println);
      out.println(ProofReport.summary(proof, verified));
      out.flush();
      return 0;
    } catch (ProofException e) {
      out.println(ProofReport.refusedSummary(proof, verifier));
      out.flush();
      err.println("verify-proof: not final: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private Genesis genesis() {
    if (!Files.isRegularFile(genesisFile)) {
      throw usage("no such genesis file: " + genesisFile);
    }
    GenesisReport report = GenesisLoader.validate(genesisFile);
    return report.genesis().filter(g -> report.isValid()).orElseThrow(() -> usage(
        "invalid genesis " + genesisFile + ": " + report.errors().get(0)
            + " (bulwark genesis validate lists every error)"));
  }

  /** The genesis validators as epoch 1's set, ordered by address as the chain orders them. */
  static ValidatorSet genesisSet(Genesis genesis) {
    return new ValidatorSet(1, genesis.validators().stream()
        .map(v -> new ValidatorInfo(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()))
        .sorted(Comparator.comparing(ValidatorInfo::address)).toList());
  }

  private long blockNumber(String text) {
    try {
      long n = text.startsWith("0x") || text.startsWith("0X")
          ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
      if (n < 1) {
        throw usage("--block must be at least 1 (the genesis block is final by definition)");
      }
      return n;
    } catch (NumberFormatException e) {
      throw usage("--block must be a decimal or 0x-hex block number, got " + text);
    }
  }

  private JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw usage("no such proof file: " + file);
    }
    try {
      return unwrap(JSON.readTree(file.toFile()), "proof file " + file + " ", "");
    } catch (JsonProcessingException e) {
      throw new ProofSourceException("proof file " + file + " is not JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private JsonNode fetch(URI url, long number) throws IOException, InterruptedException {
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw usage("--rpc must be an http:// or https:// URL, got " + url);
    }
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bulwark_getCommitProof\","
        + "\"params\":[\"0x" + Long.toHexString(number) + "\"]}";
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(RPC_TIMEOUT).build()
          .send(HttpRequest.newBuilder(url).timeout(RPC_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProofSourceException("cannot ask " + url + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new ProofSourceException(url + " answered HTTP " + response.statusCode());
    }
    try {
      return unwrap(JSON.readTree(response.body()), url + " ", " of block " + number);
    } catch (JsonProcessingException e) {
      throw new ProofSourceException(url + " answered no JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON-RPC response's result (an error is reported as such), or the proof object itself. */
  private static JsonNode unwrap(JsonNode node, String source, String what) {
    if (node.has("error")) {
      throw new ProofSourceException(source + "answered error " + node.get("error"));
    }
    if (node.has("jsonrpc") || node.has("result")) {
      JsonNode result = node.get("result");
      if (result == null || result.isNull()) {
        throw new ProofSourceException(source + "holds no commit proof" + what);
      }
      return result;
    }
    return node;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** The proof could not be obtained (the node refused or answered nonsense): exit 1. */
  static final class ProofSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProofSourceException(String message) {
      super(message);
    }

    ProofSourceException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
