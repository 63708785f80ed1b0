package dev.bulwark.node.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A closed-loop JSON-RPC load generator: {@code connections} keep-alive HTTP connections, each
 * with one request in flight, for a warm-up and then a measured window; reports requests/s and
 * latency percentiles of the measured window. Figures for notes, never assertions.
 */
public final class RpcBench {
  /**
   * What to run.
   *
   * @param url the node's JSON-RPC URL
   * @param connections concurrent connections, one request in flight on each
   * @param warmupSeconds load before measuring
   * @param seconds the measured window
   * @param label what the report calls the load
   * @param body the body of the i-th request
   * @param bodies how many bodies there are (0: no end); the run ends early when all were answered
   */
  public record Options(URI url, int connections, int warmupSeconds, int seconds, String label,
      IntFunction<String> body, int bodies) {
    public Options {
      if (url == null || body == null || label == null || connections < 1 || warmupSeconds < 0
          || seconds < 1 || bodies < 0) {
        throw new IllegalArgumentException("bench rpc needs a URL, at least one connection and one second");
      }
    }
  }

  /**
   * The measured figures.
   *
   * @param calls JSON-RPC calls answered with a result in the window
   * @param errors calls answered with an error, and bodies answered with a non-200 status or not
   *     at all
   */
  public record Result(String label, int connections, int seconds, long calls, long errors,
      double callsPerSecond, double p50Millis, double p99Millis) {
    /** The one line scripts read. */
    public String summaryLine() {
      return String.format(Locale.ROOT, "bench rpc: method=%s connections=%d seconds=%d calls=%d errors=%d"
          + " requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f", label, connections, seconds, calls, errors,
          callsPerSecond, p50Millis, p99Millis);
    }
  }

  private final Options options;
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Latencies latencies = new Latencies();
  private final CountDownLatch warm;
  private volatile boolean measuring;
  private volatile boolean stopped;

  private RpcBench(Options options) {
    this.options = options;
    this.warm = new CountDownLatch(options.connections());
  }

  /** Runs the load; {@code progress} gets a line per phase. */
  public static Result run(Options options, Consumer<String> progress) throws Exception {
    return new RpcBench(options).run(progress);
  }

  private Result run(Consumer<String> progress) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
          .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(options.connections()));
      URI u = options.url();
      RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(u.getHost())
          .setPort(u.getPort() < 0 ? 80 : u.getPort()).setURI(u.getRawPath() == null || u.getRawPath().isEmpty()
              ? "/" : u.getRawPath()).putHeader("content-type", "application/json");
      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicInteger running = new AtomicInteger(options.connections());
      progress.accept(String.format(Locale.ROOT, "bench rpc: %s, %d connections, %d s warm-up, %d s measured",
          options.label(), options.connections(), options.warmupSeconds(), options.seconds()));
      // A finite load (every body sent once) is measured whole; an endless one after a warm-up
      // that lasts at least until every connection was answered once, so that connection set-up
      // never falls into the measured window.
      boolean finite = options.bodies() > 0;
      measuring = finite;
      long start = System.nanoTime();
      for (int i = 0; i < options.connections(); i++) {
        loop(client, request, running, done);
      }
      if (!finite) {
        TimeUnit.SECONDS.sleep(options.warmupSeconds());
        if (!warm.await(60, TimeUnit.SECONDS)) {
          stopped = true;
          throw new IllegalStateException("no answers from " + u + " within 60 s of warm-up");
        }
        calls.set(0);
        errors.set(0);
        measuring = true;
        start = System.nanoTime();
      }
      try {
        done.get(options.seconds(), TimeUnit.SECONDS); // ends early only when every body was sent
      } catch (TimeoutException e) {
        // the measured window is over
      }
      measuring = false;
      double elapsed = (System.nanoTime() - start) / 1e9;
      stopped = true;
      done.get(30, TimeUnit.SECONDS);
      long n = calls.get();
      return new Result(options.label(), options.connections(), options.seconds(), n, errors.get(),
          n / elapsed, latencies.percentile(0.50) / 1e6, latencies.percentile(0.99) / 1e6);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void loop(HttpClient client, RequestOptions request, AtomicInteger running,
      CompletableFuture<Void> done) {
    int next = sequence.getAndIncrement();
    if (stopped || (options.bodies() > 0 && next >= options.bodies())) {
      if (running.decrementAndGet() == 0) {
        done.complete(null);
      }
      return;
    }
    String body = options.body().apply(next);
    long sent = System.nanoTime();
    client.request(request)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.statusCode() == 200 ? resp.body() : Future.failedFuture("HTTP " + resp.statusCode()))
        .onComplete(ar -> {
          warm.countDown();
          if (measuring) {
            if (ar.succeeded()) {
              String answer = ar.result().toString();
              calls.addAndGet(count(answer, "\"result\""));
              errors.addAndGet(count(answer, "\"error\""));
              latencies.add(System.nanoTime() - sent);
            } else {
              errors.incrementAndGet();
            }
          }
          loop(client, request, running, done);
        });
  }

  private static int count(String text, String member) {
    int n = 0;
    for (int at = text.indexOf(member); at >= 0; at = text.indexOf(member, at + member.length())) {
      n++;
    }
    return n;
  }

  /** Latencies of the measured window, in nanoseconds. */
  private static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized double percentile(double q) {
      if (size == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return sorted[Math.min(size - 1, (int) Math.floor(q * size))];
    }
  }

  /** The body of one {@code method} call with {@code params} (a JSON array text) and {@code id}. */
  public static String call(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  /** {@code eth_getBalance} of the i-th of {@code addresses} at latest. */
  public static IntFunction<String> balances(List<String> addresses) {
    return i -> call(i, "eth_getBalance", "[\"" + addresses.get(Math.floorMod(i, addresses.size())) + "\",\"latest\"]");
  }
}
