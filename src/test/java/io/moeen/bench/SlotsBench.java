package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.config.ConfigReader;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Load generator for GET /v1/slots: starts the whole service on the embedded database with the
 * demo clinic (or uses one already running, {@code --url}), warms up, then sends {@code requests}
 * requests with {@code concurrency} in flight (throughput, as wrk and pgbench measure it) and the
 * same number again at a fixed rate (latency corrected for coordinated omission, see
 * {@link CorrectedLoad}). Not a test: run bench/slots.sh.
 * <p>Usage: {@code [requests=2000] [concurrency=16] [--url http://127.0.0.1:8080] [--rate per-second]
 * [--query one|all|mixed] [--bus] [--machine]}. {@code --bus} sends the envelopes straight to the slot verticle
 * (the scheduling slice alone, no HTTP, no contract validation; in-process only). {@code --rate} defaults to 70% of the measured throughput;
 * {@code --query one} asks only for one doctor's week, {@code all} only every doctor's week, {@code mixed}
 * (the default) alternates those and a four-week search in the caller's zone. {@code --machine} prints one
 * line: {@code GET /v1/slots <req/s> <p50 ms> <p99 ms> <errors>} (p50/p99 from the fixed-rate run).
 */
public final class SlotsBench {
  private static final String ONE_DOCTOR_WEEK =
      "/v1/slots?serviceId=00000000-0000-4000-c300-000000000001&doctorId=00000000-0000-4000-c200-000000000004";
  private static final String EVERY_DOCTOR_WEEK = "/v1/slots?serviceId=00000000-0000-4000-c300-000000000002";
  private static final String ONE_DOCTOR_FOUR_WEEKS_BERLIN =
      "/v1/slots?serviceId=00000000-0000-4000-c300-000000000004&doctorId=00000000-0000-4000-c200-000000000006"
          + "&locationId=00000000-0000-4000-c100-000000000001&timeZone=Europe/Berlin&to=%s";

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = BenchArgs.parse(args, positional, "--machine", "--bus");
    int requests = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 2000;
    int concurrency = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 16;
    boolean machine = options.containsKey("--machine");
    Application app = null;
    Path dataDir = null;
    URI base;
    if (options.containsKey("--url")) {
      base = URI.create(options.get("--url"));
    } else {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Map<String, String> env = new HashMap<>();
      env.put("HTTP_HOST", "127.0.0.1");
      env.put("HTTP_PORT", String.valueOf(port));
      dataDir = Scratch.dir("moeen-bench");
      env.put("MOEEN_DATA_DIR", dataDir.toString());
      app = Application.start(ConfigReader.read(env));
      base = URI.create("http://127.0.0.1:" + port);
    }
    Vertx vertx = Vertx.vertx();
    try {
      String[] paths = paths(options.getOrDefault("--query", "mixed"));
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(base.getHost())
          .setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(concurrency).setMaxWaitQueueSize(-1));
      IntFunction<Future<Integer>> request = options.containsKey("--bus") ? bus(app, paths)
          : i -> CorrectedLoad.status(client.get(paths[i % paths.length])
              .putHeader("Accept-Language", i % 2 == 0 ? "ar" : "en").send());
      CorrectedLoad.closed(request, Math.max(500, requests / 2), concurrency, 200); // warm-up: JIT, pools, plans
      double[] cpuBefore = dataDir == null ? null : ProcessCpu.millis(dataDir);
      CorrectedLoad.Result closed = CorrectedLoad.closed(request, requests, concurrency, 200);
      double[] cpuAfter = dataDir == null ? null : ProcessCpu.millis(dataDir);
      double rate = options.containsKey("--rate") ? Double.parseDouble(options.get("--rate")) : closed.perSecond() * 0.7;
      CorrectedLoad.Result open = CorrectedLoad.open(vertx, request, requests, rate, 200);
      if (machine) {
        System.out.printf((options.containsKey("--bus") ? SchedulingAddresses.SLOTS_LIST : "GET /v1/slots") + " %.0f %.2f %.2f %d%n", closed.perSecond(), open.ms(50), open.ms(99),
            closed.errors() + open.errors());
      } else {
        System.out.printf("GET /v1/slots (%s): %d requests each run%n", String.join(" | ", paths), requests);
        System.out.printf("  %d in flight:      %s%n", concurrency, closed.describe());
        System.out.printf("  at %.0f req/s fixed: %s (latency from when each request was due)%n", rate, open.describe());
      }
      if (cpuAfter != null) {
        System.out.printf("# CPU per request (%d in flight): service JVM %.2f ms, PostgreSQL %.2f ms%n", concurrency,
            (cpuAfter[0] - cpuBefore[0]) / requests, (cpuAfter[1] - cpuBefore[1]) / requests);
      }
    } finally {
      vertx.close().await();
      if (app != null) {
        app.stop();
      }
    }
  }

  /**
   * {@code --bus}: the request the API would forward, sent straight to {@value SchedulingAddresses#SLOTS_LIST} on the
   * in-process service's bus: the scheduling slice alone, without HTTP and contract validation.
   */
  private static IntFunction<Future<Integer>> bus(Application app, String[] paths) {
    if (app == null) {
      throw new IllegalArgumentException("--bus needs the service in this process (no --url)");
    }
    List<JsonObject> params = new ArrayList<>();
    for (String path : paths) {
      JsonObject query = new JsonObject();
      for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      params.add(query);
    }
    return i -> app.vertx().eventBus().<JsonObject>request(SchedulingAddresses.SLOTS_LIST,
            new RequestEnvelope("listSlots", params.get(i % params.size()), null, null, i % 2 == 0 ? "ar" : "en",
                "bench-" + i).toJson())
        .map(reply -> 200)
        .otherwise(500);
  }

  private static String[] paths(String query) {
    String to = java.time.Instant.now().plus(java.time.Duration.ofDays(28)).toString();
    String fourWeeks = String.format(ONE_DOCTOR_FOUR_WEEKS_BERLIN, to);
    return switch (query) {
      case "one" -> new String[] {ONE_DOCTOR_WEEK};
      case "all" -> new String[] {EVERY_DOCTOR_WEEK};
      case "mixed" -> new String[] {ONE_DOCTOR_WEEK, EVERY_DOCTOR_WEEK, fourWeeks};
      default -> throw new IllegalArgumentException("--query one|all|mixed, not " + query);
    };
  }
}
