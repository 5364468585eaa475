package io.moeen.bench;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the web chat: starts the whole service (embedded database, demo clinic), then
 * runs {@code conversations} scripted conversations, {@code concurrency} at a time, each a session
 * plus eleven turns through the receptionist flow (language, menu, service, doctor, day → free slots
 * from the slot engine, start over, opening hours, services and prices, goodbye). Prints turns per
 * second and turn latency percentiles. Each conversation poses as its own visitor behind a trusted
 * proxy, so the per-IP rate limit does not throttle the run. Not a test: run bench/chat.sh.
 */
public final class ChatBench {
  private static final List<JsonObject> SCRIPT = List.of(
      tap("en"), tap("book"), say("General consultation"), tap("any"), say("%DAY%"), say("start over"),
      tap("hours"), tap("yes"), say("services and prices"), tap("yes"), say("no thanks"));

  private static JsonObject tap(String id) {
    return new JsonObject().put("replyId", id);
  }

  private static JsonObject say(String text) {
    return new JsonObject().put("text", text);
  }

  public static void main(String[] args) throws Exception {
    int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Files.createTempDirectory("moeen-bench").toString());
    env.put("MOEEN_TRUSTED_PROXIES", "127.0.0.1");
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    String day = LocalDate.now(ZoneId.of("Asia/Riyadh")).plusDays(3)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusWeeks(1).toString();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      Run warm = run(client, Math.min(20, conversations), concurrency, day, 0);
      System.out.printf("warm-up: %d conversations, statuses %s%n", Math.min(20, conversations), warm.statuses);
      long started = System.nanoTime();
      Run run = run(client, conversations, concurrency, day, 100_000);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] latencies = run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      int turns = latencies.length;
      System.out.printf("web chat: %d conversations (%d turns each + a session), concurrency %d, %.1f s%n",
          conversations, SCRIPT.size(), concurrency, seconds);
      System.out.printf("throughput %.0f turns/s; turn latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
              + "statuses %s%n", turns / seconds, latencies[turns / 2] / 1e6, latencies[(int) (turns * 0.9)] / 1e6,
          latencies[(int) (turns * 0.99)] / 1e6, latencies[turns - 1] / 1e6, run.statuses);
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private record Run(List<Long> latencies, Map<Integer, Integer> statuses) {
  }

  private static Run run(WebClient client, int conversations, int concurrency, String day, int ipBase) {
    List<Long> latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    Runnable[] start = new Runnable[1];
    start[0] = () -> {
      int n = next.getAndIncrement();
      if (n >= conversations) {
        return;
      }
      String ip = "10." + ((ipBase + n) / 65536 % 256) + "." + ((ipBase + n) / 256 % 256) + "." + ((ipBase + n) % 256);
      conversation(client, ip, day, latencies, statuses).onComplete(x -> {
        if (finished.incrementAndGet() == conversations) {
          done.complete();
        } else {
          start[0].run();
        }
      });
    };
    for (int i = 0; i < Math.min(concurrency, conversations); i++) {
      start[0].run();
    }
    done.future().await();
    return new Run(latencies, new TreeMap<>(statuses));
  }

  private static Future<Void> conversation(WebClient client, String ip, String day, List<Long> latencies,
                                           Map<Integer, Integer> statuses) {
    return client.post("/v1/chat/sessions").putHeader("X-Forwarded-For", ip).putHeader("Accept-Language", "en")
        .sendJsonObject(new JsonObject())
        .compose(opened -> {
          statuses.merge(opened.statusCode(), 1, Integer::sum);
          if (opened.statusCode() != 201) {
            return Future.succeededFuture();
          }
          JsonObject session = opened.bodyAsJsonObject();
          Future<Void> turns = Future.succeededFuture();
          for (JsonObject step : SCRIPT) {
            JsonObject body = step.containsKey("text")
                ? new JsonObject().put("text", step.getString("text").replace("%DAY%", day)) : step;
            turns = turns.compose(v -> turn(client, ip, session, body, latencies, statuses));
          }
          return turns;
        });
  }

  private static Future<Void> turn(WebClient client, String ip, JsonObject session, JsonObject body,
                                   List<Long> latencies, Map<Integer, Integer> statuses) {
    long t0 = System.nanoTime();
    return client.post("/v1/chat/sessions/" + session.getString("sessionId") + "/messages")
        .putHeader("X-Forwarded-For", ip).putHeader("X-Chat-Token", session.getString("token"))
        .putHeader("Accept-Language", "en").sendJsonObject(body)
        .map((HttpResponse<Buffer> r) -> {
          latencies.add(System.nanoTime() - t0);
          statuses.merge(r.statusCode(), 1, Integer::sum);
          return (Void) null;
        });
  }
}
