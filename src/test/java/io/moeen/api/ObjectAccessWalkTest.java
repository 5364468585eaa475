package io.moeen.api;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.ContractDocument;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level access, walked from the contract: every operation whose path names a
 * patient-owned resource (a patient, their appointments, family links, notifications; later
 * records and invoices under the same prefixes) is tried with Ahmed's ids by another patient
 * (404: the record does not exist for her) and by a family member of Ahmed who was not given the
 * scope (403: he knows Ahmed, he was not given this). Nothing of Ahmed's changes.
 */
class ObjectAccessWalkTest {
  private static final String AHMED_APPOINTMENT = "00000000-0000-4000-c400-000000000001";
  private static final String AHMED_NOTICE = "00000000-0000-4000-e000-00000000a0a0";
  /** Ahmed's paid demo invoice (db/demo/045-billing-demo.sql). */
  private static final String AHMED_INVOICE = "00000000-0000-4019-8000-000000000001";
  /** Ahmed's cancelled online payment on his paid invoice (db/demo/062). */
  static final String AHMED_CHECKOUT = "00000000-0000-4019-8000-0000000006c1";
  /** Path prefixes whose {id} is owned by a patient; a new patient-owned resource is added here once. */
  private static final List<String> PATIENT_OWNED = List.of("/v1/patients/{id}", "/v1/appointments/{id}",
      "/v1/me/notifications/{id}", "/v1/encounters/{id}", "/v1/notes/{id}", "/v1/intake-forms/{id}", "/v1/invoices/{id}",
      "/v1/prescriptions/{id}", "/v1/diagnoses/{id}", "/v1/observations/{id}", "/v1/dental-plans/{id}", "/v1/dental-plan-steps/{id}", "/v1/dental-images/{id}");
  /** Ahmed's demo visit with Dr. Khalid (db/demo/025-clinical-demo.sql) and its signed note. */
  private static final String AHMED_ENCOUNTER = "00000000-0000-4018-8000-000000000001";
  private static final String AHMED_NOTE = "00000000-0000-4018-8000-000000000101";
  private static final String AHMED_INTAKE_FORM = "00000000-0000-4018-8000-000000000501";
  /** Ahmed's prescription from that visit (its printed PDF is under /v1/prescriptions/{id}). */
  private static final String AHMED_PRESCRIPTION = "00000000-0000-4018-8000-000000000401";
  /** Ahmed's demo treatment plan and its last (planned) step (db/demo/052-dental-plans-demo.sql). */
  private static final String AHMED_DENTAL_PLAN = "00000000-0000-4022-8000-000000000501";
  private static final String AHMED_DENTAL_STEP = "00000000-0000-4022-8000-000000000514";
  /** Ahmed's dental image, made in start() on a file of his. */
  private static final String AHMED_DENTAL_IMAGE = "00000000-0000-4022-8000-0000000005e1";
  /** Ahmed's unread educational material (db/demo/054-education-demo.sql). */
  private static final String AHMED_EDUCATION = "00000000-0000-4023-8000-000000000102";
  private static RunningApp app;
  private static String familyLink;
  /** Ahmed's hypertension diagnosis (025-clinical-demo.sql) and one of his observations (read in start()). */
  private static final String AHMED_DIAGNOSIS = "00000000-0000-4018-8000-000000000201";
  private static String ahmedObservation;
  private static List<Op> operations;

