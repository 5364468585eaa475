package io.moeen;

import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseUnavailableException;
import io.moeen.testing.RunningApp;
import io.moeen.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StartupTest {

  @Test
  void with_no_db_host_it_runs_its_own_postgres_and_keeps_the_data_across_restarts(@TempDir Path dataDir) {
    int port = RunningApp.freePort();
    Map<String, String> env = Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", String.valueOf(port),
        "MOEEN_DATA_DIR", dataDir.toString());

    Application first = Application.start(ConfigReader.read(env));
    try {
      assertThat(first.database().describe()).startsWith("embedded PostgreSQL").contains(dataDir.toString());
      assertThat(ready(port)).isEqualTo(200);
      first.pool().preparedQuery("INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ($1, $2, $3, $4, $5)")
          .execute(Tuple.of("test", "restart", "note", "ar", "باقٍ بعد إعادة التشغيل")).await();
    } finally {
      first.stop();
    }
    assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

    Application second = Application.start(ConfigReader.read(env));
    try {
      var rows = second.pool().query("SELECT value FROM translations WHERE entity_type = 'test'").execute().await();
      assertThat(rows.iterator().next().getString(0)).isEqualTo("باقٍ بعد إعادة التشغيل");
      var demo = second.pool().query("SELECT value FROM translations WHERE entity_id = 'clinic.name' AND locale = 'en'")
          .execute().await();
      assertThat(demo.iterator().next().getString(0)).as("demo data is loaded by default").isEqualTo("Moeen Medical Complex");
      assertThat(ready(port)).isEqualTo(200);
    } finally {
      second.stop();
    }
  }

  @Test
  void with_db_host_it_uses_that_server() {
    try (RunningApp app = RunningApp.start("external")) {
      assertThat(app.application().config().usesEmbeddedDatabase()).isFalse();
      assertThat(app.application().database().describe()).isEqualTo(
          "postgres@localhost:" + TestDatabases.server().port() + "/" + app.database().database());
      assertThat(ready(app.port())).isEqualTo(200);
    }
  }

  @Test
  void an_unreachable_database_is_a_readable_error_not_a_stack_trace() {
    int closed = RunningApp.freePort();
    DatabaseUnavailableException e = catchThrowableOfType(DatabaseUnavailableException.class, () ->
        Application.start(ConfigReader.read(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(closed),
            "HTTP_PORT", String.valueOf(RunningApp.freePort())))));
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .startsWith("Cannot reach PostgreSQL at moeen@127.0.0.1:" + closed + "/moeen")
        .contains("Check DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD");
  }

  private static int ready(int port) {
    Vertx vertx = Vertx.vertx();
    try {
      return WebClient.create(vertx).get(port, "127.0.0.1", "/health/ready").send().await().statusCode();
    } finally {
      vertx.close().await();
    }
  }
}
