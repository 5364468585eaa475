package io.moeen.common.cluster;

import io.moeen.testing.Scratch;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.Migrations;
import io.moeen.notifications.SseClient;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.scheduling.SchedulingDemo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.embedded.RedisServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes (separate JVMs, {@code MOEEN_CLUSTER=on}) on loopback, one embedded PostgreSQL, one
 * embedded Redis, and faults: what docs/cluster.md promises, checked end to end. Tagged {@code cluster}:
 * {@code mvn -Pcluster verify} runs it (so does .ci/run); the default build leaves it out.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  private static final Duration START = Duration.ofSeconds(180);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  /** Outbox rows for the kill -9 during dispatch ({@code -Dcluster.outboxRows=N} for another count). */
  private static final int OUTBOX_ROWS = Integer.getInteger("cluster.outboxRows", 10_000);

  private static Path work;
  private static int pgPort;
  private static EmbeddedPostgres postgres;
  private static RedisServer redis;
  private static int redisPort;
  private static Vertx vertx;
  private static HttpServer smsProvider;
  private static final Map<String, AtomicInteger> SMS_BY_KEY = new ConcurrentHashMap<>();
  private static ClusterNode a;
  private static ClusterNode b;

  @BeforeAll
  static void start() throws Exception {
    long began = System.nanoTime();
    work = Scratch.dir("moeen-cluster");
    pgPort = RunningApp.freePort();
    postgres = startPostgres();
    Migrations.apply(database(), true);
    redisPort = RunningApp.freePort();
    redis = startRedis();
    vertx = Vertx.vertx();
    smsProvider = vertx.createHttpServer().requestHandler(request -> {
      String key = request.getHeader("Idempotency-Key");
      SMS_BY_KEY.computeIfAbsent(key == null ? "none" : key, k -> new AtomicInteger()).incrementAndGet();
      request.response().putHeader("Content-Type", "application/json").end("{\"id\":\"" + key + "\"}");
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();

    int hzA = RunningApp.freePort();
    int hzB = RunningApp.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    Path keys = work.resolve("keys");
    System.out.printf("cluster: PostgreSQL, migrations and Redis ready in %d ms%n", (System.nanoTime() - began) / 1_000_000);
    // one after the other: on a loaded machine two starting side by side time out on each other
    long started = System.nanoTime();
    a = node("node-a", hzA, members, keys);
    a.awaitReady(START);
    long aReady = System.nanoTime();
    b = node("node-b", hzB, members, keys);
    b.awaitReady(START);
    System.out.printf("cluster: node A ready in %d ms, node B (joining A) in %d ms%n",
        (aReady - started) / 1_000_000, (System.nanoTime() - aReady) / 1_000_000);
    owner(SchedulingDemo.PLAIN_CALENDAR);
    owner("UPDATE system_settings SET value = '100' WHERE key = 'booking.max_active_per_patient'");
  }

  private static ClusterNode node(String name, int hazelcastPort, String members, Path keys) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", String.valueOf(pgPort));
    env.put("DB_NAME", "moeen");
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", "");
    env.put("MOEEN_DEMO_DATA", "true");
    env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort + "/0");
    env.put("MOEEN_DATA_DIR", work.resolve(name).toString());
    env.put("MOEEN_JWT_KEYS_DIR", keys.toString());
    env.put("MOEEN_SHUTDOWN_GRACE_SECONDS", "2");
    env.put("MOEEN_DISPATCH_INTERVAL_MS", "20");
    env.put("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", "3");
    env.put("MOEEN_CRM_SLA_INTERVAL_MS", "500");
    env.put("MOEEN_SMS_URL", "http://127.0.0.1:" + smsProvider.actualPort() + "/sms");
    env.put("MOEEN_CLUSTER", "on");
    env.put("MOEEN_CLUSTER_NAME", "moeen-test-" + pgPort);
    env.put("MOEEN_CLUSTER_HOST", "127.0.0.1");
    env.put("MOEEN_CLUSTER_PORT", String.valueOf(hazelcastPort));
    env.put("MOEEN_CLUSTER_BUS_PORT", String.valueOf(RunningApp.freePort()));
    env.put("MOEEN_CLUSTER_MEMBERS", members);
    env.put("MOEEN_CLUSTER_LEASE_CHECK_MS", "500");
    try {
      return ClusterNode.start(name, RunningApp.freePort(), env);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    if (redis != null && redis.isActive()) {
      redis.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void a_slot_raced_for_from_both_nodes_has_exactly_one_winner() throws Exception {
    // signed in on one node, the token works on the other: the signing keys are shared (MOEEN_JWT_KEYS_DIR)
    String reception = login(a, DemoAccounts.RECEPTIONIST);
    owner("INSERT INTO patients (id, first_name_en, phone) SELECT ('00000000-0000-4000-9950-' "
        + "|| lpad(g::text, 12, '0'))::uuid, 'Cluster racer ' || g, '+9665010000' || lpad(g::text, 2, '0') "
        + "FROM generate_series(1, 20) g");
    Instant nine = SchedulingDemo.riyadh(SchedulingDemo.sunday(3), "09:00");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      UUID patient = UUID.fromString(String.format("00000000-0000-4000-9950-%012d", i));
      calls.add(postAsync(i % 2 == 0 ? a : b, "/v1/appointments", reception, booking(patient, nine), null));
    }
    List<Integer> statuses = calls.stream().map(call -> call.join().statusCode()).toList();
    assertThat(statuses.stream().filter(s -> s == 201)).as(statuses.toString()).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(19);
    assertThat(count("SELECT count(*) FROM appointments WHERE doctor_id = '" + SchedulingDemo.KHALID
        + "' AND starts_at = '" + nine + "'")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void a_duplicate_landing_on_the_other_node_replays_the_first_answer() throws Exception {
    String reception = login(b, DemoAccounts.RECEPTIONIST);
    JsonObject body = booking(DemoAccounts.REEM_PATIENT_ID, SchedulingDemo.riyadh(SchedulingDemo.sunday(3), "11:00"));
    HttpResponse<String> first = postAsync(a, "/v1/appointments", reception, body, "cluster-reem-11").join();
    HttpResponse<String> again = postAsync(b, "/v1/appointments", reception, body, "cluster-reem-11").join();
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(new JsonObject(again.body())).isEqualTo(new JsonObject(first.body()));
    assertThat(count("SELECT count(*) FROM appointments WHERE idempotency_key = 'cluster-reem-11'")).isEqualTo(1);
  }

  @Test
  @Order(3)
  void sign_in_failures_count_across_the_nodes() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = loginResponse(i < 3 ? a : b, DemoAccounts.PATIENT_MOHAMMED, "not-the-password-" + i);
      assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
    }
    // the sixth attempt, even with the right password, is refused on either node
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      HttpResponse<String> locked = loginResponse(node, DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD);
      assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
      assertThat(new JsonObject(locked.body()).getString("code")).isEqualTo("too_many_attempts");
    }
  }

  @Test
  @Order(4)
  void signing_out_on_one_node_ends_the_session_on_the_other_at_once() throws Exception {
    JsonObject pair = new JsonObject(loginResponse(a, DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD).body());
    String token = pair.getString("accessToken");
    // node B resolves (and caches) the session's principal
    assertThat(get(b, "/v1/me", token).statusCode()).isEqualTo(200);
    HttpResponse<String> out = postAsync(a, "/v1/auth/logout", null,
        new JsonObject().put("refreshToken", pair.getString("refreshToken")), null).join();
    assertThat(out.statusCode()).as(out.body()).isEqualTo(204);
    // identity.principals.invalidated is published: B's cache drops the principal, the token is refused
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      status = get(b, "/v1/me", token).statusCode();
      Thread.sleep(50);
    }
    assertThat(status).isEqualTo(401);
  }

  @Test
  @Order(5)
  void a_notification_delivered_on_either_node_reaches_streams_held_by_both() throws Exception {
    String token = login(a, DemoAccounts.PATIENT_AHMED);
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Accept-Language", "en");
    try (SseClient onA = new SseClient(vertx, a.httpPort, "/v1/me/notifications/stream", headers);
         SseClient onB = new SseClient(vertx, b.httpPort, "/v1/me/notifications/stream", headers)) {
      onA.next("unread-count", Duration.ofSeconds(10));
      onB.next("unread-count", Duration.ofSeconds(10));
      // both nodes dispatch; each row is delivered by one of them, and both streams must see all
      List<UUID> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        UUID id = UUID.randomUUID();
        owner("INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, payload, priority, "
            + "idempotency_key) VALUES ('" + id + "', '" + DemoAccounts.AHMED_USER_ID + "', 'in_app', "
            + "'appointment_booked', 'en', '{\"startsAt\": \"2030-12-01T09:00:00Z\"}', 'urgent', 'cluster-" + id + "')");
        sent.add(id);
      }
      for (SseClient stream : List.of(onA, onB)) {
        Set<String> seen = new java.util.HashSet<>();
        while (seen.size() < sent.size()) {
          seen.add(stream.next("notification", Duration.ofSeconds(30)).id());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(sent.stream().map(UUID::toString).toList());
      }
    }
  }

  @Test
  @Order(6)
  void a_database_restart_is_503_while_down_and_recovered_within_five_seconds() throws Exception {
    String token = login(b, DemoAccounts.DOCTOR);
    assertThat(get(a, "/v1/me/notifications?limit=5", token).statusCode()).isEqualTo(200);
    postgres.close();
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      awaitStatus(node, 503, Duration.ofSeconds(15));
    }
    Thread.sleep(2000); // down a while, with requests failing meanwhile
    long restarted = System.nanoTime();
    postgres = startPostgres();
    long up = System.nanoTime();
    long[] recovered = new long[2];
    ClusterNode[] nodes = {a, b};
    for (int i = 0; i < 2; i++) {
      awaitStatus(nodes[i], 200, Duration.ofSeconds(30));
      while (get(nodes[i], "/v1/me/notifications?limit=5", token).statusCode() != 200) {
        Thread.sleep(50);
      }
      recovered[i] = (System.nanoTime() - up) / 1_000_000;
    }
    System.out.printf("cluster: PostgreSQL restart took %d ms; ready again and serving %d ms (node A) and %d ms"
        + " (node B) after it came back%n", (up - restarted) / 1_000_000, recovered[0], recovered[1]);
    assertThat(recovered[0]).isLessThan(5000);
    assertThat(recovered[1]).isLessThan(5000);
    // and nothing after that fails
    for (int i = 0; i < 20; i++) {
      assertThat(get(nodes[i % 2], "/v1/me/notifications?limit=5", token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(7)
  void killing_a_node_mid_dispatch_loses_nothing_and_moves_its_run_once_work() throws Exception {
    // whoever holds the run-once leases is the node to kill: both effects show at once
    Map<String, String> holders = awaitLeaseHolders(Duration.ofSeconds(15));
    assertThat(holders).containsKey("crm.first-contact-sla");
    String victimName = holders.get("crm.first-contact-sla");
    ClusterNode victim = victimName.endsWith(":" + a.httpPort) ? a : b;
    ClusterNode survivor = victim == a ? b : a;
    SMS_BY_KEY.clear();
    owner("INSERT INTO notifications (id, recipient_phone, channel, event_type, locale, payload, priority, "
        + "idempotency_key, rendered_body) SELECT gen_random_uuid(), '+96650' || lpad(g::text, 7, '0'), 'sms', "
        + "'staff_message', 'ar', '{}', 'urgent', 'bulk-' || g, 'رسالة ' || g FROM generate_series(1, "
        + OUTBOX_ROWS + ") g");
    long began = System.nanoTime();
    while (SMS_BY_KEY.size() < OUTBOX_ROWS / 4) {
      Thread.sleep(10);
    }
    victim.kill9();
    long killed = System.nanoTime();
    System.out.printf("cluster: %s killed (-9) with %d of %d outbox rows at the provider%n", victim.name,
        SMS_BY_KEY.size(), OUTBOX_ROWS);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    long left;
    while ((left = count("SELECT count(*) FROM notifications WHERE idempotency_key LIKE 'bulk-%' "
        + "AND status NOT IN ('sent', 'delivered')")) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long done = System.nanoTime();
    assertThat(left).as("rows not sent").isZero();
    long sentTwice = SMS_BY_KEY.values().stream().filter(n -> n.get() > 1).count();
    System.out.printf("cluster: %d rows dispatched in %d ms (%d ms after the kill); %d distinct keys at the provider,"
        + " %d keys sent twice (in flight on the killed node, sent again with the same key)%n", OUTBOX_ROWS,
        (done - began) / 1_000_000, (done - killed) / 1_000_000, SMS_BY_KEY.keySet().stream()
            .filter(k -> k.startsWith("bulk-")).count(), sentTwice);
    assertThat(SMS_BY_KEY.keySet().stream().filter(k -> k.startsWith("bulk-"))).hasSize(OUTBOX_ROWS);
    // only what the killed node had claimed (one round of 20 at most) can reach the provider twice
    assertThat(sentTwice).isLessThanOrEqualTo(20);
    assertThat(SMS_BY_KEY.values().stream().mapToInt(AtomicInteger::get).max().orElse(0)).isLessThanOrEqualTo(2);

    Map<String, String> after = awaitLeaseHolders(Duration.ofSeconds(20));
    System.out.printf("cluster: run-once leases on %s after the kill: %s%n", survivor.name, after);
    assertThat(after.get("crm.first-contact-sla")).endsWith(":" + survivor.httpPort);
    assertThat(after.get("notifications.expired-keys-purge")).endsWith(":" + survivor.httpPort);
    assertThat(survivor.ready()).isEqualTo(200);
  }

  @Test
  @Order(8)
  void redis_down_refuses_what_needs_its_counters_serves_the_rest_and_recovers() throws Exception {
    ClusterNode node = a.alive() ? a : b;
    String reception = login(node, DemoAccounts.RECEPTIONIST);
    redis.stop();
    HttpResponse<String> refused = loginResponse(node, DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD);
    System.out.printf("cluster: sign-in with Redis down answered %d %s%n", refused.statusCode(), refused.body());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    // the web chat counts messages per visitor and per address in Redis: refused the same way, not a 500
    HttpResponse<String> chat = postAsync(node, "/v1/chat/sessions", null, new JsonObject(), null).join();
    System.out.printf("cluster: a chat session with Redis down answered %d%n", chat.statusCode());
    assertThat(chat.statusCode()).isEqualTo(503);
    // what needs no counter goes on: a signed-in user reads, the public catalogue answers
    assertThat(get(node, "/v1/me", reception).statusCode()).isEqualTo(200);
    assertThat(get(node, "/v1/services", reception).statusCode()).isEqualTo(200);
    awaitStatus(node, 503, Duration.ofSeconds(10));
    redis = startRedis();
    awaitStatus(node, 200, Duration.ofSeconds(30));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = loginResponse(node, DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).statusCode();
    }
    assertThat(status).isEqualTo(200);
    assertThat(postAsync(node, "/v1/chat/sessions", null, new JsonObject(), null).join().statusCode()).isEqualTo(201);
  }

  // --- helpers ---------------------------------------------------------------------------------------

  private static EmbeddedPostgres startPostgres() throws java.io.IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(work.resolve("postgres"))
        .setCleanDataDirectory(false)
        .setPort(pgPort)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("timezone", "UTC")
        .setServerConfig("max_connections", "100")
        .start();
  }

  private static RedisServer startRedis() throws java.io.IOException {
    RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
        .setting("save \"\"").setting("appendonly no").build();
    server.start();
    return server;
  }

  private static DatabaseServer database() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE moeen ENCODING 'UTF8'");
    }
    return new DatabaseServer() {
      @Override public String host() { return "127.0.0.1"; }
      @Override public int port() { return pgPort; }
      @Override public String database() { return "moeen"; }
      @Override public String user() { return "postgres"; }
      @Override public String password() { return ""; }
      @Override public String describe() { return "cluster test PostgreSQL"; }
      @Override public void close() { }
    };
  }

  private static String jdbc() {
    return "jdbc:postgresql://127.0.0.1:" + pgPort + "/moeen";
  }

  private static void owner(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc(), "postgres", "")) {
      c.createStatement().execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc(), "postgres", "");
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Lease name → {@code host:httpPort} of the node holding it, from pg_locks. */
  private static Map<String, String> leaseHolders() throws SQLException {
    Map<String, String> holders = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbc(), "postgres", "");
         ResultSet rs = c.createStatement().executeQuery("""
             SELECT n.name, substring(a.application_name FROM 'moeen-lease (.*)') AS node
             FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             JOIN (VALUES ('crm.first-contact-sla'), ('notifications.expired-keys-purge'),
                          ('hospital.cleaning-overdue'), ('pharmacy.expiry-sweep')) n (name)
               ON l.classid::int = hashtext('moeen.run-once') AND l.objid::int = hashtext(n.name)
             WHERE l.locktype = 'advisory' AND l.granted""")) {
      while (rs.next()) {
        holders.put(rs.getString(1), rs.getString(2));
      }
    }
    return holders;
  }

  private static Map<String, String> awaitLeaseHolders(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> holders = leaseHolders();
    while ((holders.size() < 3 || holders.values().stream().anyMatch(h -> h.endsWith(":" + deadPort())))
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      holders = leaseHolders();
    }
    return holders;
  }

  private static int deadPort() {
    return !a.alive() ? a.httpPort : !b.alive() ? b.httpPort : -1;
  }

  private static void awaitStatus(ClusterNode node, int status, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last;
    while ((last = node.ready()) != status) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(node.name + " /health/ready stayed " + last + ", not " + status + ":\n" + node.tail());
      }
      Thread.sleep(100);
    }
  }

  private static JsonObject booking(UUID patient, Instant startsAt) {
    return new JsonObject().put("patientId", patient.toString()).put("doctorId", SchedulingDemo.KHALID.toString())
        .put("serviceId", SchedulingDemo.GENERAL_CONSULTATION.toString())
        .put("locationId", SchedulingDemo.RIYADH_OLAYA.toString()).put("startsAt", startsAt.toString());
  }

  private static CompletableFuture<HttpResponse<String>> postAsync(ClusterNode node, String path, String token,
                                                                  JsonObject body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept-Language", "en")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(ClusterNode node, String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> loginResponse(ClusterNode node, String identifier, String password) {
    return postAsync(node, "/v1/auth/login", null,
        new JsonObject().put("identifier", identifier).put("password", password), null).join();
  }

  private static String login(ClusterNode node, String identifier) {
    HttpResponse<String> response = loginResponse(node, identifier, DemoAccounts.PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("accessToken");
  }
}
