package io.moeen.common.db;

import io.moeen.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements are checked against the database at start, once per process and schema. */
class SqlStatementsTest {
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static Pool pool(DatabaseServer db) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(db.connectOptions()).using(vertx).build();
  }

  @Test
  void a_statement_that_does_not_fit_the_schema_fails_the_start_and_names_itself() {
    Pool empty = pool(TestDatabases.empty("sqlempty"));
    try {
      SqlStatements.schemaOf(empty, "schema-" + UUID.randomUUID());
      assertThatThrownBy(() -> SqlStatements.load("io/moeen/reference/reference.sql").verify(empty).await())
          .hasMessageContaining("in io/moeen/reference/reference.sql does not prepare");
    } finally {
      empty.close().await();
    }
  }

  @Test
  void what_was_verified_is_kept_in_the_database_for_the_next_start_owner_only_and_only_the_current_keys() throws Exception {
    DatabaseServer db = TestDatabases.fresh("sqlrecord");
    assertThat(VerifiedStatements.read(db)).isEmpty();
    VerifiedStatements.record(db, java.util.List.of("f1 a.sql d1", "f1 b.sql d2"));
    assertThat(VerifiedStatements.read(db)).containsExactlyInAnyOrder("f1 a.sql d1", "f1 b.sql d2");
    // a later start with another schema or other texts keeps its own keys only
    VerifiedStatements.record(db, java.util.List.of("f2 a.sql d1", "f1 b.sql d2"));
    assertThat(VerifiedStatements.read(db)).containsExactlyInAnyOrder("f2 a.sql d1", "f1 b.sql d2");
    try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rs = c.createStatement().executeQuery(
             "SELECT has_table_privilege('moeen_app', 'moeen_sql_verified', 'SELECT')::text")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("false");
    }
  }

  @Test
  void a_start_records_every_resource_its_features_prepared_against_the_schema() {
    try (io.moeen.testing.RunningApp app = io.moeen.testing.RunningApp.start("sqlstart")) {
      java.util.Set<String> recorded = VerifiedStatements.read(app.database());
      assertThat(recorded).hasSizeGreaterThan(50)
          .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64} io/moeen/[a-z/_-]+\\.sql [0-9a-f]{64}"))
          .anySatisfy(key -> assertThat(key).contains(" io/moeen/scheduling/"));
      assertThat(recorded.stream().map(key -> key.split(" ")[0]).distinct()).hasSize(1);
    }
  }

  @Test
  void a_resource_verified_against_a_schema_is_not_prepared_again_for_that_schema_but_is_for_another() {
    String schema = "schema-" + UUID.randomUUID();
    Pool migrated = pool(TestDatabases.fresh("sqlverified"));
    Pool empty = pool(TestDatabases.empty("sqlnothing"));
    try {
      SqlStatements.schemaOf(migrated, schema);
      SqlStatements.load("io/moeen/reference/reference.sql").verify(migrated).await();
      // a database said to have the same schema is trusted (here it has none, so a real check would fail)
      SqlStatements.schemaOf(empty, schema);
      SqlStatements.load("io/moeen/reference/reference.sql").verify(empty).await();
      // said to have another schema, or nothing said, it is checked again, and fails
      SqlStatements.schemaOf(empty, schema + "-other");
      assertThatThrownBy(() -> SqlStatements.load("io/moeen/reference/reference.sql").verify(empty).await())
          .hasMessageContaining("does not prepare");
      // and a failed check records nothing
      assertThatThrownBy(() -> SqlStatements.load("io/moeen/reference/reference.sql").verify(empty).await())
          .hasMessageContaining("does not prepare");
      assertThat(migrated.query("SELECT 1").execute().await().size()).isEqualTo(1);
    } finally {
      migrated.close().await();
      empty.close().await();
    }
  }
}
