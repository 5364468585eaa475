package io.moeen.bench;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load generator for POST /v1/appointments: starts the whole service on the embedded database with
 * the demo clinic, books (after a 50-booking warm-up) {@code bookings} distinct free follow-up slots for distinct patients with at
 * most {@code concurrency} in flight, then lets {@code concurrency} patients race for one slot,
 * {@code rounds} times. Prints throughput, latency percentiles and answers by status. Not a test:
 * run bench/booking.sh.
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
    int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
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
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new PoolOptions().setHttp1MaxSize(Math.max(concurrency, 4)));
      String token = login(client);
      int warmUp = Math.min(50, bookings);
      int measured = warmUp + bookings;
      List<String> patients = addPatients(app, measured + concurrency * rounds);
      List<Offer> offers = freeSlots(client, token, measured + rounds);
      if (offers.size() < measured + rounds) {
        throw new IllegalStateException("only " + offers.size() + " non-overlapping free slots in the horizon");
      }
      bookAll(client, token, offers.subList(0, warmUp), patients.subList(0, warmUp), concurrency, false);
      bookAll(client, token, offers.subList(warmUp, measured), patients.subList(warmUp, measured), concurrency, true);
      race(client, token, offers.subList(measured, measured + rounds), patients.subList(measured, patients.size()),
          concurrency);
    } finally {
      vertx.close().await();
      app.stop();
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
  private static List<String> addPatients(Application app, int count) throws Exception {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
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
  private static List<Offer> freeSlots(WebClient client, String token, int wanted) {
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
    System.out.printf("free non-overlapping follow-up slots: %s%n",
        byDoctor.entrySet().stream().map(e -> e.getKey().substring(30) + "=" + e.getValue().size()).toList());
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

  /** Keeps {@code concurrency} bookings in flight until every offer has been answered. */
  private static void bookAll(WebClient client, String token, List<Offer> offers, List<String> patients, int concurrency,
                              boolean report) {
    int n = offers.size();
    long[] latencies = new long[n];
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicReference<String> firstRefusal = new AtomicReference<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= n) {
        return;
      }
      long start = System.nanoTime();
      book(client, token, offers.get(i), patients.get(i)).onComplete(result -> {
        latencies[i] = System.nanoTime() - start;
        int status = result.succeeded() ? result.result().statusCode() : -1;
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status != 201) {
          firstRefusal.compareAndSet(null, result.succeeded() ? result.result().bodyAsString() : result.cause().toString());
        }
        if (finished.incrementAndGet() == n) {
          done.complete();
        } else {
          fire[0].run();
        }
      });
    };
    long started = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      fire[0].run();
    }
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!report) {
      System.out.printf("warm-up: %d bookings, statuses %s%n", n, new TreeMap<>(statuses));
      return;
    }
    System.out.printf("POST /v1/appointments: %d bookings (distinct slots and patients), concurrency %d, %.1f s%n",
        n, concurrency, seconds);
    System.out.printf("throughput %.0f bookings/s; latency %s; statuses %s%n", n / seconds, percentiles(latencies),
        new TreeMap<>(statuses));
    if (firstRefusal.get() != null) {
      System.out.println("first refusal: " + firstRefusal.get());
    }
  }

  /** Each round, {@code concurrency} different patients ask for the same slot at once: one 201, the rest 409. */
  private static void race(WebClient client, String token, List<Offer> offers, List<String> patients, int concurrency) {
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
    System.out.printf("contention: %d rounds of %d clients racing for one slot; 201/409 per round %s%n",
        offers.size(), concurrency, perRound);
    System.out.printf("rounds with exactly one 201 and the rest 409: %d of %d; latency %s%n", exactlyOne,
        offers.size(), percentiles(latencies.stream().mapToLong(Long::longValue).toArray()));
  }

  private static String percentiles(long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[n / 2] / 1e6,
        sorted[(int) (n * 0.9)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
  }
}
