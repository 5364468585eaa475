package io.moeen.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load generator, like wrk2: requests are due at a fixed rate whatever the service
 * does, and each latency is counted from when its request was due, not from when a free connection
 * sent it. A closed loop (wrk, or N clients each waiting for its answer) sends less when the
 * service slows down and so hides the wait (coordinated omission); this one does not.
 *
 * <pre>OpenLoop URL RATE SECONDS CONNECTIONS [-H 'Name: value']...</pre>
 * The first quarter of the run (at most 3 s) warms this JVM's client up and is not counted.
 * Prints one line: {@code achieved-req/s p50-ms p99-ms p99.9-ms max-ms non-2xx errors}.
 */
public final class OpenLoop {
  private OpenLoop() {
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int connections = Integer.parseInt(args[3]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 4; i + 1 < args.length; i += 2) {
      if ("-H".equals(args[i])) {
        String[] header = args[i + 1].split(":\\s*", 2);
        headers.add(header);
      }
    }
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(run(vertx, url, rate, seconds, connections, headers));
    } finally {
      vertx.close().await();
    }
  }

  static String run(Vertx vertx, URI url, double rate, int seconds, int connections, List<String[]> headers)
      throws InterruptedException {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
        .setPort(url.getPort()).setURI(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    headers.forEach(h -> options.addHeader(h[0], h[1]));
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    long total = (long) (rate * seconds);
    long warmUp = Math.min((long) (rate * 3), total / 4);
    long intervalNanos = (long) (1e9 / rate);
    AtomicLong non2xx = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong measuredFrom = new AtomicLong();
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    long[] issued = {0};
    vertx.setPeriodic(1, timer -> {
      long now = System.nanoTime();
      while (issued[0] < total && start + issued[0] * intervalNanos <= now) {
        long due = start + issued[0] * intervalNanos;
        boolean counted = issued[0] >= warmUp;
        if (issued[0] == warmUp) {
          measuredFrom.set(due);
        }
        issued[0]++;
        client.request(options)
            .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
            .onComplete(result -> {
              done.countDown();
              if (!counted) {
                return;
              }
              long micros = Math.max(1, (System.nanoTime() - due) / 1000);
              synchronized (histogram) {
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
              }
              if (result.failed()) {
                errors.incrementAndGet();
              } else if (result.result() / 100 != 2) {
                non2xx.incrementAndGet();
              }
            });
      }
      if (issued[0] >= total) {
        vertx.cancelTimer(timer);
      }
    });
    done.await(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - measuredFrom.get()) / 1e9;
    client.close().await();
    synchronized (histogram) {
      return String.format("%.0f %.2f %.2f %.2f %.2f %d %d", histogram.getTotalCount() / elapsed,
          histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
          histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0, non2xx.get(), errors.get());
    }
  }
}
