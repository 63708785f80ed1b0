package dev.bulwark.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.genesis.devaccounts.LoadgenAccounts;
import dev.bulwark.ledger.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code bulwark loadgen}: funds and pre-signs transfers, offers them open-loop at a fixed rate
 * (or closed-loop with a bounded number in flight), follows each from submission to the first
 * {@code newHeads} announcement of a block containing it, waits for stragglers, and cross-checks
 * every accepted transaction's receipt.
 */
public final class Loadgen {
  private static final long PROGRESS_SECONDS = 5;
  private static final int RECEIPT_BATCH = 500;
  private static final int MAX_MESSAGE_CHARS = 100;

  private final LoadgenOptions options;
  private final Consumer<String> progress;
  private final AtomicLong requestsInFlight = new AtomicLong();
  private Presigned txs;
  private LatencyBook book;
  private Transport transport;
  private long start;

  private Loadgen(LoadgenOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the load; {@code progress} gets the phase and progress lines (not the summary). */
  public static LoadgenResult run(LoadgenOptions options, Consumer<String> progress) {
    return new Loadgen(options, progress).run();
  }

  private LoadgenResult run() {
    RpcCalls rpc = new RpcCalls(options.urls().get(0));
    long chainId = RpcCalls.quantity(rpc.call("eth_chainId", "[]")).longValueExact();
    BigInteger baseFee = RpcCalls.quantity(rpc.call("eth_gasPrice", "[]"));
    BigInteger maxFee = options.maxFeePerGas().orElse(baseFee.multiply(BigInteger.TEN));
    int count = Math.toIntExact(options.transactions());
    List<Secp256k1.KeyPair> accounts = IntStream.range(0, options.accounts()).parallel()
        .mapToObj(i -> Secp256k1.fromPrivateKey(LoadgenAccounts.privateKey(i))).toList();
    long perAccount = Presigned.perAccount(count, accounts.size());
    BigInteger need = maxFee.multiply(BigInteger.valueOf(Presigned.TRANSFER_GAS)).add(BigInteger.ONE)
        .multiply(BigInteger.valueOf(perAccount));
    long[] nonces = new Funding(rpc, chainId, maxFee, progress).prepare(accounts, need);
    long signStart = System.nanoTime();
    txs = Presigned.sign(count, options.type(), chainId, maxFee, accounts, nonces);
    progress.accept(String.format(Locale.ROOT, "loadgen: pre-signed %d type-%d transfers from %d senders"
            + " in %.1f s (chain %d, base fee %s, max_fee_per_gas=%s)", count, options.type(),
        accounts.size(), (System.nanoTime() - signStart) / 1e9, chainId, baseFee, maxFee));
    book = new LatencyBook(count);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "loadgen-progress");
      t.setDaemon(true);
      return t;
    });
    try (HeadWatcher heads = HeadWatcher.start(options.urls().get(0), txs, book);
        Transport t = Transport.open(options.urls(), options.webSocket(), options.connections())) {
      transport = t;
      progress.accept(String.format(Locale.ROOT, "loadgen: %s, %d s warm-up, %d s measured, batches of"
              + " at most %d over %s to %s", options.closedLoop() ? "closed loop (max, at most "
              + options.maxInFlight() + " in flight)" : "open loop at " + options.rate() + " tx/s",
          options.warmupSeconds(), options.durationSeconds(), options.batch(),
          options.webSocket() ? "WebSocket" : "HTTP", options.urls()));
      start = System.nanoTime();
      ticker.scheduleAtFixedRate(() -> progress.accept(progressLine(heads)), PROGRESS_SECONDS,
          PROGRESS_SECONDS, TimeUnit.SECONDS);
      long from = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
      long to = from + TimeUnit.SECONDS.toNanos(options.durationSeconds());
      if (options.closedLoop()) {
        closedLoop(to);
      } else {
        openLoop(to);
      }
      drain(heads);
      ticker.shutdownNow();
      book.freeze();
      if (heads.failure() != null) {
        throw new LoadgenException(heads.failure());
      }
      long[] mismatches = crossCheck(rpc);
      LatencyBook.Window window = book.window(from, to);
      long blocks = 0;
      long inBlocks = 0;
      for (HeadWatcher.Head h : heads.heads()) {
        if (h.arrivalNanos() >= from && h.arrivalNanos() < to) {
          blocks++;
          inBlocks += h.transactions();
        }
      }
      if (window.unsent() > 0) {
        throw new LoadgenException(window.unsent() + " transactions were committed before loadgen sent them");
      }
      return new LoadgenResult(window, book.errors(), window.lost() - mismatches[2], blocks, inBlocks,
          book.committedCount() + mismatches[2], mismatches[0], mismatches[1], maxFee);
    } finally {
      ticker.shutdownNow();
    }
  }

  private void openLoop(long end) {
    OpenLoopSchedule schedule = new OpenLoopSchedule(options.rate(),
        (end - start) / 1e9);
    int next = 0;
    while (next < txs.size()) {
      long elapsed = System.nanoTime() - start;
      int due = (int) Math.min(txs.size(), schedule.dueBy(elapsed));
      while (next < due) {
        int to = Math.min(due, next + options.batch());
        send(next, to);
        next = to;
      }
      long wait = schedule.nanosUntilNext(System.nanoTime() - start);
      if (wait > 0) {
        LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(1)));
      }
    }
  }

  private void closedLoop(long end) {
    int next = 0;
    while (next < txs.size() && System.nanoTime() < end) {
      if (book.inFlight() + options.batch() <= options.maxInFlight()) {
        int to = Math.min(txs.size(), next + options.batch());
        send(next, to);
        next = to;
      } else {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
    if (next == txs.size() && System.nanoTime() < end) {
      progress.accept("loadgen: all " + txs.size() + " pre-signed transactions were sent before the end"
          + " of the window; offered_tps undercounts (raise --max-txs)");
    }
  }

  private void send(int from, int to) {
    StringBuilder body = new StringBuilder(to - from > 1 ? "[" : "");
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.append(',');
      }
      body.append(RpcCalls.body(i, "eth_sendRawTransaction", "[\"" + txs.raw(i) + "\"]"));
    }
    if (to - from > 1) {
      body.append(']');
    }
    long now = System.nanoTime();
    for (int i = from; i < to; i++) {
      book.submitted(i, now);
    }
    requestsInFlight.incrementAndGet();
    transport.send(from, body.toString()).whenComplete((answer, failure) -> {
      try {
        if (failure != null) {
          String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
          for (int i = from; i < to; i++) {
            book.refused(i, "request failed: " + shorten(why));
          }
        } else {
          record(answer, from, to);
        }
      } finally {
        requestsInFlight.decrementAndGet();
      }
    });
  }

  private void record(JsonNode answer, int from, int to) {
    if (!answer.isArray() && (to - from > 1 || !answer.has("id") || answer.get("id").isNull())) {
      String why = shorten(answer.path("error").path("message").asText("unexpected answer"));
      for (int i = from; i < to; i++) {
        book.refused(i, why);
      }
      return;
    }
    Iterable<JsonNode> entries = answer.isArray() ? answer : List.of(answer);
    for (JsonNode e : entries) {
      int i = e.path("id").asInt(-1);
      if (i < from || i >= to) {
        continue;
      }
      if (e.has("result")) {
        book.accepted(i);
      } else {
        book.refused(i, shorten(e.path("error").path("message").asText("no result")));
      }
    }
  }

  /** Waits until every request is answered and every accepted transaction announced, or the drain time. */
  private void drain(HeadWatcher heads) {
    long deadline = System.nanoTime() + options.drain().toNanos();
    while (System.nanoTime() < deadline && heads.failure() == null
        && (requestsInFlight.get() > 0 || book.acceptedNotCommitted() > 0 || heads.backlog() > 0)) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    progress.accept(progressLine(heads) + " (load stopped)");
  }

  /** Receipts of every accepted transaction: [checked, mismatches, committed but never announced]. */
  private long[] crossCheck(RpcCalls rpc) {
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < txs.size(); i++) {
      if (book.isAccepted(i)) {
        accepted.add(i);
      }
    }
    long mismatches = 0;
    long unannounced = 0;
    for (int from = 0; from < accepted.size(); from += RECEIPT_BATCH) {
      List<Integer> slice = accepted.subList(from, Math.min(accepted.size(), from + RECEIPT_BATCH));
      List<String> bodies = new ArrayList<>();
      for (int i : slice) {
        bodies.add(RpcCalls.body(i, "eth_getTransactionReceipt", "[\"" + txs.hash(i) + "\"]"));
      }
      List<JsonNode> answers = rpc.batch(bodies);
      for (int k = 0; k < slice.size(); k++) {
        JsonNode receipt = answers.get(k).path("result");
        boolean announced = book.isCommitted(slice.get(k));
        boolean present = receipt.isObject();
        if (present != announced || (present && !"0x1".equals(receipt.path("status").asText()))) {
          mismatches++;
        }
        if (present && !announced) {
          unannounced++;
        }
      }
    }
    progress.accept("loadgen: receipts of " + accepted.size() + " accepted transactions checked: "
        + mismatches + " disagree with the announced blocks");
    return new long[] {accepted.size(), mismatches, unannounced};
  }

  private String progressLine(HeadWatcher heads) {
    StringBuilder errors = new StringBuilder("{");
    for (Map.Entry<String, Long> e : book.errorsByMessage().entrySet()) {
      errors.append(errors.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(e.getValue());
    }
    List<HeadWatcher.Head> seen = heads.heads();
    return String.format(Locale.ROOT, "loadgen: t=%ds offered=%d accepted=%d committed=%d in_flight=%d"
            + " height=%d errors=%s}", (System.nanoTime() - start) / 1_000_000_000L, book.sent(),
        book.acceptedCount(), book.committedCount(), book.inFlight(),
        seen.isEmpty() ? 0 : seen.get(seen.size() - 1).number(), errors);
  }

  private static String shorten(String message) {
    return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