  record Op(String method, String template, List<String> permissions) {
    boolean hasBody() {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @BeforeAll
  static void start() {
    app = RunningApp.start("object-access-walk");
    app.asOwner("""
        INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, rendered_body, status, idempotency_key)
        VALUES ('%s', '%s', 'in_app', 'walk.notice', 'ar', 'مرحبا', 'sent', 'walk-notice');
        """.formatted(AHMED_NOTICE, DemoAccounts.AHMED_USER_ID));
    app.asOwner("""
        INSERT INTO clinical_files (id, patient_id, category, content_type, size_bytes, sha256, storage_key, uploaded_by)
        VALUES ('%1$s', '%2$s', 'xray', 'image/png', 1, repeat('a', 64), 'walk-dental-image', '00000000-0000-4000-8000-000000000004');
        INSERT INTO dental_images (id, patient_id, tooth, kind, file_id, uploaded_by)
        VALUES ('%1$s', '%2$s', 16, 'xray', '%1$s', '00000000-0000-4000-8000-000000000004');
        """.formatted(AHMED_DENTAL_IMAGE, DemoAccounts.AHMED_PATIENT_ID));
    ahmedObservation = queryOne("SELECT id FROM observations WHERE patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "' LIMIT 1");
    familyLink = queryOne("SELECT id FROM family_members WHERE patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "' LIMIT 1");
    operations = new ArrayList<>();
    for (ContractDocument.Operation op : ContractDocument.operations(ContractDocument.merged(app.clientVertx()))) {
      if (PATIENT_OWNED.stream().anyMatch(op.path()::startsWith)) {
        operations.add(new Op(op.method(), op.path(), op.permissions()));
      }
    }
    assertThat(operations).hasSizeGreaterThan(15);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String queryOne(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String concrete(Op op) {
    String id = op.template().startsWith("/v1/patients/") ? DemoAccounts.AHMED_PATIENT_ID.toString()
        : op.template().startsWith("/v1/appointments/") ? AHMED_APPOINTMENT
        : op.template().startsWith("/v1/encounters/") ? AHMED_ENCOUNTER
        : op.template().startsWith("/v1/notes/") ? AHMED_NOTE
        : op.template().startsWith("/v1/intake-forms/") ? AHMED_INTAKE_FORM
        : op.template().startsWith("/v1/invoices/") ? AHMED_INVOICE
        : op.template().startsWith("/v1/prescriptions/") ? AHMED_PRESCRIPTION
        : op.template().startsWith("/v1/diagnoses/") ? AHMED_DIAGNOSIS
        : op.template().startsWith("/v1/observations/") ? ahmedObservation
        : op.template().startsWith("/v1/dental-plans/") ? AHMED_DENTAL_PLAN
        : op.template().startsWith("/v1/dental-plan-steps/") ? AHMED_DENTAL_STEP
        : op.template().startsWith("/v1/dental-images/") ? AHMED_DENTAL_IMAGE : AHMED_NOTICE;
    return op.template().replace("{id}", id).replace("{memberId}", familyLink).replace("{lineNo}", "1")
        .replace("{assignmentId}", AHMED_EDUCATION).replace("{checkoutId}", AHMED_CHECKOUT);
  }

  /** A body the contract accepts, so that the answer is about access and not about input. */
  private static String body(Op op) {
    if (!op.hasBody()) {
      return null;
    }
    String t = op.template();
    if (t.endsWith("/reschedule")) {
      return new JsonObject().put("startsAt", "2099-01-04T10:00:00+03:00").encode();
    }
    if (t.endsWith("/reschedule-request")) {
      return new JsonObject().put("requestedStartsAt", "2099-01-04T10:00:00+03:00").encode();
    }
    if (t.endsWith("/family-members")) {
      return new JsonObject().put("email", "walk-relative@moeen-clinic.example").put("relationship", "other")
          .put("scopes", new JsonArray().add("patients.read")).encode();
    }
    if (t.endsWith("{memberId}")) {
      return new JsonObject().put("scopes", new JsonArray().add("patients.read")).encode();
    }
    if (t.equals("/v1/patients/{id}")) {
      return new JsonObject().put("address", "walked").encode();
    }
    return "{}";
  }

  private static Set<String> permissionsOf(String token) {
    JsonArray held = app.get("/v1/me", "en", token).bodyAsJsonObject().getJsonArray("permissions");
    return new LinkedHashSet<>(held.stream().map(String::valueOf).toList());
  }

  private static List<String> walk(String who, String token, Map<String, Integer> exceptions, int expected) {
    Set<String> held = permissionsOf(token);
    List<String> wrong = new ArrayList<>();
    for (Op op : operations) {
      boolean permitted = op.permissions().isEmpty() || op.permissions().stream().anyMatch(held::contains);
      int want = !permitted ? 403 : exceptions.getOrDefault(op.toString(), expected);
      // with an Idempotency-Key, so that operations requiring one (paying online) answer about access, not the header
      String body = body(op);
      var request = app.client().request(io.vertx.core.http.HttpMethod.valueOf(op.method()), concrete(op))
          .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", java.util.UUID.randomUUID().toString());
      var response = app.send(request, "en", body == null ? null : "application/json", body);
      if (response.statusCode() != want) {
        wrong.add(op + " as " + who + " → " + response.statusCode() + " (want " + want + ") " + response.bodyAsString());
      }
    }
    return wrong;
  }

  @Test
  @DisplayName("another patient's ids are 404 for a patient, 403 for a family member without the scope, and nothing changes")
  void patient_owned_ids_are_hidden_or_refused() {
    String ahmedBefore = queryOne("SELECT row_to_json(p)::text FROM patients p WHERE id = '" + DemoAccounts.AHMED_PATIENT_ID + "'");
    String appointmentBefore = queryOne("SELECT status || starts_at::text FROM appointments WHERE id = '" + AHMED_APPOINTMENT + "'");

    List<String> wrong = new ArrayList<>(walk("fatimah", app.loginAs(DemoAccounts.PATIENT_FATIMAH), Map.of(), 404));

    // Yousef keeps only patients.read on his father: appointments are now not his to see
    app.asOwner("UPDATE family_members SET scopes = '{patients.read}' WHERE user_id = '" + DemoAccounts.YOUSEF_USER_ID + "'");
    wrong.addAll(walk("yousef", app.loginAs(DemoAccounts.FAMILY_YOUSEF), Map.of(
        "GET /v1/patients/{id}", 200,
        // notifications are the recipient's own, family or not
        "POST /v1/me/notifications/{id}/read", 404), 403));
    assertThat(wrong).isEmpty();
    // the refusal says, in the caller's language, what was not shared
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    JsonObject refusal = ApiCalls.call(app, "GET", "/v1/appointments/" + AHMED_APPOINTMENT, "en", yousef, null).bodyAsJsonObject();
    assertThat(refusal.getString("code")).isEqualTo("scope_not_granted");
    assertThat(refusal.getString("detail")).contains("see their appointments");
    assertThat(ApiCalls.call(app, "GET", "/v1/appointments/" + AHMED_APPOINTMENT, "ar", yousef, null).bodyAsJsonObject()
        .getString("detail")).contains("«الاطلاع على مواعيده»");

    assertThat(queryOne("SELECT row_to_json(p)::text FROM patients p WHERE id = '" + DemoAccounts.AHMED_PATIENT_ID + "'"))
        .isEqualTo(ahmedBefore);
    assertThat(queryOne("SELECT status || starts_at::text FROM appointments WHERE id = '" + AHMED_APPOINTMENT + "'"))
        .isEqualTo(appointmentBefore);
    assertThat(queryOne("SELECT is_read::text FROM notifications WHERE id = '" + AHMED_NOTICE + "'")).isEqualTo("false");
    assertThat(queryOne("SELECT (read_at IS NULL)::text FROM education_assignments WHERE id = '" + AHMED_EDUCATION + "'"))
        .isEqualTo("true");
  }
}
