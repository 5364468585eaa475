package io.moeen.common.db;

import io.moeen.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
  static DatabaseServer db;

  @BeforeAll
  static void migrateWithoutDemoData() {
    db = TestDatabases.empty("migrations");
    Migrations.apply(db, false);
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static List<String> strings(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  @Test
  void the_foundation_tables_and_extensions_exist() throws SQLException {
    assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
        .contains("languages", "translations", "system_settings", "system_metrics", "idempotency_keys");
    assertThat(strings("SELECT extname FROM pg_extension")).contains("pgcrypto", "btree_gist", "pg_trgm");
    assertThat(strings("SELECT proname FROM pg_proc WHERE proname = 'update_updated_at_column'")).hasSize(1);
  }

  @Test
  void applying_again_is_a_no_op() throws SQLException {
    long before = count("SELECT count(*) FROM databasechangelog");
    String settingsBefore = strings("SELECT string_agg(key || '=' || value::text, ',' ORDER BY key) FROM system_settings").get(0);
    Migrations.apply(db, false);
    Migrations.apply(db, false);
    assertThat(count("SELECT count(*) FROM databasechangelog")).isEqualTo(before);
    assertThat(strings("SELECT string_agg(key || '=' || value::text, ',' ORDER BY key) FROM system_settings").get(0))
        .isEqualTo(settingsBefore);
  }

  @Test
  void a_recorded_fingerprint_skips_liquibase_and_any_other_hands_the_decision_back() throws SQLException {
    String recorded = strings("SELECT fingerprint FROM moeen_migration_fingerprint").get(0);
    assertThat(recorded).isEqualTo(ChangelogFingerprint.of(Migrations.CHANGELOG, "main"));
    assertThat(ChangelogFingerprint.of(Migrations.CHANGELOG, "main,demo")).isNotEqualTo(recorded);
    String extensions = "SELECT count(*) FROM databasechangelog WHERE id = '001-extensions'";
    try (Connection c = connect()) {
      // forget one idempotent changeset: with the fingerprint recorded, Liquibase does not even look
      c.createStatement().execute("DELETE FROM databasechangelog WHERE id = '001-extensions'");
      Migrations.apply(db, false);
      assertThat(count(extensions)).isZero();
      // a changed or added file gives another fingerprint: Liquibase runs and applies what it misses
      c.createStatement().execute("UPDATE moeen_migration_fingerprint SET fingerprint = 'stale'");
    }
    Migrations.apply(db, false);
    assertThat(count(extensions)).isEqualTo(1);
    assertThat(strings("SELECT fingerprint FROM moeen_migration_fingerprint")).containsExactly(recorded);
  }

  @Test
  void the_service_role_cannot_read_the_fingerprint() throws SQLException {
    assertThat(strings("SELECT has_table_privilege('moeen_app', 'moeen_migration_fingerprint', 'SELECT')::text"))
        .containsExactly("false");
  }

  @Test
  void demo_data_only_arrives_in_the_demo_context() throws SQLException {
    DatabaseServer other = TestDatabases.empty("migrations_demo");
    Migrations.apply(other, false);
    try (Connection c = DriverManager.getConnection(other.jdbcUrl(), other.user(), other.password())) {
      assertThat(single(c, "SELECT value::text FROM system_settings WHERE key = 'clinic.phone'")).isEqualTo("null");
      Migrations.apply(other, true);
      assertThat(single(c, "SELECT value::text FROM system_settings WHERE key = 'clinic.phone'"))
          .isEqualTo("\"+966112345678\"");
      assertThat(single(c, "SELECT value FROM translations WHERE entity_id = 'clinic.name' AND locale = 'ar'"))
          .isEqualTo("مجمع معين الطبي");
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  @Test
  void every_timestamp_is_timestamptz_and_every_id_a_uuid() throws SQLException {
    assertThat(strings("""
        SELECT table_name || '.' || column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
          AND table_name NOT IN ('databasechangelog', 'databasechangeloglock')"""))
        .as("columns storing local time").isEmpty();
    assertThat(strings("""
        SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'id' AND data_type <> 'uuid'
          AND table_name NOT IN ('databasechangelog', 'databasechangeloglock')"""))
        .as("ids that are not uuids").isEmpty();
  }

  @Test
  void updated_at_moves_forward_on_update() throws SQLException {
    try (Connection c = connect()) {
      c.createStatement().execute("UPDATE languages SET created_at = now() - interval '1 day', updated_at = now() - interval '1 day' WHERE code = 'en'");
      c.createStatement().execute("UPDATE languages SET sort_order = sort_order WHERE code = 'en'");
      assertThat(single(c, "SELECT updated_at > created_at + interval '23 hours' FROM languages WHERE code = 'en'"))
          .isEqualTo("t");
    }
  }

  @Test
  void a_translation_is_unique_per_entity_field_and_locale() throws SQLException {
    try (Connection c = connect()) {
      c.createStatement().execute("INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ('service', 'x1', 'name', 'ar', 'كشف')");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().execute(
              "INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ('service', 'x1', 'name', 'ar', 'كشف عام')"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().execute(
              "INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ('service', 'x1', 'name', 'xx', 'nope')"))
          .as("a translation must be in a known language")
          .isInstanceOf(SQLException.class);
    }
  }
}
