package io.moeen.scheduling;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002's views over appointments, read as the service's role: they answer with the caller's
 * row-level security (security_invoker), so a patient's dashboard never counts someone else's visits.
 */
class SchedulingViewsTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("scheduling-views");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<String> column(String userId, String patientAccess, String sql) throws SQLException {
    var server = app.database();
    try (Connection db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
      db.createStatement().execute("SET ROLE moeen_app");
      try (var set = db.prepareStatement("SELECT set_config('app.user_id', ?, false), set_config('app.patient_access', ?, false)")) {
        set.setString(1, userId);
        set.setString(2, patientAccess);
        set.execute();
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = db.createStatement().executeQuery(sql)) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  /** How many of the rooms demo's visits of the day (changeset 064) match the condition. */
  static int roomsDemo(String where) throws SQLException {
    return column(DemoAccounts.ADMIN_ID.toString(), "any", "SELECT count(*) FROM appointments "
        + "WHERE id::text LIKE '00000000-0000-4064-8400-%' AND " + where).stream().mapToInt(Integer::parseInt).sum();
  }

  @Test
  void appointment_details_show_a_patient_only_their_own_with_names_and_zone() throws SQLException {
    List<String> ahmed = column(DemoAccounts.AHMED_USER_ID.toString(), "own",
        "SELECT DISTINCT patient_first_name_en || '|' || time_zone FROM appointment_details");
    assertThat(ahmed).containsExactly("Ahmed|Asia/Riyadh");
    List<String> staff = column(DemoAccounts.ADMIN_ID.toString(), "any", "SELECT id FROM appointment_details");
    // 007's six, and the rooms demo's visits of the day (064: as many as still fell on the day it was loaded)
    assertThat(staff).hasSize(6 + roomsDemo("true"));
    assertThat(column("", "own", "SELECT id FROM appointment_details")).as("no session, nothing").isEmpty();
  }

  @Test
  void dashboards_count_what_the_caller_may_see() throws SQLException {
    // Khalid has three upcoming demo appointments (two still pending confirmation) and one completed
    List<String> khalid = column(DemoAccounts.ADMIN_ID.toString(), "any",
        "SELECT upcoming || '/' || awaiting_confirmation || '/' || completed FROM doctor_dashboard "
            + "WHERE doctor_id = '00000000-0000-4000-c200-000000000004'");
    assertThat(khalid).containsExactly("3/2/" + (1 + roomsDemo("doctor_id = '00000000-0000-4000-c200-000000000004' AND status = 'completed'")));
    // Ahmed: one upcoming (with Khalid) and one completed (the ECG)
    List<String> ahmed = column(DemoAccounts.AHMED_USER_ID.toString(), "own",
        "SELECT medical_record_number || ':' || upcoming || '/' || completed FROM patient_dashboard");
    assertThat(ahmed).containsExactly("MRN-0000001:1/1");
  }
}
