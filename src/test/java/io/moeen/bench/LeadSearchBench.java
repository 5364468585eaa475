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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lead search over many leads: starts the service on the embedded database with the demo clinic,
 * inserts {@code leads} generated leads (Arabic and English names, Saudi mobiles, sources,
 * campaigns, a quarter owned by the demo marketer), then runs each search {@code requests} times
 * with {@code concurrency} in flight as the supervisor (every lead) and prints p50/p99 per query
 * and the plan of the common name search. Not a test: run bench/lead-search.sh.
 */
public final class LeadSearchBench {
  private static final String[] QUERIES = {
      "q=" + enc("احمد"),            // common Arabic name, another spelling than stored (أحمد)
      "q=" + enc("فاطمه الحربي"),     // two words, taa marbuta variant
      "q=" + enc("مصطفي"),           // alef maqsura variant
      "q=" + enc("٠٥٥٠٠١٢٣٤"),       // phone digits in Arabic-Indic
      "q=" + enc("omar"),            // English
      "status=contacted&source=referral",
      "campaign=camp-7&limit=50",
      ""};

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Files.createTempDirectory("moeen-bench").toString());
    env.put("MOEEN_DISPATCH_INTERVAL_MS", "0");
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try (Connection db = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password())) {
      long seeded = System.nanoTime();
      db.createStatement().execute(seed(leads));
      db.createStatement().execute("ANALYZE crm_leads");
      System.out.printf("seeded %d leads in %.1f s%n", leads, (System.nanoTime() - seeded) / 1e9);
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      String token = client.post("/v1/auth/login").sendJsonObject(new JsonObject()
              .put("identifier", "supervisor@moeen-clinic.example").put("password", "MoeenDemo#2026")).await()
          .bodyAsJsonObject().getString("accessToken");
      for (String query : QUERIES) {
        String path = "/v1/crm/leads?" + query;
        run(client, token, path, Math.min(20, requests), concurrency, new long[requests]); // warm-up
        long[] latencies = new long[requests];
        int[] found = new int[1];
        int failures = run(client, token, path, requests, concurrency, latencies);
        found[0] = client.get(path).putHeader("Authorization", "Bearer " + token).send().await()
            .bodyAsJsonObject().getJsonArray("items").size();
        Arrays.sort(latencies);
        System.out.printf("GET /v1/crm/leads?%-40s %3d items  p50 %6.1f ms  p99 %6.1f ms  failures %d%n",
            java.net.URLDecoder.decode(query, StandardCharsets.UTF_8), found[0], latencies[requests / 2] / 1e6,
            latencies[(int) (requests * 0.99)] / 1e6, failures);
      }
      // the list statement as the service runs it: as moeen_app, under row-level security, custom plan
      String list = io.moeen.common.db.SqlStatements.load("io/moeen/crm/leads.sql").get("search_leads");
      var st = db.createStatement();
      st.execute("BEGIN");
      st.execute("SET LOCAL ROLE moeen_app");
      st.execute("SELECT set_config('app.lead_access', 'any', true), set_config('plan_cache_mode', 'force_custom_plan', true)");
      st.execute("PREPARE bench_list AS " + list);
      for (String q : new String[] {"'احمد'", "'هيفاء الزهراني 99999'"}) {
        try (ResultSet plan = st.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE bench_list(NULL, NULL, NULL, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, false, 21, " + q + ", NULL)")) {
          System.out.println("plan of the list searching " + q + ":");
          while (plan.next()) {
            System.out.println("  " + plan.getString(1));
          }
        }
      }
      st.execute("ROLLBACK");
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static String seed(int leads) {
    return """
        INSERT INTO crm_leads (full_name, phone, email, preferred_language, source, utm_campaign, owner_id, status,
                               lost_reason, created_at)
        SELECT (ARRAY['أحمد','فاطمة','مصطفى','محمد','نورة','عبدالله','Omar','Sarah','John','ريم','خالد','هيفاء'])[1 + n %% 12]
               || ' ' || (ARRAY['الحربي','العتيبي','القحطاني','الشهري','الدوسري','Smith','Haddad','الغامدي','الزهراني'])[1 + (n / 12) %% 9]
               || ' ' || n,
               '+96655' || lpad(n::text, 7, '0'),
               CASE WHEN n %% 3 = 0 THEN 'lead' || n || '@example.com' END,
               CASE WHEN n %% 4 = 0 THEN 'en' ELSE 'ar' END,
               (ARRAY['whatsapp','web_chat','web_form','campaign','referral','walk_in','phone_call','social'])[1 + n %% 8],
               'camp-' || (n %% 20),
               CASE WHEN n %% 4 = 0 THEN '00000000-0000-4000-8000-000000000011'::uuid END,
               (ARRAY['new','contacted','qualified','booked','lost'])[1 + n %% 5],
               CASE WHEN n %% 5 = 4 THEN 'price' END,
               now() - make_interval(mins => n)
        FROM generate_series(1, %d) AS n
        """.formatted(leads);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Keeps {@code concurrency} requests in flight until {@code requests} have completed. */
  private static int run(WebClient client, String token, String path, int requests, int concurrency, long[] latencies) {
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
      client.get(path).putHeader("Authorization", "Bearer " + token).send().onComplete(result -> {
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
    for (int c = 0; c < Math.min(concurrency, requests); c++) {
      fire[0].run();
    }
    Future<Void> all = done.future();
    all.await();
    return failures.get();
  }
}
