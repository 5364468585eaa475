package io.moeen.clinical;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who sees which part of a clinical record: each role × record type × own/other, through the API, then
 * the same questions put straight to PostgreSQL as the service's role (row-level security), and the
 * audit rows the reads leave.
 */
class ClinicalAccessTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static final String KHALID_USER = "00000000-0000-4000-8000-000000000004";
  static final String MAHA_USER = "00000000-0000-4000-8000-000000000005";
  static final String NURSE_USER = "00000000-0000-4000-8000-000000000031";
  static final String MARKETER_USER = "00000000-0000-4000-8000-000000000011";
  static final String RECEPTION_USER = "00000000-0000-4000-8000-000000000003";
  static final String FATIMAH_USER = "00000000-0000-4000-8000-000000000008";

  static RunningApp app;
  static ClinicalFixtures fx;
  static final Map<String, String> TOKENS = new LinkedHashMap<>();
  /** A draft note in a new visit of Ahmed with Dr. Khalid: never shown to Ahmed. */
  static UUID draftVisit;
  static String draftNote;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-access");
    fx = new ClinicalFixtures(app);
    for (String who : List.of(DemoAccounts.DOCTOR, DemoAccounts.DOCTOR_CARDIOLOGY, DemoAccounts.DOCTOR_PEDIATRICS,
        DemoAccounts.NURSE, DemoAccounts.RECEPTIONIST, DemoAccounts.MARKETER, DemoAccounts.ADMIN,
        DemoAccounts.PATIENT_AHMED, DemoAccounts.PATIENT_FATIMAH, DemoAccounts.FAMILY_YOUSEF)) {
      TOKENS.put(who, app.loginAs(who));
    }
    draftVisit = fx.openWalkIn(TOKENS.get(DemoAccounts.DOCTOR), DemoAccounts.AHMED_PATIENT_ID);
    draftNote = fx.post("/v1/encounters/" + draftVisit + "/notes", TOKENS.get(DemoAccounts.DOCTOR),
        new JsonObject().put("text", "Unsigned impression")).bodyAsJsonObject().getString("id");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static int status(String who, String path) {
    return fx.get(path, TOKENS.get(who)).statusCode();
  }

  @Nested
  class ThroughTheApi {
    @Test
    void each_role_gets_what_it_may_see_of_ahmeds_record() {
      String chart = "/v1/patients/" + AHMED + "/chart";
      String allergies = "/v1/patients/" + AHMED + "/allergies";
      String visit = "/v1/encounters/" + ClinicalFixtures.AHMED_VISIT;
      // who → {chart, allergies banner, an encounter}
      Map<String, int[]> expected = new LinkedHashMap<>();
      expected.put(DemoAccounts.DOCTOR, new int[] {200, 200, 200});              // his patient
      expected.put(DemoAccounts.DOCTOR_CARDIOLOGY, new int[] {200, 200, 200});   // Ahmed's ECG
      expected.put(DemoAccounts.DOCTOR_PEDIATRICS, new int[] {403, 200, 403});   // not in her care: not_in_care
      expected.put(DemoAccounts.NURSE, new int[] {403, 200, 403});
      expected.put(DemoAccounts.RECEPTIONIST, new int[] {403, 200, 403});
      expected.put(DemoAccounts.MARKETER, new int[] {403, 403, 403});
      expected.put(DemoAccounts.ADMIN, new int[] {404, 404, 404});             // no clinical role: as for a stranger
      expected.put(DemoAccounts.PATIENT_AHMED, new int[] {200, 200, 200});
      expected.put(DemoAccounts.PATIENT_FATIMAH, new int[] {404, 404, 404});   // someone else's: does not exist
      expected.put(DemoAccounts.FAMILY_YOUSEF, new int[] {403, 403, 403});     // linked, without medical_records.read
      List<String> wrong = new ArrayList<>();
      expected.forEach((who, want) -> {
        int[] got = {status(who, chart), status(who, allergies), status(who, visit)};
        if (!java.util.Arrays.equals(got, want)) {
          wrong.add(who + " got " + java.util.Arrays.toString(got) + " want " + java.util.Arrays.toString(want));
        }
      });
      assertThat(wrong).isEmpty();
      var refusal = fx.get(chart, TOKENS.get(DemoAccounts.FAMILY_YOUSEF)).bodyAsJsonObject();
      assertThat(refusal.getString("code")).isEqualTo("scope_not_granted");
      var maha = fx.call("GET", chart, "ar", TOKENS.get(DemoAccounts.DOCTOR_PEDIATRICS), null).bodyAsJsonObject();
      assertThat(maha.getString("code")).isEqualTo("not_in_care");
      assertThat(maha.getString("detail")).contains("emergencyReason");
    }

    @Test
    void a_family_member_reads_the_record_once_given_the_medical_records_scope() {
      String yousef = DemoAccounts.FAMILY_YOUSEF;
      String member = fx.one("SELECT id FROM family_members WHERE user_id = '" + DemoAccounts.YOUSEF_USER_ID + "'");
      String grant = "/v1/patients/" + AHMED + "/family-members/" + member;
      String ahmed = TOKENS.get(DemoAccounts.PATIENT_AHMED);
      io.vertx.core.json.JsonArray before = new io.vertx.core.json.JsonArray()
          .add("patients.read").add("appointments.read").add("appointments.write");
      assertThat(fx.call("PATCH", grant, "en", ahmed, new JsonObject().put("scopes", before.copy().add("medical_records.read")))
          .statusCode()).isEqualTo(200);
      try {
        var chart = fx.get("/v1/patients/" + AHMED + "/chart", TOKENS.get(yousef));
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.bodyAsJsonObject().getString("access")).isEqualTo("own");
      } finally {
        fx.call("PATCH", grant, "en", ahmed, new JsonObject().put("scopes", before));
      }
      assertThat(status(yousef, "/v1/patients/" + AHMED + "/chart")).isEqualTo(403);
    }

    @Test
    void the_chart_a_doctor_sees_first_has_the_demo_visits() {
      JsonObject chart = fx.get("/v1/patients/" + AHMED + "/chart", TOKENS.get(DemoAccounts.DOCTOR)).bodyAsJsonObject();
      assertThat(chart.getString("access")).isEqualTo("clinician");
      assertThat(chart.getJsonArray("allergies").getJsonObject(0).getString("substance")).isEqualTo("Penicillin");
      assertThat(chart.getJsonArray("problems").stream().map(p -> ((JsonObject) p).getString("code"))).contains("I10");
      assertThat(chart.getJsonArray("prescriptions").getJsonObject(0).getJsonObject("drug").getString("text"))
          .startsWith("Amlodipine");
      assertThat(chart.getJsonArray("vitals").stream().map(v -> ((JsonObject) v).getString("code")))
          .contains("systolic_bp", "heart_rate", "bmi");
      assertThat(chart.getJsonArray("labResults")).isNotEmpty();
      assertThat(chart.getInteger("encounterCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_patient_sees_signed_notes_only_the_doctor_sees_the_draft() {
      String path = "/v1/encounters/" + draftVisit;
      JsonObject doctors = fx.get(path, TOKENS.get(DemoAccounts.DOCTOR)).bodyAsJsonObject();
      assertThat(doctors.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("id"))).contains(draftNote);
      JsonObject patients = fx.get(path, TOKENS.get(DemoAccounts.PATIENT_AHMED)).bodyAsJsonObject();
      assertThat(patients.getJsonArray("notes")).isEmpty();
      JsonObject signedVisit = fx.get("/v1/encounters/" + ClinicalFixtures.AHMED_VISIT, TOKENS.get(DemoAccounts.PATIENT_AHMED))
          .bodyAsJsonObject();
      assertThat(signedVisit.getJsonArray("notes").getJsonObject(0).getString("id"))
          .isEqualTo(ClinicalFixtures.AHMED_VISIT_NOTE.toString());
    }

    @Test
    void breaking_the_glass_needs_a_reason_and_is_flagged_in_the_audit() {
      String maha = TOKENS.get(DemoAccounts.DOCTOR_PEDIATRICS);
      String chart = "/v1/patients/" + AHMED + "/chart?emergencyReason=";
      var tooShort = fx.get(chart + "urgent", maha);
      assertThat(tooShort.statusCode()).isEqualTo(400);
      assertThat(tooShort.bodyAsJsonObject().getString("code")).isEqualTo("emergency_reason_too_short");

      var emergency = fx.get(chart + "Unconscious%20in%20the%20emergency%20room", maha);
      assertThat(emergency.statusCode()).isEqualTo(200);
      assertThat(emergency.bodyAsJsonObject().getString("access")).isEqualTo("emergency");
      assertThat(fx.one("SELECT action || '|' || (new_values ->> 'breakGlass') || '|' || (new_values ->> 'reason') "
          + "FROM audit_logs WHERE user_id = '" + MAHA_USER + "' AND patient_id = '" + AHMED
          + "' AND entity_type = 'clinical_chart' ORDER BY occurred_at DESC LIMIT 1"))
          .isEqualTo("emergency_read|true|Unconscious in the emergency room");
      // the glass is broken for that request only
      assertThat(status(DemoAccounts.DOCTOR_PEDIATRICS, "/v1/patients/" + AHMED + "/chart")).isEqualTo(403);
      // a patient's side cannot break the glass
      assertThat(fx.get("/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID + "/chart?emergencyReason=I%20really%20need%20it",
          TOKENS.get(DemoAccounts.PATIENT_AHMED)).statusCode()).isEqualTo(404);
    }

    @Test
    void every_read_leaves_an_audit_row_with_who_and_what() {
      int before = fx.count("SELECT 1 FROM audit_logs WHERE action = 'read' AND patient_id = '" + AHMED + "'");
      fx.get("/v1/patients/" + AHMED + "/chart", TOKENS.get(DemoAccounts.DOCTOR));
      fx.get("/v1/encounters/" + ClinicalFixtures.AHMED_VISIT, TOKENS.get(DemoAccounts.PATIENT_AHMED));
      fx.get("/v1/patients/" + AHMED + "/allergies", TOKENS.get(DemoAccounts.NURSE));
      fx.get("/v1/patients/" + AHMED + "/chart", TOKENS.get(DemoAccounts.PATIENT_FATIMAH));   // refused: no row
      assertThat(fx.count("SELECT 1 FROM audit_logs WHERE action = 'read' AND patient_id = '" + AHMED + "'"))
          .isEqualTo(before + 3);
      assertThat(fx.one("SELECT role || '|' || (new_values ->> 'reader') || '|' || entity_type FROM audit_logs WHERE user_id = '"
          + NURSE_USER + "' ORDER BY occurred_at DESC LIMIT 1")).isEqualTo("nurse|staff|allergies");
      assertThat(fx.count("SELECT 1 FROM audit_logs WHERE user_id = '" + FATIMAH_USER + "' AND patient_id = '" + AHMED + "'"))
          .isZero();
    }

    @Test
    void writes_need_the_patient_in_the_doctors_care_and_are_audited() {
      var maha = fx.post("/v1/patients/" + AHMED + "/allergies", TOKENS.get(DemoAccounts.DOCTOR_PEDIATRICS),
          new JsonObject().put("substance", "Latex"));
      assertThat(maha.statusCode()).isEqualTo(403);
      assertThat(maha.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
      var nurse = fx.post("/v1/patients/" + AHMED + "/allergies", TOKENS.get(DemoAccounts.NURSE),
          new JsonObject().put("substance", "Latex"));
      assertThat(nurse.statusCode()).isEqualTo(403);
      assertThat(fx.count("SELECT 1 FROM allergies WHERE patient_id = '" + AHMED + "' AND substance = 'Latex'")).isZero();

      var khalid = fx.post("/v1/patients/" + AHMED + "/allergies", TOKENS.get(DemoAccounts.DOCTOR),
          new JsonObject().put("substance", "Latex").put("severity", "mild"));
      assertThat(khalid.statusCode()).isEqualTo(201);
      String id = khalid.bodyAsJsonObject().getString("id");
      assertThat(fx.one("SELECT action || '|' || user_id FROM audit_logs WHERE entity_type = 'allergies' AND entity_id = '"
          + id + "'")).isEqualTo("insert|" + KHALID_USER);
      var again = fx.post("/v1/patients/" + AHMED + "/allergies", TOKENS.get(DemoAccounts.DOCTOR),
          new JsonObject().put("substance", "latex"));
      assertThat(again.statusCode()).isEqualTo(409);
    }
  }

  @Nested
  class InTheDatabase {
    /** Rows of {@code sql} a moeen_app session acting as {@code userId} sees (row-level security applies). */
    List<String> seenBy(String userId, String sql) throws SQLException {
      var server = app.database();
      try (Connection db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
           Statement st = db.createStatement()) {
        st.execute("SET ROLE moeen_app");
        st.execute("SELECT set_config('app.user_id', '" + userId + "', false), set_config('app.request_id', 'rls-test', false)");
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    }

    @Test
    void each_role_sees_only_its_part_whatever_the_query_says() throws SQLException {
      String ahmeds = " WHERE patient_id = '" + AHMED + "'";
      String[] tables = {"encounters", "clinical_notes", "diagnoses", "observations", "prescriptions", "allergies"};
      Map<String, boolean[]> expected = new LinkedHashMap<>();
      expected.put(KHALID_USER, new boolean[] {true, true, true, true, true, true});
      expected.put(MAHA_USER, new boolean[] {false, false, false, false, false, true});   // the banner only
      expected.put(NURSE_USER, new boolean[] {false, false, false, false, false, true});
      expected.put(RECEPTION_USER, new boolean[] {false, false, false, false, false, true});
      expected.put(MARKETER_USER, new boolean[] {false, false, false, false, false, false});
      expected.put(DemoAccounts.AHMED_USER_ID.toString(), new boolean[] {true, true, true, true, true, true});
      expected.put(FATIMAH_USER, new boolean[] {false, false, false, false, false, false});
      expected.put(DemoAccounts.YOUSEF_USER_ID.toString(), new boolean[] {false, false, false, false, false, false});
      expected.put("", new boolean[] {false, false, false, false, false, false});   // no session context at all
      List<String> wrong = new ArrayList<>();
      for (var entry : expected.entrySet()) {
        for (int i = 0; i < tables.length; i++) {
          boolean sees = !seenBy(entry.getKey(), "SELECT id FROM " + tables[i] + ahmeds).isEmpty();
          if (sees != entry.getValue()[i]) {
            wrong.add(entry.getKey() + " on " + tables[i] + ": sees " + sees);
          }
        }
      }
      assertThat(wrong).isEmpty();
    }

    @Test
    void the_patient_never_sees_a_draft_even_in_sql() throws SQLException {
      assertThat(seenBy(DemoAccounts.AHMED_USER_ID.toString(), "SELECT id FROM clinical_notes WHERE id = '" + draftNote + "'"))
          .isEmpty();
      assertThat(seenBy(KHALID_USER, "SELECT id FROM clinical_notes WHERE id = '" + draftNote + "'")).hasSize(1);
    }

    @Test
    void a_doctor_cannot_write_for_a_patient_outside_their_care_nor_forge_a_break_glass() {
      assertThatThrownBy(() -> seenBy(MAHA_USER, "INSERT INTO allergies (patient_id, substance) VALUES ('" + AHMED
          + "', 'Dust') RETURNING id")).hasMessageContaining("row-level security");
      // a break-glass row must carry the session's own request id
      assertThatThrownBy(() -> seenBy(MAHA_USER, "INSERT INTO clinical_break_glass (user_id, patient_id, reason, request_id) "
          + "VALUES ('" + MAHA_USER + "', '" + AHMED + "', 'an old reason, reused', 'another-request') RETURNING id"))
          .hasMessageContaining("row-level security");
    }

    @Test
    void the_audit_rows_cannot_be_changed_by_the_service_role() {
      fx.get("/v1/patients/" + AHMED + "/chart", TOKENS.get(DemoAccounts.DOCTOR));
      assertThatThrownBy(() -> seenBy(KHALID_USER, "UPDATE audit_logs SET action = 'nothing' WHERE patient_id = '" + AHMED
          + "' RETURNING id")).hasMessageContaining("permission denied");
      assertThatThrownBy(() -> seenBy(KHALID_USER, "DELETE FROM audit_logs WHERE patient_id = '" + AHMED + "' RETURNING id"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> seenBy(MAHA_USER, "DELETE FROM clinical_break_glass RETURNING id"))
          .hasMessageContaining("permission denied");
    }
  }
}
