package io.moeen.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives one HTTP path for the scheduling benches (SlotsBench, BookingBench) in two ways, into
 * HdrHistogram latencies (microseconds). A request answers its status (an HTTP status, or 200 for a bus reply):
 * <ul>
 *   <li>{@link #closed}: {@code concurrency} requests always in flight, as wrk and pgbench do; its
 *   throughput is the figure to compare with pgbench's tps at the same concurrency.</li>
 *   <li>{@link #open}: requests sent at a fixed rate whatever the answers (at most
 *   {@code concurrency} connections; the rest wait in the client's queue), each latency measured
 *   from the moment it was due, not from when it could be sent: corrected for coordinated
 *   omission, as wrk2 does.</li>
 * </ul>
 */
final class CorrectedLoad {
  /** What one run measured. {@code ok}: answers with the expected status. */
  record Result(int requests, double seconds, Histogram latencies, Map<Integer, Integer> statuses, int ok) {
    double perSecond() {
      return requests / seconds;
    }

    double ms(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    int errors() {
      return requests - ok;
    }

    String describe() {
      return String.format("%.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; statuses %s",
          perSecond(), ms(50), ms(90), ms(99), latencies.getMaxValue() / 1000.0, statuses);
    }
  }

  private CorrectedLoad() {
  }

  /** The status of an HTTP request, -1 when it got no answer. */
  static Future<Integer> status(Future<HttpResponse<Buffer>> response) {
    return response.map(HttpResponse::statusCode);
  }

  /** Request {@code i} of {@code requests}, {@code concurrency} in flight; {@code expected}: the status that counts as ok. */
  static Result closed(IntFunction<Future<Integer>> request, int requests, int concurrency, int expected) {
    Run run = new Run(requests, expected);
    AtomicInteger next = new AtomicInteger();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      int i = next.getAndIncrement();
      if (i < requests) {
        long start = System.nanoTime();
        request.apply(i).onComplete(result -> {
          run.record(result.succeeded() ? result.result() : -1, System.nanoTime() - start);
          fire[0].run();
        });
      }
    };
    long started = System.nanoTime();
    for (int c = 0; c < Math.min(concurrency, requests); c++) {
      fire[0].run();
    }
    run.done.future().await();
    return run.result(started);
  }

  /** {@code requests} requests due at {@code perSecond} a second; latency from when each was due. */
  static Result open(Vertx vertx, IntFunction<Future<Integer>> request, int requests, double perSecond,
                     int expected) {
    Run run = new Run(requests, expected);
    long interval = (long) (1e9 / perSecond);
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    // a 1 ms timer sends whatever has fallen due since its last tick, so the schedule never slips
    long timer = vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      for (int i = next.get(); i < requests && started + i * interval <= now; i = next.incrementAndGet()) {
        long due = started + i * interval;
        request.apply(i).onComplete(result ->
            run.record(result.succeeded() ? result.result() : -1, System.nanoTime() - due));
      }
    });
    try {
      run.done.future().await();
    } finally {
      vertx.cancelTimer(timer);
    }
    return run.result(started);
  }

  private static final class Run {
    final int requests;
    final int expected;
    final Histogram latencies = new Histogram(3_600_000_000L, 3);
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger finished = new AtomicInteger();
    final Promise<Void> done = Promise.promise();

    Run(int requests, int expected) {
      this.requests = requests;
      this.expected = expected;
    }

    void record(int status, long nanos) {
      synchronized (latencies) {
        latencies.recordValue(Math.max(1, nanos / 1000));
      }
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (finished.incrementAndGet() == requests) {
        done.tryComplete();
      }
    }

    Result result(long started) {
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<Integer, Integer> counts = new TreeMap<>();
      statuses.forEach((status, n) -> counts.put(status, n.get()));
      return new Result(requests, seconds, latencies, counts, counts.getOrDefault(expected, 0));
    }
  }
}
