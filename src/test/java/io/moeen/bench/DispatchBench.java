package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.config.AppConfig;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.moeen.notifications.dispatch.OutboxDispatcher;
import io.moeen.notifications.dispatch.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dispatch throughput: starts the whole service on the embedded database (its own dispatcher
 * timer off), an SMS provider on loopback that answers at once, inserts {@code sms} + {@code inApp}
 * urgent outbox rows, and drains them with one dispatcher, then a fresh set with two side by side.
 * Prints rows/s, time-to-deliver percentiles (delivered_at − created_at) and checks every SMS key
 * reached the provider exactly once. A warm-up of 1000 + 1000 rows comes first. Rows are inserted
 * in one burst just before the drain, so time-to-deliver is mostly the wait in the queue.
 * Not a test: run bench/dispatch.sh.
 */
public final class DispatchBench {
  public static void main(String[] args) throws Exception {
    int sms = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int inApp = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Scratch.dir("moeen-bench").toString());
    env.put("MOEEN_DISPATCH_INTERVAL_MS", "0");
    Application app = Application.start(ConfigReader.read(env));
    Vertx providerVertx = Vertx.vertx();
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    AtomicInteger ids = new AtomicInteger();
    HttpServer provider = providerVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      received.computeIfAbsent(request.getHeader("Idempotency-Key"), k -> new AtomicInteger()).incrementAndGet();
      request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("id", "b-" + ids.incrementAndGet()).encode());
    })).listen(0, "127.0.0.1").await();
    WebClient client = WebClient.create(app.vertx());
    try {
      System.out.printf("%d SMS + %d in-app rows per run, batch size %d%n", sms, inApp, batch);
      // warm-up (JIT, pool connections, templates): 1000 + 1000 rows, not reported
      insert(app, "warmup", 1000, 1000);
      dispatcher(app, client, "http://127.0.0.1:" + provider.actualPort() + "/send", batch).drain().await();
      for (int dispatchers : new int[] {1, 2}) {
        String run = "bench" + dispatchers;
        insert(app, run, sms, inApp);
        List<OutboxDispatcher> all = new ArrayList<>();
        for (int d = 0; d < dispatchers; d++) {
          all.add(dispatcher(app, client, "http://127.0.0.1:" + provider.actualPort() + "/send", batch));
        }
        long started = System.nanoTime();
        Future.all(all.stream().map(OutboxDispatcher::drain).toList()).await();
        double seconds = (System.nanoTime() - started) / 1e9;
        report(app, run, dispatchers, sms + inApp, seconds, received);
      }
    } finally {
      client.close();
      provider.close().await();
      providerVertx.close().await();
      app.stop();
    }
  }

  private static OutboxDispatcher dispatcher(Application app, WebClient client, String url, int batch) {
    ZoneId zone = app.config().timeZone();
    AppConfig.Sms sms = new AppConfig.Sms(Optional.of(url), Optional.empty(), "{\"to\":\"{to}\",\"text\":\"{text}\"}");
    return DispatchVerticle.create(app.vertx(), app.pool(), client, sms, SupportedLocale.fromTag("ar").orElseThrow(), zone,
        Clock.systemUTC(), Duration.ofSeconds(10),
        new OutboxDispatcher.Settings(batch, Duration.ofMinutes(2), RetryPolicy.DEFAULT, zone)).await();
  }

  /** Urgent rows (quiet hours never hold them), inserted as the tables' owner in one statement per channel. */
  private static void insert(Application app, String run, int sms, int inApp) throws Exception {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      c.createStatement().execute("""
          INSERT INTO notifications (recipient_phone, channel, event_type, locale, payload, priority, idempotency_key)
          SELECT '+9665' || lpad(g::text, 8, '0'), 'sms', 'appointment_booked', CASE WHEN g %% 2 = 0 THEN 'ar' ELSE 'en' END,
                 '{"startsAt": "2030-12-01T09:00:00Z"}', 'urgent', '%s:sms:' || g FROM generate_series(1, %d) g;
          INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
          SELECT '00000000-0000-4000-8000-000000000007', 'in_app', 'appointment_booked', CASE WHEN g %% 2 = 0 THEN 'ar' ELSE 'en' END,
                 '{"startsAt": "2030-12-01T09:00:00Z"}', 'urgent', '%s:in_app:' || g FROM generate_series(1, %d) g;
          """.formatted(run, sms, run, inApp));
    }
  }

  private static void report(Application app, String run, int dispatchers, int rows, double seconds,
                             Map<String, AtomicInteger> received) throws Exception {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rs = c.createStatement().executeQuery("""
             SELECT count(*) FILTER (WHERE status IN ('sent', 'delivered')) AS done,
                    count(*) FILTER (WHERE status NOT IN ('sent', 'delivered')) AS left_over,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p50,
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p99,
                    max(extract(epoch FROM delivered_at - created_at)) AS max
             FROM notifications WHERE idempotency_key LIKE '%s:%%'""".formatted(run))) {
      rs.next();
      long twice = received.entrySet().stream().filter(e -> e.getKey().startsWith(run + ":") && e.getValue().get() != 1).count();
      long smsKeys = received.keySet().stream().filter(k -> k.startsWith(run + ":")).count();
      System.out.printf("%d dispatcher(s): %d rows in %.1f s = %.0f rows/s; time-to-deliver p50 %.2f s, p99 %.2f s, max %.2f s;"
              + " delivered %d, left %d; SMS keys at the provider %d, any twice: %d%n",
          dispatchers, rows, seconds, rows / seconds, rs.getDouble("p50"), rs.getDouble("p99"), rs.getDouble("max"),
          rs.getLong("done"), rs.getLong("left_over"), smsKeys, twice);
    }
  }
}
