package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's own wall, with hand-written SQL: a session acting as moeen_app (the service's
 * role) sees only the patients its app.user_id may see, whatever the query says.
 */
class RowLevelSecurityTest {
  static final String FATIMAH_USER_ID = "00000000-0000-4000-8000-000000000008";
  static RunningApp app;
  Connection db;

  @BeforeAll
  static void start() {
    app = RunningApp.start("row-level-security");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void connectAsTheServiceRole() throws SQLException {
    var server = app.database();
    db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    db.createStatement().execute("SET ROLE moeen_app");
  }

  @AfterEach
  void disconnect() throws SQLException {
    db.close();
  }

  private void actAs(Object userId) throws SQLException {
    try (var set = db.prepareStatement("SELECT set_config('app.user_id', ?, false)")) {
      set.setString(1, userId.toString());
      set.execute();
    }
  }

  private List<String> ids(String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private int update(String sql) throws SQLException {
    try (Statement st = db.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  @Test
  void the_session_really_is_the_service_role_without_bypass() throws SQLException {
    assertThat(ids("SELECT current_user")).containsExactly("moeen_app");
    assertThat(ids("SELECT rolbypassrls::text FROM pg_roles WHERE rolname = current_user")).containsExactly("false");
  }

  @Test
  void ahmed_sees_only_his_own_row() throws SQLException {
    actAs(DemoAccounts.AHMED_USER_ID);
    assertThat(ids("SELECT id FROM patients")).containsExactly(DemoAccounts.AHMED_PATIENT_ID.toString());
    assertThat(ids("SELECT id FROM patients WHERE id = '" + DemoAccounts.FATIMAH_PATIENT_ID + "'")).isEmpty();
  }

  @Test
  void yousef_sees_only_the_father_who_let_him_in() throws SQLException {
    actAs(DemoAccounts.YOUSEF_USER_ID);
    assertThat(ids("SELECT id FROM patients")).containsExactly(DemoAccounts.AHMED_PATIENT_ID.toString());
  }

  @Test
  void fatimah_sees_only_hers() throws SQLException {
    actAs(FATIMAH_USER_ID);
    assertThat(ids("SELECT id FROM patients")).containsExactly(DemoAccounts.FATIMAH_PATIENT_ID.toString());
  }

  @Test
  void no_session_context_sees_nothing() throws SQLException {
    assertThat(ids("SELECT id FROM patients")).isEmpty();
    assertThat(ids("SELECT id FROM family_members")).isEmpty();
    assertThat(ids("SELECT id FROM audit_logs")).isEmpty();
  }

  @Test
  void staff_access_any_sees_every_patient() throws SQLException {
    actAs(DemoAccounts.ADMIN_ID);
    db.createStatement().execute("SELECT set_config('app.patient_access', 'any', false)");
    assertThat(ids("SELECT id FROM patients")).hasSize(5);
  }

  @Test
  void ahmed_cannot_change_or_create_someone_elses_record() throws SQLException {
    actAs(DemoAccounts.AHMED_USER_ID);
    assertThat(update("UPDATE patients SET address = 'x' WHERE id = '" + DemoAccounts.FATIMAH_PATIENT_ID + "'")).isZero();
    assertThat(update("DELETE FROM patients WHERE id <> '" + DemoAccounts.AHMED_PATIENT_ID + "'")).isZero();
    assertThatThrownBy(() -> update("INSERT INTO patients (first_name_en, user_id) VALUES ('Fake', '" + FATIMAH_USER_ID + "')"))
        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
    assertThatThrownBy(() -> update("UPDATE patients SET user_id = '" + FATIMAH_USER_ID + "' WHERE id = '"
        + DemoAccounts.AHMED_PATIENT_ID + "'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
  }

  @Test
  void yousef_may_read_ahmed_but_not_write_him() throws SQLException {
    actAs(DemoAccounts.YOUSEF_USER_ID);
    assertThatThrownBy(() -> update("UPDATE patients SET address = 'x' WHERE id = '" + DemoAccounts.AHMED_PATIENT_ID + "'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
  }

  @Test
  void family_grants_are_visible_only_to_the_patient_and_the_grantee() throws SQLException {
    actAs(DemoAccounts.AHMED_USER_ID);
    assertThat(ids("SELECT user_id FROM family_members")).containsExactly(DemoAccounts.YOUSEF_USER_ID.toString());
    actAs(DemoAccounts.YOUSEF_USER_ID);
    assertThat(ids("SELECT patient_id FROM family_members")).containsExactly(DemoAccounts.AHMED_PATIENT_ID.toString());
    actAs(FATIMAH_USER_ID);
    assertThat(ids("SELECT id FROM family_members")).isEmpty();
  }

  @Test
  void nobody_grants_themself_access_to_another_patient() throws SQLException {
    actAs(FATIMAH_USER_ID);
    assertThatThrownBy(() -> update("INSERT INTO family_members (patient_id, user_id, relationship, scopes) VALUES ('"
        + DemoAccounts.AHMED_PATIENT_ID + "', '" + FATIMAH_USER_ID + "', 'other', '{medical_records.read}')"))
        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
    assertThat(update("UPDATE family_members SET scopes = '{medical_records.read}'")).isZero();
    // the grantee sees his grant but may not widen it
    actAs(DemoAccounts.YOUSEF_USER_ID);
    assertThatThrownBy(() -> update("UPDATE family_members SET scopes = scopes || '{medical_records.read}'::text[]"))
        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
  }

  @Test
  void the_services_own_pool_sees_nothing_without_a_session_context() {
    var pool = app.pool();
    for (String table : List.of("patients", "family_members", "audit_logs")) {
      long n = pool.query("SELECT count(*) AS n FROM " + table).execute().await().iterator().next().getLong("n");
      assertThat(n).as(table).isZero();
    }
    String role = pool.query("SELECT current_user AS r").execute().await().iterator().next().getString("r");
    assertThat(role).isEqualTo("moeen_app");
  }
}
