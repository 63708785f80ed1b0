package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.cli.BulwarkCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark loadgen} against four in-process validators at a low rate: it funds its
 * senders from the development accounts, every accepted transfer commits, none is lost, and the
 * last line has the documented format.
 */
class LoadgenNetworkTest {
  private static final Pattern SUMMARY = Pattern.compile("loadgen: offered_tps=(\\d+\\.\\d) committed_tps="
      + "(\\d+\\.\\d) p50_ms=(\\d+\\.\\d) p99_ms=(\\d+\\.\\d) max_ms=(\\d+\\.\\d) errors=(\\d+) lost=(\\d+)");

  @TempDir Path dir;

  @Test
  void everyAcceptedTransferCommitsAndNoneIsLost() throws Exception {
    try (InProcessNetwork network = new InProcessNetwork(dir)) {
      List<Node> nodes = network.start(50);
      String urls = nodes.stream().map(n -> "http://127.0.0.1:" + n.rpcPort() + "/")
          .collect(Collectors.joining(","));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cli = BulwarkCli.newCommandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute("loadgen", "--rpc", urls, "--accounts", "20", "--rate", "40",
          "--duration", "4", "--warmup", "1", "--batch", "5", "--transport", "ws");

      List<String> lines = out.toString().lines().toList();
      assertThat(code).as(out + "\n" + err).isZero();
      String last = lines.get(lines.size() - 1);
      Matcher m = SUMMARY.matcher(last);
      assertThat(m.matches()).as(last).isTrue();
      assertThat(Long.parseLong(m.group(6))).as("errors in %s", out).isZero();
      assertThat(Long.parseLong(m.group(7))).as("lost in %s", out).isZero();
      assertThat(Double.parseDouble(m.group(1))).as("offered tx/s in %s", out).isBetween(30.0, 50.0);
      // committed_tps counts announcements inside the 4 s window: on a loaded machine it may be 0
      assertThat(Double.parseDouble(m.group(5))).as("max latency in %s", out).isPositive();
      String stopped = lines.stream().filter(l -> l.endsWith("(load stopped)")).findFirst().orElseThrow();
      Matcher counts = Pattern.compile("offered=(\\d+) accepted=(\\d+) committed=(\\d+) in_flight=0 ")
          .matcher(stopped);
      assertThat(counts.find()).as(out.toString()).isTrue();
      assertThat(counts.group(2)).as("committed == accepted").isEqualTo(counts.group(3));
      assertThat(counts.group(1)).as("all offered were accepted").isEqualTo(counts.group(2));
      assertThat(lines).anyMatch(l -> l.contains("funding 20 of 20 senders"))
          .anyMatch(l -> l.endsWith("0 disagree with the announced blocks"));
    }
  }
}
