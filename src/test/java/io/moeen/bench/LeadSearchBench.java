package io.moeen.bench;

import io.moeen.testing.Scratch;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Lead search over many leads: starts the service on the embedded database with the demo clinic,
 * inserts {@code leads} generated leads (Arabic and English names, Saudi mobiles, sources,
 * campaigns, a quarter owned by the demo marketer), then runs each query {@code requests} times
 * with {@code concurrency} in flight as the supervisor (every lead) and prints p50/p99 per query
 * and the plans of the search statement. Not a test: run bench/lead-search.sh.
 * <p>Arguments: {@code [leads=100000] [requests=200] [concurrency=8] [--machine] [--pgbench[=seconds]]}.
 * <ul>
 *   <li>{@code --machine}: only one line per query on stdout, tab-separated
 *       {@code path p50-ms p99-ms items} (the path as requested, URL-decoded; it may hold a space),
 *       for a wrapper such as bench/all.sh; the service logs only warnings. (Maven may still put an ANSI
 *       reset, {@code ESC[0m}, in front of the first line: match the lines by their three tabs.)</li>
 *   <li>{@code --pgbench[=seconds]} (default 10): then, for each search, pgbench of the statements
 *       the service runs for it (bench/sql/lead-search.sql: as moeen_app, under row-level security,
 *       the supervisor's settings) with the same concurrency; prints
 *       {@code pgbench <path> p50-ms p99-ms tps} (tab-separated with {@code --machine}).</li>
 * </ul>
 * <p>What is measured is a running service over a table in its steady state: after the insert the table
 * is vacuumed and analysed (as autovacuum does to a table that grew over months), and every query runs
 * {@code WARM_UP} times, all of them before the first is measured. Without that, the first query measured
 * also paid for the JIT compiling the route and for the first visit of each new row (p50 of the first
 * query 47-51 ms, against 25 ms for the same query after 3,000 requests).
 * Latencies go into an HdrHistogram. The client is closed-loop (a new request when one finishes),
 * so a stall delays the requests behind it instead of being counted against them: p99 here is a
 * floor, not a coordinated-omission-corrected figure.
 */
public final class LeadSearchBench {
  /** Requests per query before any is measured. */
  private static final int WARM_UP = 300;
  /** One query of the bench; {@code search} and {@code digits} are what the service makes of {@code q}. */
  record Query(String params, String search, String digits) {
    String path() {
      return "/v1/crm/leads" + (params.isEmpty() ? "" : "?" + params);
    }

    String label() {
      return java.net.URLDecoder.decode(path(), StandardCharsets.UTF_8);
    }
  }

  private static final List<Query> QUERIES = List.of(
      search("احمد", null),           // common Arabic name, another spelling than stored (أحمد)
      search("فاطمه الحربي", null),    // two words, taa marbuta variant
      search("مصطفي", null),          // alef maqsura variant
      search("٠٥٥٠٠١٢٣٤", "55001234"), // phone digits in Arabic-Indic
      search("omar", null),           // English
      new Query("status=contacted&source=referral", null, null),
      new Query("campaign=camp-7&limit=50", null, null),
      new Query("", null, null));
  /** Latencies in microseconds, up to a minute, three significant digits. */
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

  public static void main(String[] args) throws Exception {
    List<String> numbers = Stream.of(args).filter(a -> !a.startsWith("--")).toList();
    boolean machine = List.of(args).contains("--machine");
    int pgbenchSeconds = Stream.of(args).filter(a -> a.startsWith("--pgbench")).findFirst()
        .map(a -> a.contains("=") ? Integer.parseInt(a.substring(a.indexOf('=') + 1)) : 10).orElse(0);
    int leads = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 100_000;
    int requests = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 200;
    int concurrency = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 8;
    PrintStream out = System.out;
    PrintStream info = machine ? System.err : System.out;
    if (machine) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
      ((Logger) LoggerFactory.getLogger("io.moeen")).setLevel(Level.WARN);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MOEEN_DATA_DIR", Scratch.dir("moeen-bench").toString());
    env.put("MOEEN_DISPATCH_INTERVAL_MS", "0");
    // the generated leads are long overdue for a first contact: the SLA sweep would work through
    // them (about 20k "new" ones) in the background of every query and measure that instead
    env.put("MOEEN_CRM_SLA_INTERVAL_MS", "0");
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try (Connection db = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password())) {
      long seeded = System.nanoTime();
      db.createStatement().execute(seed(leads));
      info.printf("seeded %d leads in %.1f s%n", leads, (System.nanoTime() - seeded) / 1e9);
      db.createStatement().execute("VACUUM ANALYZE crm_leads");
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      String token = client.post("/v1/auth/login").sendJsonObject(new JsonObject()
              .put("identifier", "supervisor@moeen-clinic.example").put("password", "MoeenDemo#2026")).await()
          .bodyAsJsonObject().getString("accessToken");
      for (Query query : QUERIES) {
        run(client, token, query.path(), WARM_UP, concurrency, new Histogram(MAX_MICROS, 3));
      }
      for (Query query : QUERIES) {
        String path = query.path();
        Histogram latencies = new Histogram(MAX_MICROS, 3);
        int failures = run(client, token, path, requests, concurrency, latencies);
        int found = client.get(path).putHeader("Authorization", "Bearer " + token).send().await()
            .bodyAsJsonObject().getJsonArray("items").size();
        if (machine) {
          out.printf("%s\t%.1f\t%.1f\t%d%n", query.label(), ms(latencies, 50), ms(latencies, 99), found);
        } else {
          out.printf("GET %-48s %3d items  p50 %6.1f ms  p99 %6.1f ms  failures %d%n", query.label(), found,
              ms(latencies, 50), ms(latencies, 99), failures);
        }
        if (failures > 0) {
          info.printf("%s: %d of %d requests failed%n", query.label(), failures, requests);
        }
      }
      if (!machine) {
        printPlans(db, out);
      }
      if (pgbenchSeconds > 0) {
        String userId = one(db, "SELECT id FROM users WHERE email = 'supervisor@moeen-clinic.example'");
        for (Query query : QUERIES) {
          if (query.search() != null) {
            pgbench(app.database(), userId, query, concurrency, pgbenchSeconds, machine, out);
          }
        }
      }
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static Query search(String q, String digits) {
    return new Query("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), q, digits);
  }

  private static double ms(Histogram latencies, double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The list statement as the service runs it: as moeen_app, under row-level security, as the supervisor. */
  static void printPlans(Connection db, PrintStream out) throws Exception {
    String list = io.moeen.common.db.SqlStatements.load("io/moeen/crm/leads.sql").get("list_leads");
    var st = db.createStatement();
    // the plans of the statements inside crm_lead_page come back as LOG notices (auto_explain)
    boolean nested = true;
    try {
      st.execute("LOAD 'auto_explain'");
    } catch (java.sql.SQLException e) {
      nested = false;
    }
    st.execute("BEGIN");
    if (nested) {
      st.execute("SET LOCAL auto_explain.log_min_duration = 0; SET LOCAL auto_explain.log_analyze = on;"
          + " SET LOCAL auto_explain.log_buffers = on; SET LOCAL auto_explain.log_nested_statements = on;"
          + " SET LOCAL auto_explain.log_timing = on; SET LOCAL client_min_messages = log");
    }
    st.execute("SET LOCAL ROLE moeen_app");
    String user = "(SELECT id::text FROM users WHERE email = 'supervisor@moeen-clinic.example')";
    st.execute("SELECT set_config('app.lead_access', 'any', true), set_config('app.user_id', " + user + ", true)");
    st.execute("PREPARE bench_list AS " + list);
    // (owner, status, source, campaign, tag, from, to, after, after id, unassigned, limit, q, digits)
    for (String args : new String[] {
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, 'احمد', NULL",
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, 'فاطمه الحربي', NULL",
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, '٠٥٥٠٠١٢٣٤', '55001234'",
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, 'هيفاء الزهراني 99999', NULL",
        "NULL, 'contacted', 'referral', NULL, NULL, NULL, NULL, NULL, NULL, false, 21, NULL, NULL",
        "NULL, NULL, NULL, 'camp-7', NULL, NULL, NULL, NULL, NULL, false, 51, NULL, NULL",
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, NULL, NULL"}) {
      for (int run = 0; run < 2; run++) { // the second run is the one shown: plpgsql compiled, caches warm
        st.clearWarnings();
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_list(" + args + ")")) {
          while (plan.next()) {
            lines.add("  " + plan.getString(1));
          }
        }
        for (var w = st.getWarnings(); w != null; w = w.getNextWarning()) {
          if (w.getMessage().contains("crm_leads l") && !w.getMessage().contains("crm_lead_page(")) {
            lines.add("  inside crm_lead_page: " + w.getMessage().replace("\n", "\n    "));
          }
        }
        if (run == 1) {
          out.println("plan of list_leads(" + args + "):");
          lines.forEach(out::println);
        }
      }
    }
    st.execute("ROLLBACK");
  }

  /** pgbench of bench/sql/lead-search.sql for one search, with per-transaction latencies from its log. */
  private static void pgbench(DatabaseServer database, String userId, Query query, int concurrency, int seconds,
                              boolean machine, PrintStream out) throws IOException, InterruptedException {
    Path logs = Scratch.dir("moeen-pgbench");
    List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-f", "bench/sql/lead-search.sql",
        "-D", "user_id=" + userId, "-D", "q=" + query.search(),
        "-D", "digits=" + (query.digits() == null ? "none" : query.digits()),
        "-c", String.valueOf(concurrency), "-j", String.valueOf(Math.min(concurrency, 2)), "-T", String.valueOf(seconds),
        "-l", "--log-prefix=" + logs.resolve("tx"),
        "-h", database.host(), "-p", String.valueOf(database.port()), "-U", database.user(), database.database()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(".").toFile()).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", database.password());
    builder.environment().put("PGOPTIONS", "-c role=moeen_app");
    Process process = builder.start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + report);
    }
    Histogram latencies = new Histogram(MAX_MICROS, 3);
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          latencies.recordValue(Math.min(MAX_MICROS, Long.parseLong(line.split(" ")[2])));
        }
      }
    }
    double tps = latencies.getTotalCount() / (double) seconds;
    String label = "pgbench " + query.label();
    if (machine) {
      out.printf("%s\t%.1f\t%.1f\t%.0f%n", label, ms(latencies, 50), ms(latencies, 99), tps);
    } else {
      out.printf("%-52s p50 %6.2f ms  p99 %6.2f ms  %6.0f tps (c%d, %d s)%n", label, ms(latencies, 50),
          ms(latencies, 99), tps, concurrency, seconds);
    }
  }

  private static String one(Connection db, String sql) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String seed(int leads) {
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

  /** Keeps {@code concurrency} requests in flight until {@code requests} have completed. */
  private static int run(WebClient client, String token, String path, int requests, int concurrency,
                         Histogram latencies) {
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
        synchronized (latencies) {
          latencies.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
        }
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
