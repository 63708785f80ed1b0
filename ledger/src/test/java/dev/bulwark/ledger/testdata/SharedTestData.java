package dev.bulwark.ledger.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Locates the shared test vectors ({@code <shared>/testdata}) through the {@code
 * bulwark.shared.dir} system property that Surefire sets. Missing data is a failure, never a
 * skip: a vector suite that silently runs nothing proves nothing.
 */
public final class SharedTestData {
  /** The system property naming the shared directory. */
  public static final String PROPERTY = "bulwark.shared.dir";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedTestData() {}

  /** {@code <shared>/testdata}; throws IllegalStateException when it cannot be found. */
  public static Path root() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property " + PROPERTY + " is not set; run the tests through Maven (Surefire "
              + "sets it to <repo>/../shared) or pass -D" + PROPERTY + "=/path/to/shared");
    }
    Path testdata = Path.of(dir).resolve("testdata");
    if (!Files.isDirectory(testdata)) {
      throw new IllegalStateException(
          "shared test data directory not found: " + testdata.toAbsolutePath()
              + " (from " + PROPERTY + "=" + dir + ")");
    }
    return testdata;
  }

  /** The file or directory at {@code relative} under the test data root; it must exist. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("shared test data missing: " + p.toAbsolutePath());
    }
    return p;
  }

  /** Parses the JSON file at {@code relative}, gunzipping names that end in {@code .gz}. */
  public static JsonNode json(String relative) {
    return json(path(relative));
  }

  /** Parses the JSON file {@code file}, gunzipping names that end in {@code .gz}. */
  public static JsonNode json(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      InputStream body = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test vectors " + file, e);
    }
  }

  /** The regular files named {@code *.json} below {@code relative}, sorted by path. */
  public static List<Path> jsonFiles(String relative) {
    try (Stream<Path> files = Files.walk(path(relative))) {
      List<Path> list =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
      if (list.isEmpty()) {
        throw new IllegalStateException("no *.json vectors under " + path(relative));
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list test vectors under " + relative, e);
    }
  }
}
