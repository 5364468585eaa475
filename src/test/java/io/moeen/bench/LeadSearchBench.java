package io.moeen.bench;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lead search under load: starts the service on the embedded database, inserts {@code leads}
 * leads with SQL generate_series (Arabic and English names from small pools, distinct Saudi
 * mobiles), then runs GET /v1/leads?q= as the supervisor (sees every lead) for names (Arabic,
 * written with other hamza/taa marbuta forms too, and English) and for phone digits, and prints
 * p50/p99 per kind. Not a test: run bench/leads.sh.
 */
public final class LeadSearchBench {
  private static final String[] NAMES = {"أحمد", "محمد", "فاطمة", "عائشة", "ابراهيم", "نورة", "ليلى", "مصطفى",
      "Ahmed", "Mohammed", "Fatimah", "Sarah", "Omar", "Layla", "John", "Maria"};
  private static final String[] FAMILIES = {"العتيبي", "القحطاني", "الشهري", "الزهراني", "الحربي", "الغامدي",
      "Alotaibi", "Alqahtani", "Smith", "Haddad", "Khan", "Rahman"};
  private static final String[][] QUERIES = {
      {"name-ar", "احمد العتيبي"}, {"name-ar", "فاطمه"}, {"name-ar", "إبراهيم الحربي"}, {"name-ar", "ليلي"},
      {"name-en", "sarah smith"}, {"name-en", "omar"}, {"name-en", "Haddad"},
      {"phone", "0551000123"}, {"phone", "55100077"}, {"phone", "+966551099999"}};

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Files.createTempDirectory("moeen-bench").toString());
    env.put("MOEEN_CRM_SLA_INTERVAL_MS", "0");
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try {
      long t0 = System.nanoTime();
      generate(app, leads);
      System.out.printf("generated %d leads in %.1f s%n", leads, (System.nanoTime() - t0) / 1e9);
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      String token = client.post("/v1/auth/login").sendJsonObject(new JsonObject()
          .put("identifier", "supervisor@moeen-clinic.example").put("password", "MoeenDemo#2026"))
          .await().bodyAsJsonObject().getString("accessToken");
      run(client, token, Math.min(100, requests), concurrency, new long[Math.min(100, requests)]); // warm-up
      long[] latencies = new long[requests];
      long started = System.nanoTime();
      int failures = run(client, token, requests, concurrency, latencies);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("GET /v1/leads?q=: %d requests over %d leads, concurrency %d, %d failures, %.0f req/s%n",
          requests, leads, concurrency, failures, requests / seconds);
      for (String kind : new String[] {"name-ar", "name-en", "phone"}) {
        long[] mine = new long[requests];
        int n = 0;
        for (int i = 0; i < requests; i++) {
          if (QUERIES[i % QUERIES.length][0].equals(kind)) {
            mine[n++] = latencies[i];
          }
        }
        long[] sorted = Arrays.copyOf(mine, n);
        Arrays.sort(sorted);
        System.out.printf("  %-8s %4d searches: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", kind, n,
            sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
      }
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  /** One INSERT … SELECT generate_series as the tables' owner, then ANALYZE. */
  private static void generate(Application app, int leads) throws Exception {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      String names = "ARRAY['" + String.join("','", NAMES) + "']";
      String families = "ARRAY['" + String.join("','", FAMILIES) + "']";
      c.createStatement().execute("""
          INSERT INTO crm_leads (full_name, phone, email, preferred_language, source, status, owner_id, created_at,
                                 lost_reason)
          SELECT (%s)[1 + (i * 7) %% 16] || ' ' || (%s)[1 + (i * 13) %% 12],
                 '+96655' || lpad(i::text, 7, '0'),
                 CASE WHEN i %% 3 = 0 THEN 'lead' || i || '@example.com' END,
                 CASE WHEN (i * 7) %% 16 < 8 THEN 'ar' ELSE 'en' END,
                 (ARRAY['whatsapp','web_form','campaign','referral','social'])[1 + i %% 5],
                 (ARRAY['new','contacted','qualified','booked','lost'])[1 + i %% 5],
                 '00000000-0000-4000-8000-000000000011',
                 now() - (i || ' minutes')::interval,
                 CASE WHEN i %% 5 = 4 THEN 'bench' END
          FROM generate_series(1000000, 1000000 + %d - 1) AS i""".formatted(names, families, leads)
          );
      c.createStatement().execute("ANALYZE crm_leads");
    }
  }

  private static int run(WebClient client, String token, int requests, int concurrency, long[] latencies) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= requests) {
        return;
      }
      long start = System.nanoTime();
      client.get("/v1/leads").addQueryParam("q", QUERIES[i % QUERIES.length][1]).addQueryParam("limit", "20")
          .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", "en").send()
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
