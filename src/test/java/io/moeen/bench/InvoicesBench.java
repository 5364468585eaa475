package io.moeen.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseServer;
import io.moeen.testing.Scratch;
import io.vertx.core.Future;
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
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Invoices issued per second WITH their ZATCA phase 2 e-invoice — the UBL 2.1 XML, its hash in the device's chain, the
 * ECDSA secp256k1 signature with its XAdES properties, and the QR with tags 1–9 — and beside it, in the same run, the
 * same draft-and-issue SQL without any of that (pgbench of bench/sql/invoice-issue.sql, as moeen_app), and the ratio.
 * Starts the service on the embedded database with the demo clinic; as the demo cashier, {@code concurrency} clients
 * each draft an invoice for Mohammed (one item line, 15 % VAT) and issue it, closed loop, until {@code invoices} are
 * issued; then checks that every one has its signed e-invoice. Not a test: run bench/invoices.sh.
 * <p>Arguments: {@code [invoices=2000] [concurrency=8] [--machine] [--pgbench[=seconds]]} (pgbench 10 s by default;
 * {@code --pgbench=0} leaves it out).
 */
public final class InvoicesBench {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
  private static final String MOHAMMED = "00000000-0000-4000-9000-000000000009";
  private static final String OLAYA = "00000000-0000-4000-c100-000000000001";

  public static void main(String[] args) throws Exception {
    List<String> numbers = Stream.of(args).filter(a -> !a.startsWith("--")).toList();
    boolean machine = List.of(args).contains("--machine");
    int pgbenchSeconds = Stream.of(args).filter(a -> a.startsWith("--pgbench")).findFirst()
        .map(a -> a.contains("=") ? Integer.parseInt(a.substring(a.indexOf('=') + 1)) : 10).orElse(10);
    int invoices = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 2_000;
    int concurrency = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 8;
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
    env.put("MOEEN_ZATCA_INTERVAL_MS", "0"); // nothing is sent to ZATCA: issuing and stamping only
    Application app = Application.start(ConfigReader.read(env));
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      String token = client.post("/v1/auth/login").sendJsonObject(new JsonObject()
              .put("identifier", "cashier@moeen-clinic.example").put("password", "MoeenDemo#2026")).await()
          .bodyAsJsonObject().getString("accessToken");
      ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
      run(client, token, Math.min(100, invoices), concurrency, new Histogram(MAX_MICROS, 3), issued); // warm-up
      issued.clear();
      Histogram latencies = new Histogram(MAX_MICROS, 3);
      long start = System.nanoTime();
      int failures = run(client, token, invoices, concurrency, latencies, issued);
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = (invoices - failures) / seconds;
      long signed = stamped(app.database(), issued);
      if (signed != issued.size()) {
        throw new IllegalStateException(issued.size() + " invoices issued but " + signed + " with their signed XML and QR");
      }
      if (machine) {
        out.printf("invoice draft+issue with XML, signature, QR\t%.1f\t%.1f\t%.1f\t%d%n", rate, ms(latencies, 50),
            ms(latencies, 99), failures);
      } else {
        out.printf("draft + issue, with phase 2 XML, signature and QR  %6.1f invoices/s  p50 %6.1f ms  p99 %6.1f ms"
            + "  failures %d (c%d, %d; all %d checked: XML, signature, QR tags 1-9)%n", rate, ms(latencies, 50),
            ms(latencies, 99), failures, concurrency, invoices, signed);
      }
      if (pgbenchSeconds > 0) {
        double tps = pgbench(app.database(), concurrency, pgbenchSeconds, machine, out);
        out.printf(machine ? "ratio\t%.2f%n" : "service with e-invoice / pgbench of the issue SQL without it: %.2f%n",
            rate / tps);
      }
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static double ms(Histogram latencies, double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** How many of these invoices have their signed e-invoice (XML, signature, the QR with tags 6-9). */
  private static long stamped(DatabaseServer database, ConcurrentLinkedQueue<String> invoices) throws Exception {
    if (invoices.isEmpty()) {
      return 0;
    }
    try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM zatca_documents d JOIN invoices i"
             + " ON i.id = d.invoice_id WHERE d.xml LIKE '%SignatureValue%' AND d.signature IS NOT NULL AND d.qr IS NOT NULL"
             + " AND i.id IN ('" + String.join("','", invoices) + "')")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static JsonObject draft() {
    return new JsonObject().put("patientId", MOHAMMED).put("locationId", OLAYA)
        .put("lines", new JsonArray().add(new JsonObject().put("sourceKind", "item").put("descriptionAr", "عكازات")
            .put("descriptionEn", "Crutches").put("quantity", "1").put("unitPrice", "100.00").put("discount", "0.00")));
  }

  /** Keeps {@code concurrency} invoices in flight (draft, then issue) until {@code count} have completed. */
  private static int run(WebClient client, String token, int count, int concurrency, Histogram latencies,
                         ConcurrentLinkedQueue<String> issued) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      if (next.getAndIncrement() >= count) {
        return;
      }
      long start = System.nanoTime();
      client.post("/v1/invoices").putHeader("Authorization", "Bearer " + token).sendJsonObject(draft())
          .compose(drafted -> drafted.statusCode() != 201 ? Future.failedFuture(drafted.bodyAsString())
              : client.post("/v1/invoices/" + drafted.bodyAsJsonObject().getString("id") + "/issue")
                  .putHeader("Authorization", "Bearer " + token).send())
          .onComplete(result -> {
            synchronized (latencies) {
              latencies.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
            }
            if (result.failed() || result.result().statusCode() != 200) {
              failures.incrementAndGet();
            } else {
              issued.add(result.result().bodyAsJsonObject().getString("id"));
            }
            if (finished.incrementAndGet() == count) {
              done.complete();
            } else {
              fire[0].run();
            }
          });
    };
    for (int c = 0; c < Math.min(concurrency, count); c++) {
      fire[0].run();
    }
    done.future().await();
    return failures.get();
  }

  /** pgbench of bench/sql/invoice-issue.sql; its transactions (invoices drafted and issued) per second. */
  private static double pgbench(DatabaseServer database, int concurrency, int seconds, boolean machine, PrintStream out)
      throws Exception {
    Path logs = Scratch.dir("moeen-pgbench");
    List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-f", "bench/sql/invoice-issue.sql",
        "-c", String.valueOf(concurrency), "-j", String.valueOf(Math.min(concurrency, 2)),
        "-T", String.valueOf(seconds), "-l", "--log-prefix=" + logs.resolve("tx"),
        "-h", database.host(), "-p", String.valueOf(database.port()), "-U", database.user(), database.database()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(".").toFile()).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", database.password());
    builder.environment().put("PGOPTIONS", "-c role=moeen_app");
    Process process = builder.start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || report.contains("ERROR")) {
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
      out.printf("pgbench invoice-issue.sql\t%.1f\t%.1f\t%.1f%n", tps, ms(latencies, 50), ms(latencies, 99));
    } else {
      out.printf("pgbench bench/sql/invoice-issue.sql (same SQL, no XML/signature)  %6.1f invoices/s  p50 %6.2f ms"
          + "  p99 %6.2f ms (c%d, %d s)%n", tps, ms(latencies, 50), ms(latencies, 99), concurrency, seconds);
    }
    return tps;
  }
}
