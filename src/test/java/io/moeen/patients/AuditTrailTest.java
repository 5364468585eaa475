package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who did what to which patient, from where: written by triggers and the application, never rewritten. */
class AuditTrailTest {
  static final String RECEPTIONIST_ID = "00000000-0000-4000-8000-000000000003";
  static final String DOCTOR_ID = "00000000-0000-4000-8000-000000000004";
  static RunningApp app;
  static PatientApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("audit-trail");
    api = new PatientApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Audit rows of one request, read as the tables' owner. */
  private static List<JsonObject> auditRows(String requestId) {
    var server = app.database();
    List<JsonObject> rows = new ArrayList<>();
    try (var db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         var query = db.prepareStatement("""
             SELECT user_id::text, role, action, entity_type, entity_id, patient_id::text, host(ip_address) AS ip,
                    request_id, old_values::text, new_values::text
             FROM audit_logs WHERE request_id = ? ORDER BY occurred_at, id""")) {
      query.setString(1, requestId);
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          JsonObject row = new JsonObject();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static JsonObject json(String text) {
    return text == null ? null : new JsonObject(text);
  }

  @Test
  void registering_a_patient_is_audited_with_who_where_and_the_request_id() {
    var response = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "en", PatientApi.walkIn("1112223334"));
    assertThat(response.statusCode()).isEqualTo(201);
    String requestId = response.getHeader("X-Request-Id");
    List<JsonObject> rows = auditRows(requestId);
    assertThat(rows).hasSize(1);
    JsonObject row = rows.get(0);
    assertThat(row.getString("action")).isEqualTo("insert");
    assertThat(row.getString("entity_type")).isEqualTo("patients");
    assertThat(row.getString("entity_id")).isEqualTo(response.bodyAsJsonObject().getString("id"));
    assertThat(row.getString("patient_id")).isEqualTo(response.bodyAsJsonObject().getString("id"));
    assertThat(row.getString("user_id")).isEqualTo(RECEPTIONIST_ID);
    assertThat(row.getString("role")).isEqualTo("receptionist");
    assertThat(row.getString("ip")).isEqualTo("127.0.0.1");
    assertThat(json(row.getString("new_values")).getString("national_id")).isEqualTo("1112223334");
    assertThat(json(row.getString("new_values")).getString("created_by")).isEqualTo(RECEPTIONIST_ID);
  }

  @Test
  void an_edit_records_only_the_columns_that_changed_old_and_new() {
    String path = "/v1/patients/" + DemoAccounts.MOHAMMED_PATIENT_ID;
    var response = api.patch(DemoAccounts.RECEPTIONIST, path, "en",
        new JsonObject().put("address", "Al Yasmin, Riyadh").put("gender", "male"));
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonObject> rows = auditRows(response.getHeader("X-Request-Id"));
    assertThat(rows).hasSize(1);
    JsonObject row = rows.get(0);
    assertThat(row.getString("action")).isEqualTo("update");
    assertThat(json(row.getString("old_values"))).isEqualTo(new JsonObject().put("address", "Al Malqa, Riyadh"));
    assertThat(json(row.getString("new_values"))).isEqualTo(new JsonObject().put("address", "Al Yasmin, Riyadh"));
    assertThat(row.getString("user_id")).isEqualTo(RECEPTIONIST_ID);
  }

  @Test
  void a_patient_editing_their_own_phone_is_audited_as_them() {
    String path = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID;
    var response = api.patch(DemoAccounts.PATIENT_AHMED, path, "ar", new JsonObject().put("phone", "0551230000"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject row = auditRows(response.getHeader("X-Request-Id")).stream()
        .filter(r -> r.getString("action").equals("update")).findFirst().orElseThrow();
    assertThat(row.getString("user_id")).isEqualTo(DemoAccounts.AHMED_USER_ID.toString());
    assertThat(json(row.getString("old_values")).getString("phone")).isEqualTo("+966550000007");
    assertThat(json(row.getString("new_values")).getString("phone")).isEqualTo("+966551230000");
  }

  @Test
  void reading_medical_fields_leaves_a_read_row_and_reading_without_them_does_not() {
    String path = "/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID;
    var doctor = api.get(DemoAccounts.DOCTOR, path, "en");
    assertThat(doctor.bodyAsJsonObject().containsKey("medicalHistory")).isTrue();
    List<JsonObject> rows = auditRows(doctor.getHeader("X-Request-Id"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString("action")).isEqualTo("read");
    assertThat(rows.get(0).getString("patient_id")).isEqualTo(DemoAccounts.FATIMAH_PATIENT_ID.toString());
    assertThat(rows.get(0).getString("user_id")).isEqualTo(DOCTOR_ID);
    assertThat(rows.get(0).getString("ip")).isEqualTo("127.0.0.1");

    var reception = api.get(DemoAccounts.RECEPTIONIST, path, "en");
    assertThat(reception.bodyAsJsonObject().containsKey("medicalHistory")).isFalse();
    assertThat(auditRows(reception.getHeader("X-Request-Id"))).isEmpty();
  }

  @Test
  void a_request_id_the_client_sent_is_the_one_audited() {
    var request = app.client().get("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID)
        .putHeader("Authorization", "Bearer " + api.token(DemoAccounts.PATIENT_AHMED))
        .putHeader("X-Request-Id", "audit-trail-test-1");
    var response = app.send(request, "en", null, null);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("audit-trail-test-1");
    assertThat(auditRows("audit-trail-test-1")).extracting(r -> r.getString("action")).containsExactly("read");
  }

  @Test
  void the_database_refuses_to_rewrite_or_erase_the_audit_log_even_for_the_owner() {
    api.get(DemoAccounts.DOCTOR, "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID, "en");
    long before = api.count("audit_logs");
    assertThat(before).isPositive();
    for (String sql : List.of("UPDATE audit_logs SET action = 'forged'", "DELETE FROM audit_logs", "TRUNCATE audit_logs")) {
      assertThatThrownBy(() -> app.asOwner(sql)).as(sql).hasMessageContaining("append-only");
    }
    for (String sql : List.of("UPDATE audit_logs SET action = 'forged'", "DELETE FROM audit_logs")) {
      assertThatThrownBy(() -> app.pool().withTransaction(conn -> conn
              .query("SELECT set_config('app.audit_access', 'any', true)").execute()
              .compose(set -> conn.query(sql).execute())).await())
          .as(sql).hasMessageContaining("permission denied");
    }
    assertThat(api.count("audit_logs")).isEqualTo(before);
    assertThat(api.count("audit_logs WHERE action = 'forged'")).isZero();
  }
}
