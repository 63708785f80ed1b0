package dev.bulwark.genesis.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.genesis.model.GenesisRules;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.model.Problem;
import dev.bulwark.ledger.types.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and validates a genesis JSON file, collecting every problem as {@code path: reason}.
 * Whatever the input, it returns a {@link GenesisReport} (or, for {@link #load}, throws
 * {@link InvalidGenesisException}); nothing else escapes.
 */
public final class GenesisLoader {
  /** Root path used for problems with the file as a whole. */
  public static final String ROOT = "(root)";
  /** Files above this size are refused before parsing. */
  public static final long MAX_FILE_BYTES = 64L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(GenesisLoader.class);
  private static final Set<String> KEYS = Set.of("chainId", "genesisTime", "params", "validators", "alloc");
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private GenesisLoader() {}

  /** Validates the file at {@code file}. */
  public static GenesisReport validate(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return failed(new Problem(ROOT, "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES));
      }
      return validate(Files.readAllBytes(file));
    } catch (IOException | SecurityException e) {
      return failed(new Problem(ROOT, "cannot read " + file + ": " + e));
    }
  }

  /** Validates JSON text. */
  public static GenesisReport validate(String json) {
    return validate(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Validates JSON bytes (UTF-8, UTF-16 or UTF-32, as JSON allows). */
  public static GenesisReport validate(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return failed(new Problem(ROOT, syntaxError(e)));
    } catch (IOException e) {
      return failed(new Problem(ROOT, "cannot parse: " + e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return failed(new Problem(ROOT, "the file is empty"));
    }
    try {
      return check(root);
    } catch (RuntimeException e) {
      // A bug of ours must not turn a bad file into a crash; the log keeps the stack trace.
      LOG.error("unexpected failure while validating a genesis file", e);
      return failed(new Problem(ROOT, "internal error while validating: " + e));
    }
  }

  /** The genesis at {@code file}, or InvalidGenesisException listing every error. */
  public static Genesis load(Path file) {
    GenesisReport report = validate(file);
    return report.genesis().orElseThrow(() -> new InvalidGenesisException(report.errors()));
  }

  private static GenesisReport check(JsonNode rootNode) {
    JsonReading in = new JsonReading();
    ObjectNode root = in.object(rootNode, ROOT);
    if (root == null) {
      return failed(in.problems().get(0));
    }
    in.rejectUnknown(root, "", KEYS);
    Long chainId = bounded(in, root, "chainId", GenesisRules::chainIdProblem);
    Long genesisTime = bounded(in, root, "genesisTime", GenesisRules::genesisTimeProblem);
    ParamsReader paramsReader = new ParamsReader(in);
    JsonNode paramsNode = in.field(root, "", "params");
    GenesisParams params = paramsNode == null ? null : paramsReader.read(paramsNode);
    ValidatorsReader validatorsReader = new ValidatorsReader(in);
    List<GenesisValidator> validators =
        validatorsReader.read(in.field(root, "", "validators"), paramsReader.minStake());
    AllocReader allocReader = new AllocReader(in);
    Map<Address, AllocAccount> alloc = allocReader.read(in.field(root, "", "alloc"));
    in.addAll("", GenesisRules.supplyProblems(allocReader.balances(), validatorsReader.stakes()));
    if (!in.problems().isEmpty()) {
      return new GenesisReport(Optional.empty(), in.problems(), List.of());
    }
    try {
      Genesis genesis = new Genesis(chainId, genesisTime, params, validators, alloc);
      return new GenesisReport(Optional.of(genesis), List.of(), GenesisWarnings.of(genesis));
    } catch (InvalidGenesisException e) {
      return new GenesisReport(Optional.empty(), e.problems(), List.of());
    }
  }

  private static Long bounded(JsonReading in, ObjectNode root, String key, LongFunction<String> rule) {
    BigInteger v = in.integer(in.field(root, "", key), key);
    if (v == null) {
      return null;
    }
    // Clamping keeps out-of-long values out of range for the rule, which then says why.
    long clamped = v.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    String reason = rule.apply(clamped);
    if (reason != null) {
      in.add(key, reason);
      return null;
    }
    return clamped;
  }

  private static String syntaxError(JacksonException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 0
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
    return "invalid JSON" + where + ": " + message;
  }

  private static GenesisReport failed(Problem problem) {
    return new GenesisReport(Optional.empty(), List.of(problem), List.of());
  }
}
