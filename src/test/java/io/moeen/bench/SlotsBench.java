package io.moeen.bench;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for GET /v1/slots: starts the whole service on the embedded database with the
 * demo clinic, then fires {@code requests} requests on loopback with at most {@code concurrency}
 * in flight, and prints throughput and latency percentiles. Not a test: run bench/slots.sh.
 */
public final class SlotsBench {
  private static final String[] QUERIES = {
      // one doctor, one week
      "/v1/slots?serviceId=00000000-0000-4000-c300-000000000001&doctorId=00000000-0000-4000-c200-000000000004",
      // every doctor offering follow-ups, at every location, one week
      "/v1/slots?serviceId=00000000-0000-4000-c300-000000000002",
      // one doctor, four weeks, with the caller's zone
      "/v1/slots?serviceId=00000000-0000-4000-c300-000000000004&doctorId=00000000-0000-4000-c200-000000000006"
          + "&locationId=00000000-0000-4000-c100-000000000001&timeZone=Europe/Berlin&to=" + "%s"};

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Files.createTempDirectory("moeen-bench").toString());
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try {
      String to = java.time.Instant.now().plus(java.time.Duration.ofDays(28)).toString();
      String[] paths = Arrays.stream(QUERIES).map(q -> q.contains("%s") ? String.format(q, to) : q).toArray(String[]::new);
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      run(client, paths, Math.min(200, requests), concurrency); // warm-up
      long[] latencies = new long[requests];
      long started = System.nanoTime();
      int failures = run(client, paths, requests, concurrency, latencies);
      double seconds = (System.nanoTime() - started) / 1e9;
      Arrays.sort(latencies);
      System.out.printf("GET /v1/slots: %d requests, concurrency %d, %d failures%n", requests, concurrency, failures);
      System.out.printf("throughput %.0f req/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", requests / seconds,
          latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6, latencies[requests - 1] / 1e6);
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static int run(WebClient client, String[] paths, int requests, int concurrency) {
    return run(client, paths, requests, concurrency, new long[requests]);
  }

  /** Keeps {@code concurrency} requests in flight until {@code requests} have completed. */
  private static int run(WebClient client, String[] paths, int requests, int concurrency, long[] latencies) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= requests) {
        return;
      }
      long start = System.nanoTime();
      client.get(paths[i % paths.length]).putHeader("Accept-Language", i % 2 == 0 ? "ar" : "en").send()
          .onComplete(result -> {
            latencies[i] = System.nanoTime() - start;
            if (result.failed() || result.result().statusCode() != 200) {
              failures.incrementAndGet();
            }
            if (finished.incrementAndGet() == requests) {
              done.complete();
            } else {
              fire[0].run();
            }
          });
    };
    for (int c = 0; c < concurrency; c++) {
      fire[0].run();
    }
    Future<Void> all = done.future();
    all.await();
    return failures.get();
  }
}
