package io.moeen.bench;

import io.moeen.testing.Scratch;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Dispenses per second with first-expiring-first-out picking: starts the service on the embedded
 * database with the demo clinic, seeds {@code items} generated medicines with {@code batches} batches
 * in the demo pharmacy (a tenth of them expired, so the pick must skip them; each received through a
 * move, so balances are real), then POSTs {@code dispenses} walk-in dispenses of 1–3 units of a random
 * item as the demo pharmacist, {@code concurrency} in flight (closed loop). With {@code --pgbench}, runs
 * bench/sql/dispense.sql (the same statements, as moeen_app) with the same concurrency and prints the
 * ratio service / pgbench. Not a test: run bench/pharmacy.sh.
 * <p>Arguments: {@code [items=5000] [batches=50000] [dispenses=3000] [concurrency=8] [--machine] [--pgbench[=seconds]]}.
 */
public final class PharmacyBench {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
  private static final String PHARMACY = "00000000-0000-4020-8000-000000000001";

  public static void main(String[] args) throws Exception {
    List<String> numbers = Stream.of(args).filter(a -> !a.startsWith("--")).toList();
    boolean machine = List.of(args).contains("--machine");
    int pgbenchSeconds = Stream.of(args).filter(a -> a.startsWith("--pgbench")).findFirst()
        .map(a -> a.contains("=") ? Integer.parseInt(a.substring(a.indexOf('=') + 1)) : 10).orElse(0);
    int items = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 5_000;
    int batches = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 50_000;
    int dispenses = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 3_000;
    int concurrency = numbers.size() > 3 ? Integer.parseInt(numbers.get(3)) : 8;
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
    env.put("MOEEN_CRM_SLA_INTERVAL_MS", "0");
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try (Connection db = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password())) {
      long seeded = System.nanoTime();
      db.createStatement().execute(seed(items, batches));
      db.createStatement().execute("ANALYZE inventory_items; ANALYZE inventory_batches; ANALYZE inventory_moves;"
          + " ANALYZE inventory_stock_levels");
      info.printf("seeded %d items and %d batches in %.1f s%n", items, batches, (System.nanoTime() - seeded) / 1e9);
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      String token = client.post("/v1/auth/login").sendJsonObject(new JsonObject()
              .put("identifier", "pharmacy@moeen-clinic.example").put("password", "MoeenDemo#2026")).await()
          .bodyAsJsonObject().getString("accessToken");
      run(client, token, items, Math.min(200, dispenses), concurrency, new Histogram(MAX_MICROS, 3)); // warm-up
      Histogram latencies = new Histogram(MAX_MICROS, 3);
      long start = System.nanoTime();
      int failures = run(client, token, items, dispenses, concurrency, latencies);
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = dispenses / seconds;
      if (machine) {
        out.printf("POST /v1/pharmacy/dispenses\t%.0f\t%.1f\t%.1f\t%d%n", rate, ms(latencies, 50), ms(latencies, 99), failures);
      } else {
        out.printf("POST /v1/pharmacy/dispenses  %6.0f dispenses/s  p50 %6.1f ms  p99 %6.1f ms  failures %d (c%d, %d)%n",
            rate, ms(latencies, 50), ms(latencies, 99), failures, concurrency, dispenses);
      }
      if (pgbenchSeconds > 0) {
        double tps = pgbench(app.database(), items, concurrency, pgbenchSeconds, machine, out);
        out.printf(machine ? "ratio\t%.2f%n" : "service / pgbench of the same SQL: %.2f%n", rate / tps);
      }
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static double ms(Histogram latencies, double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Items with ids {@code 00000000-0000-4020-b000-<n>}, {@code batches / items} batches each, received through moves. */
  static String seed(int items, int batches) {
    int perItem = Math.max(1, batches / items);
    return """
        INSERT INTO inventory_items (id, code, kind, generic_name_ar, generic_name_en, strength, unit, pack_size)
        SELECT ('00000000-0000-4020-b000-' || lpad(n::text, 12, '0'))::uuid, 'BENCH-' || n, 'medicine',
               'دواء تجريبي ' || n, 'Bench drug ' || n, (n %% 500 + 1) || ' mg', 'tablet', 30
        FROM generate_series(1, %1$d) AS n;
        INSERT INTO inventory_batches (store_id, item_id, lot_number, expiry_date, unit_cost, received_at)
        SELECT '%3$s', ('00000000-0000-4020-b000-' || lpad(n::text, 12, '0'))::uuid, 'B' || n || '-' || k,
               CASE WHEN k = 1 THEN current_date - 10 ELSE current_date + 30 * k + n %% 30 END,
               1 + (n %% 7), now() - make_interval(days => k)
        FROM generate_series(1, %1$d) AS n, generate_series(1, %2$d) AS k;
        INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, reference, actor_id)
        SELECT 'receive', store_id, item_id, id, 100000, unit_cost, 'PO-BENCH', '00000000-0000-4000-8000-000000000021'
        FROM inventory_batches WHERE lot_number LIKE 'B%%';
        """.formatted(items, perItem, PHARMACY);
  }

  private static JsonObject body(int items) {
    int n = 1 + ThreadLocalRandom.current().nextInt(items);
    String item = String.format("00000000-0000-4020-b000-%012d", n);
    return new JsonObject().put("storeId", PHARMACY).put("customerName", "bench")
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", item)
            .put("quantity", 1 + ThreadLocalRandom.current().nextInt(3))));
  }

  /** Keeps {@code concurrency} dispenses in flight until {@code requests} have completed. */
  private static int run(WebClient client, String token, int items, int requests, int concurrency, Histogram latencies) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      if (next.getAndIncrement() >= requests) {
        return;
      }
      long start = System.nanoTime();
      client.post("/v1/pharmacy/dispenses").putHeader("Authorization", "Bearer " + token)
          .putHeader("Idempotency-Key", java.util.UUID.randomUUID().toString()).sendJsonObject(body(items))
          .onComplete(result -> {
            synchronized (latencies) {
              latencies.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
            }
            if (result.failed() || result.result().statusCode() != 201) {
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
    done.future().await();
    return failures.get();
  }

  /** pgbench of bench/sql/dispense.sql; its transactions per second. */
  private static double pgbench(DatabaseServer database, int items, int concurrency, int seconds, boolean machine,
                                PrintStream out) throws Exception {
    Path logs = Scratch.dir("moeen-pgbench");
    List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-f", "bench/sql/dispense.sql",
        "-D", "items=" + items, "-c", String.valueOf(concurrency), "-j", String.valueOf(Math.min(concurrency, 2)),
        "-T", String.valueOf(seconds), "-l", "--log-prefix=" + logs.resolve("tx"),
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
    if (machine) {
      out.printf("pgbench dispense.sql\t%.0f\t%.1f\t%.1f%n", tps, ms(latencies, 50), ms(latencies, 99));
    } else {
      out.printf("pgbench bench/sql/dispense.sql  %6.0f tps  p50 %6.2f ms  p99 %6.2f ms (c%d, %d s)%n", tps,
          ms(latencies, 50), ms(latencies, 99), concurrency, seconds);
    }
    return tps;
  }
}
