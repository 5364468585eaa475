package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Load generator for POST /v1/appointments: starts the whole service on the embedded database with
 * the demo clinic (or uses one already running: {@code --url} and its database's {@code --db-port}),
 * books (after a 50-booking warm-up) {@code bookings} distinct free follow-up slots for distinct
 * patients with {@code concurrency} in flight (throughput), then as many again at a fixed rate
 * (latency corrected for coordinated omission, see {@link CorrectedLoad}), then lets
 * {@code concurrency} patients race for one slot, {@code rounds} times. Not a test: run bench/booking.sh.
 * <p>Usage: {@code [bookings=300] [concurrency=8] [rounds=20] [--url U --db-port P] [--rate per-second] [--machine]};
 * {@code --rate} defaults to 70% of the measured throughput. {@code --machine} prints one line:
 * {@code POST /v1/appointments <bookings/s> <p50 ms> <p99 ms> <errors>}, the errors counting answers
 * other than 201 and contention rounds without exactly one 201.
 */
public final class BookingBench {
  private static final String FOLLOW_UP = "00000000-0000-4000-c300-000000000002"; // offered by all three demo doctors
  private static final String RECEPTIONIST = "reception@moeen-clinic.example";
  private static final String PASSWORD = "MoeenDemo#2026";
  /** No single answer may hold the run up for longer; a timed-out booking counts as status -1. */
  private static final long TIMEOUT_MS = 30_000;

  /** A free slot as GET /v1/slots answers it. */
  record Offer(String doctorId, String locationId, String startsAt, Instant start, Instant end) {
  }

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = BenchArgs.parse(args, positional, "--machine");
    int bookings = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 300;
    int concurrency = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 8;
    int rounds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 20;
    boolean machine = options.containsKey("--machine");
    Application app = null;
    URI base;
    String jdbcUrl;
    if (options.containsKey("--url")) {
      base = URI.create(options.get("--url"));
      jdbcUrl = "jdbc:postgresql://localhost:" + options.get("--db-port") + "/moeen";
    } else {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Map<String, String> env = new HashMap<>();
      env.put("HTTP_HOST", "127.0.0.1");
      env.put("HTTP_PORT", String.valueOf(port));
      env.put("MOEEN_DATA_DIR", Scratch.dir("moeen-bench").toString());
      app = Application.start(ConfigReader.read(env));
      base = URI.create("http://127.0.0.1:" + port);
      jdbcUrl = app.database().jdbcUrl();
    }
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(base.getHost())
          .setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(Math.max(concurrency, 4)).setMaxWaitQueueSize(-1));
      String token = login(client);
      int warmUp = Math.min(50, bookings);
      int measured = warmUp + 2 * bookings;
      List<String> patients = addPatients(jdbcUrl, measured + concurrency * rounds);
      List<Offer> offers = freeSlots(client, token, measured + rounds, !machine);
      if (offers.size() < measured + rounds) {
        throw new IllegalStateException("only " + offers.size() + " non-overlapping free slots in the horizon");
      }
      IntFunction<Future<Integer>> booking = i -> CorrectedLoad.status(book(client, token, offers.get(i), patients.get(i)));
      CorrectedLoad.Result warm = CorrectedLoad.closed(booking, warmUp, concurrency, 201);
      IntFunction<Future<Integer>> second = i -> booking.apply(warmUp + i);
      CorrectedLoad.Result closed = CorrectedLoad.closed(second, bookings, concurrency, 201);
      double rate = options.containsKey("--rate") ? Double.parseDouble(options.get("--rate")) : closed.perSecond() * 0.7;
      IntFunction<Future<Integer>> third = i -> booking.apply(warmUp + bookings + i);
      CorrectedLoad.Result open = CorrectedLoad.open(vertx, third, bookings, rate, 201);
      int[] races = race(client, token, offers.subList(measured, measured + rounds),
          patients.subList(measured, patients.size()), concurrency, !machine);
      if (machine) {
        System.out.printf("POST /v1/appointments %.0f %.2f %.2f %d%n", closed.perSecond(), open.ms(50), open.ms(99),
            closed.errors() + open.errors() + (races[1] - races[0]));
      } else {
        System.out.printf("warm-up: %d bookings, statuses %s%n", warmUp, warm.statuses());
        System.out.printf("POST /v1/appointments: %d bookings each run (distinct slots and patients)%n", bookings);
        System.out.printf("  %d in flight:      %s%n", concurrency, closed.describe());
        System.out.printf("  at %.0f/s fixed:    %s (latency from when each booking was due)%n", rate, open.describe());
      }
    } finally {
      vertx.close().await();
      if (app != null) {
        app.stop();
      }
    }
  }

  private static String login(WebClient client) {
    HttpResponse<Buffer> response = client.post("/v1/auth/login").timeout(TIMEOUT_MS).putHeader("Content-Type", "application/json")
        .sendBuffer(new JsonObject().put("identifier", RECEPTIONIST).put("password", PASSWORD).toBuffer()).await();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("accessToken");
  }

  /** Walk-in patients inserted as the tables' owner, so each booking has its own patient (max 3 active each). */
  private static List<String> addPatients(String jdbcUrl, int count) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      c.createStatement().execute("INSERT INTO patients (id, first_name_en, phone) SELECT ('00000000-0000-4000-9b00-' "
          + "|| lpad(g::text, 12, '0'))::uuid, 'Bench ' || g, '+96655' || lpad(g::text, 7, '0') "
          + "FROM generate_series(1, " + count + ") g");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(String.format("00000000-0000-4000-9b00-%012d", i));
    }
    return ids;
  }

  /**
   * Free follow-up slots of every doctor over the 60-day horizon (two windows of at most 31 days), keeping
   * per doctor only slots that do not overlap one already kept, so every one can be booked. Doctors are
   * interleaved so the load spreads over all of them.
   */
  private static List<Offer> freeSlots(WebClient client, String token, int wanted, boolean verbose) {
    Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    Map<String, List<Offer>> byDoctor = new TreeMap<>();
    Map<String, Instant> busyUntil = new HashMap<>();
    for (Instant start = from; start.isBefore(from.plus(Duration.ofDays(58))); start = start.plus(Duration.ofDays(29))) {
      String path = "/v1/slots?serviceId=" + FOLLOW_UP + "&from=" + encode(start) + "&to=" + encode(start.plus(Duration.ofDays(29)));
      HttpResponse<Buffer> response = client.get(path).timeout(TIMEOUT_MS).putHeader("Authorization", "Bearer " + token).send().await();
      if (response.statusCode() != 200) {
        throw new IllegalStateException("slots failed: " + response.bodyAsString());
      }
      response.bodyAsJsonObject().getJsonArray("items").forEach(o -> {
        JsonObject item = (JsonObject) o;
        Offer offer = new Offer(item.getString("doctorId"), item.getString("locationId"), item.getString("startsAt"),
            OffsetDateTime.parse(item.getString("startsAt")).toInstant(), OffsetDateTime.parse(item.getString("endsAt")).toInstant());
        Instant free = busyUntil.getOrDefault(offer.doctorId(), Instant.MIN);
        if (!offer.start().isBefore(free)) {
          busyUntil.put(offer.doctorId(), offer.end());
          byDoctor.computeIfAbsent(offer.doctorId(), d -> new ArrayList<>()).add(offer);
        }
      });
    }
    if (verbose) {
      System.out.printf("free non-overlapping follow-up slots: %s%n",
          byDoctor.entrySet().stream().map(e -> e.getKey().substring(30) + "=" + e.getValue().size()).toList());
    }
    List<Offer> spread = new ArrayList<>();
    for (int i = 0; spread.size() < wanted && byDoctor.values().stream().anyMatch(l -> l.size() > 0); i++) {
      for (List<Offer> list : byDoctor.values()) {
        if (!list.isEmpty() && spread.size() < wanted) {
          spread.add(list.remove(0));
        }
      }
    }
    return spread;
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }

  private static Future<HttpResponse<Buffer>> book(WebClient client, String token, Offer offer, String patient) {
    JsonObject body = new JsonObject().put("patientId", patient).put("serviceId", FOLLOW_UP)
        .put("doctorId", offer.doctorId()).put("locationId", offer.locationId()).put("startsAt", offer.startsAt());
    return client.post("/v1/appointments").timeout(TIMEOUT_MS).putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json").putHeader("Accept-Language", "en").sendBuffer(body.toBuffer());
  }

  /** Each round, {@code concurrency} different patients ask for the same slot at once: one 201, the rest 409. */
  /** Answers {rounds with exactly one 201 and the rest 409, rounds}. */
  private static int[] race(WebClient client, String token, List<Offer> offers, List<String> patients, int concurrency,
                            boolean verbose) {
    List<Long> latencies = new ArrayList<>();
    int exactlyOne = 0;
    List<String> perRound = new ArrayList<>();
    for (int r = 0; r < offers.size(); r++) {
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      long[] sent = new long[concurrency];
      long[] took = new long[concurrency];
      for (int c = 0; c < concurrency; c++) {
        int k = c;
        sent[k] = System.nanoTime();
        calls.add(book(client, token, offers.get(r), patients.get(r * concurrency + c))
            .onComplete(x -> took[k] = System.nanoTime() - sent[k]));
      }
      Future.join(calls).await();
      Map<Integer, Integer> statuses = new TreeMap<>();
      calls.forEach(f -> statuses.merge(f.succeeded() ? f.result().statusCode() : -1, 1, Integer::sum));
      Arrays.stream(took).forEach(latencies::add);
      if (statuses.getOrDefault(201, 0) == 1 && statuses.getOrDefault(409, 0) == concurrency - 1) {
        exactlyOne++;
      }
      perRound.add(statuses.getOrDefault(201, 0) + "/" + statuses.getOrDefault(409, 0)
          + (statuses.size() > 2 || statuses.keySet().stream().anyMatch(s -> s != 201 && s != 409) ? statuses : ""));
    }
    if (verbose) {
      System.out.printf("contention: %d rounds of %d clients racing for one slot; 201/409 per round %s%n",
          offers.size(), concurrency, perRound);
      System.out.printf("rounds with exactly one 201 and the rest 409: %d of %d; latency %s%n", exactlyOne,
          offers.size(), percentiles(latencies.stream().mapToLong(Long::longValue).toArray()));
    }
    return new int[] {exactlyOne, offers.size()};
  }

  private static String percentiles(long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[n / 2] / 1e6,
        sorted[(int) (n * 0.9)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
  }
}
