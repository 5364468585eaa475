package io.moeen.notifications.dispatch;

import io.moeen.testing.Scratch;
import io.moeen.common.db.DatabaseServer;
import io.moeen.testing.RunningApp;
import io.moeen.testing.TestDatabases;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a real process, killed with SIGKILL while its provider calls hang (rows in
 * 'sending'), then started again: the rows are reclaimed after the sending timeout and sent
 * again with the same Idempotency-Key, so the provider sends each message exactly once.
 */
class KillAndRestartTest {
  private Vertx vertx;
  private DedupingSmsProvider provider;
  private DatabaseServer database;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    provider = new DedupingSmsProvider(vertx);
    database = TestDatabases.fresh("kill_restart");
  }

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    logs.forEach(log -> log.toFile().delete());
    provider.close();
    vertx.close().await();
  }

  @Test
  void a_kill_mid_delivery_loses_nothing_and_sends_nothing_twice(@TempDir Path dataDir) throws Exception {
    List<String> keys = List.of("restart-" + UUID.randomUUID(), "restart-" + UUID.randomUUID(), "restart-" + UUID.randomUUID());
    for (String key : keys) {
      sql("""
          INSERT INTO notifications (recipient_phone, channel, event_type, locale, payload, priority, idempotency_key)
          VALUES ('+966500000003', 'sms', 'password_reset', 'en', '{"token": "1234"}', 'urgent', ?)""", key);
    }
    provider.hold = true;
    Process first = service(dataDir, "first");
    waitFor("the provider got all three requests", () -> provider.requests().size() >= 3, first);
    assertThat(statuses(keys)).containsOnly("sending");

    first.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to record anything
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(statuses(keys)).as("the dead process left them in sending").containsOnly("sending");
    assertThat(provider.sentCount()).as("the provider already sent them").isEqualTo(3);

    provider.hold = false;
    Process second = service(dataDir, "second");
    waitFor("all three recorded as sent", () -> statuses(keys).stream().allMatch("sent"::equals), second);

    assertThat(provider.requests()).as("each key asked twice, the same key both times")
        .hasSize(6).containsOnly(keys.toArray(String[]::new));
    assertThat(provider.sentCount()).as("exactly one message per key reached a phone").isEqualTo(3);
    for (String key : keys) {
      assertThat(query("SELECT provider_message_id FROM notifications WHERE idempotency_key = ?", key))
          .isEqualTo(provider.deliveries().get(key));
      assertThat(query("SELECT attempts::text FROM notifications WHERE idempotency_key = ?", key)).isEqualTo("1");
    }
    second.toHandle().destroy();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private Process service(Path dataDir, String name) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "-Dliquibase.analytics.enabled=false", "io.moeen.Main");
    builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("MOEEN_") || k.startsWith("HTTP_")
        || k.equals("REDIS_URL"));
    builder.environment().putAll(Map.of(
        "HTTP_HOST", "127.0.0.1", "HTTP_PORT", String.valueOf(RunningApp.freePort()),
        "DB_HOST", database.host(), "DB_PORT", String.valueOf(database.port()), "DB_NAME", database.database(),
        "DB_USER", database.user(), "DB_PASSWORD", database.password(),
        "MOEEN_DATA_DIR", dataDir.toString(),
        "MOEEN_DISPATCH_INTERVAL_MS", "200",
        "MOEEN_SMS_URL", provider.url()));
    builder.environment().put("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", "3");
    builder.directory(Path.of(System.getProperty("java.io.tmpdir")).toFile());
    Path log = Scratch.file("moeen-" + name, ".log");
    logs.add(log);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static void waitFor(String what, BooleanSupplier condition, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("the service died while waiting until " + what).isTrue();
      assertThat(System.nanoTime()).as("waited too long until " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private List<String> statuses(List<String> keys) {
    return keys.stream().map(k -> query("SELECT status FROM notifications WHERE idempotency_key = ?", k)).toList();
  }

  private void sql(String statement, String arg) throws Exception {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
      s.setString(1, arg);
      s.executeUpdate();
    }
  }

  private String query(String statement, String arg) {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
      s.setString(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
