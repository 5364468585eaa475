package io.moeen.dental;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dental chart through the API on the demo clinic: reading it back at past dates, differences, a new
 * version per change (who, when, which encounter), refusals that write nothing, concurrent changes,
 * who may read and write, and dental records.
 */
class DentalChartTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static final String FATIMAH = DemoAccounts.FATIMAH_PATIENT_ID.toString();
  static final String MOHAMMED = DemoAccounts.MOHAMMED_PATIENT_ID.toString();
  static final String AHMED_DENTAL_VISIT = "00000000-0000-4022-8000-000000000202";
  static final String FATIMAH_DENTAL_VISIT = "00000000-0000-4022-8000-000000000204";
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  static RunningApp app;
  static String dentist;
  static String assistant;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dental-chart");
    dentist = app.loginAs(DemoAccounts.DENTIST);
    assistant = app.loginAs(DemoAccounts.DENTAL_ASSISTANT);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, "en", token, body == null ? null : body.encode());
  }

  static String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject tooth(JsonObject chart, int number) {
    return chart.getJsonArray("teeth").stream().map(JsonObject.class::cast)
        .filter(t -> t.getInteger("tooth") == number).findFirst().orElse(null);
  }

  @Test
  void the_chart_reads_back_at_any_past_date_and_lists_differences_tooth_by_tooth() {
    JsonObject now = call("GET", "/v1/patients/" + AHMED + "/dental-chart", dentist, null).bodyAsJsonObject();
    assertThat(now.getInteger("version")).isGreaterThanOrEqualTo(3);
    assertThat(tooth(now, 16).getJsonArray("fillings").getJsonObject(0).getString("material")).isEqualTo("composite");
    assertThat(tooth(now, 16).containsKey("caries")).isFalse();
    assertThat(tooth(now, 47).getInteger("mobility")).isEqualTo(1);

    String ninetyDaysAgo = LocalDate.now(RIYADH).minusDays(90).toString();
    JsonObject then = call("GET", "/v1/patients/" + AHMED + "/dental-chart?at=" + ninetyDaysAgo, dentist, null).bodyAsJsonObject();
    assertThat(then.getInteger("version")).isEqualTo(1);
    assertThat(tooth(then, 16).getJsonArray("caries")).containsExactly("occlusal");
    assertThat(tooth(then, 26)).isNull();
    assertThat(tooth(then, 47)).isNull();

    String beforeAll = LocalDate.now(RIYADH).minusDays(200).toString();
    JsonObject empty = call("GET", "/v1/patients/" + AHMED + "/dental-chart?at=" + beforeAll, dentist, null).bodyAsJsonObject();
    assertThat(empty.getInteger("version")).isZero();
    assertThat(empty.getJsonArray("teeth")).isEmpty();

    JsonObject diff = call("GET", "/v1/patients/" + AHMED + "/dental-chart/diff?from=" + ninetyDaysAgo + "&to="
        + LocalDate.now(RIYADH).minusDays(30), dentist, null).bodyAsJsonObject();
    assertThat(diff.getInteger("fromVersion")).isEqualTo(1);
    assertThat(diff.getInteger("toVersion")).isEqualTo(2);
    JsonArray changes = diff.getJsonArray("changes");
    assertThat(changes.stream().map(c -> ((JsonObject) c).getInteger("tooth")).toList()).containsExactly(16, 26);
    JsonObject sixteen = changes.getJsonObject(0);
    assertThat(sixteen.getJsonObject("before").getJsonArray("caries")).containsExactly("occlusal");
    assertThat(sixteen.getJsonObject("after").getJsonArray("fillings")).hasSize(1);
    assertThat(changes.getJsonObject(1).containsKey("before")).isFalse();

    var reversed = call("GET", "/v1/patients/" + AHMED + "/dental-chart/diff?from=2026-01-02&to=2026-01-01", dentist, null);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.bodyAsJsonObject().getString("code")).isEqualTo("chart_dates_reversed");
    var badDate = call("GET", "/v1/patients/" + AHMED + "/dental-chart?at=yesterday!", dentist, null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.bodyAsJsonObject().getString("code")).isEqualTo("invalid_chart_date");
  }

  @Test
  void each_change_is_a_new_version_with_who_when_and_the_encounter() {
    JsonObject body = new JsonObject().put("encounterId", FATIMAH_DENTAL_VISIT).put("comment", "Follow-up")
        .put("teeth", new JsonArray()
            .add(new JsonObject().put("tooth", 21).put("status", "present").put("caries", new JsonArray().add("palatal")))
            .add(new JsonObject().put("tooth", 31).put("status", "present").put("fillings",
                new JsonArray().add(new JsonObject().put("surface", "incisal").put("material", "composite")))));
    var changed = call("POST", "/v1/patients/" + FATIMAH + "/dental-chart/changes", dentist, body);
    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(201);
    JsonObject chart = changed.bodyAsJsonObject();
    int version = chart.getInteger("version");
    assertThat(tooth(chart, 21).getInteger("version")).isEqualTo(version);
    assertThat(tooth(chart, 11).getInteger("version")).isLessThan(version); // untouched teeth keep their version

    JsonObject latest = call("GET", "/v1/patients/" + FATIMAH + "/dental-chart/history", dentist, null)
        .bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    assertThat(latest.getInteger("version")).isEqualTo(version);
    assertThat(latest.getString("encounterId")).isEqualTo(FATIMAH_DENTAL_VISIT);
    assertThat(latest.getJsonObject("recordedBy").getString("id")).isEqualTo(DemoAccounts.DENTIST_ID.toString());
    assertThat(latest.getJsonObject("recordedBy").getJsonObject("name").getString("en")).isEqualTo("Huda Al-Qarni");
    assertThat(latest.getJsonArray("teeth")).hasSize(2);
    // the audit trigger saw the new version, as the dentist
    assertThat(one("SELECT count(*) FROM audit_logs WHERE entity_type = 'dental_chart_versions' AND action = 'insert' AND user_id = '"
        + DemoAccounts.DENTIST_ID + "'")).isEqualTo("1");

    // the assistant works under the dentist: may update the chart, not record treatment
    var byAssistant = call("POST", "/v1/patients/" + FATIMAH + "/dental-chart/changes", assistant, new JsonObject()
        .put("baseVersion", version)
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 47).put("status", "present").put("mobility", 1))));
    assertThat(byAssistant.statusCode()).as(byAssistant.bodyAsString()).isEqualTo(201);
    assertThat(byAssistant.bodyAsJsonObject().getInteger("version")).isEqualTo(version + 1);

    // a change made on a stale version is refused and writes nothing
    var stale = call("POST", "/v1/patients/" + FATIMAH + "/dental-chart/changes", dentist, new JsonObject()
        .put("baseVersion", version)
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 47).put("status", "missing"))));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("dental_chart_changed");
    assertThat(one("SELECT max(version) FROM dental_chart_versions WHERE patient_id = '" + FATIMAH + "'"))
        .isEqualTo(String.valueOf(version + 1));
  }

  @Test
  void bad_input_is_a_localized_400_and_writes_nothing() {
    String before = one("SELECT count(*) FROM dental_chart_versions") + "/" + one("SELECT count(*) FROM dental_chart_teeth");
    record Case(JsonObject tooth, String code) {
    }
    List<Case> cases = List.of(
        new Case(new JsonObject().put("tooth", 19).put("status", "present"), "tooth_not_fdi"),
        new Case(new JsonObject().put("tooth", 11).put("status", "present").put("caries", new JsonArray().add("occlusal")),
            "surface_not_on_tooth"),
        new Case(new JsonObject().put("tooth", 64).put("status", "present"), "primary_tooth_needs_note"),
        new Case(new JsonObject().put("tooth", 36).put("status", "missing").put("crown", true), "tooth_absent_findings"));
    for (Case c : cases) {
      // a valid tooth first: the whole change is refused, not just the bad tooth
      JsonObject body = new JsonObject().put("teeth", new JsonArray()
          .add(new JsonObject().put("tooth", 17).put("status", "present").put("caries", new JsonArray().add("buccal")))
          .add(c.tooth()));
      var en = call("POST", "/v1/patients/" + AHMED + "/dental-chart/changes", dentist, body);
      assertThat(en.statusCode()).as(c.code()).isEqualTo(400);
      assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo(c.code());
      assertThat(en.bodyAsJsonObject().getString("field")).startsWith("teeth[1]");
      var ar = ApiCalls.call(app, "POST", "/v1/patients/" + AHMED + "/dental-chart/changes", "ar", dentist, body.encode());
      assertThat(ar.bodyAsJsonObject().getString("detail")).as(c.code()).containsPattern("[\\u0600-\\u06FF]");
    }
    var surface = ApiCalls.call(app, "POST", "/v1/patients/" + AHMED + "/dental-chart/changes", "ar", dentist, new JsonObject()
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 11).put("status", "present")
            .put("caries", new JsonArray().add("occlusal")))).encode());
    assertThat(surface.bodyAsJsonObject().getString("detail")).contains("السن 11 ليس له سطح إطباقي");
    var otherPatientsVisit = call("POST", "/v1/patients/" + AHMED + "/dental-chart/changes", dentist, new JsonObject()
        .put("encounterId", FATIMAH_DENTAL_VISIT)
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 17).put("status", "present"))));
    assertThat(otherPatientsVisit.bodyAsJsonObject().getString("code")).isEqualTo("encounter_not_of_patient");
    assertThat(one("SELECT count(*) FROM dental_chart_versions") + "/" + one("SELECT count(*) FROM dental_chart_teeth"))
        .isEqualTo(before);
  }

  @Test
  void concurrent_changes_get_consecutive_versions_none_lost() {
    String patient = DemoAccounts.AHMED_PATIENT_ID.toString();
    int before = Integer.parseInt(one("SELECT max(version) FROM dental_chart_versions WHERE patient_id = '" + patient + "'"));
    int n = 12;
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int mobility = i % 3 + 1;
      String body = new JsonObject().put("teeth", new JsonArray()
          .add(new JsonObject().put("tooth", 37).put("status", "present").put("mobility", mobility))).encode();
      sent.add(app.client().post("/v1/patients/" + patient + "/dental-chart/changes")
          .putHeader("Authorization", "Bearer " + dentist).putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(body)));
    }
    Future.all(sent).await();
    assertThat(sent.stream().map(f -> f.result().statusCode()).toList()).allMatch(s -> s == 201);
    assertThat(sent.stream().map(f -> f.result().bodyAsJsonObject().getInteger("version")).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(before + 1, before + n).boxed().toList());
    assertThat(one("SELECT count(DISTINCT version) = count(*) AND max(version) - min(version) + 1 = count(*) "
        + "AND bool_and(recorded_at >= coalesce(prev, recorded_at)) FROM (SELECT version, recorded_at, "
        + "lag(recorded_at) OVER (ORDER BY version) AS prev FROM dental_chart_versions WHERE patient_id = '" + patient + "') v"))
        .isEqualTo("t");
  }

  @Test
  void who_may_read_and_write() {
    String chart = "/v1/patients/" + AHMED + "/dental-chart";
    assertThat(call("GET", chart, app.loginAs(DemoAccounts.PATIENT_AHMED), null).statusCode()).isEqualTo(200);
    assertThat(call("GET", chart, app.loginAs(DemoAccounts.PATIENT_FATIMAH), null).statusCode()).isEqualTo(404);
    var yousef = call("GET", chart, app.loginAs(DemoAccounts.FAMILY_YOUSEF), null);
    assertThat(yousef.statusCode()).isEqualTo(403);
    assertThat(yousef.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    assertThat(call("GET", chart, app.loginAs(DemoAccounts.MARKETER), null).statusCode()).isEqualTo(403);
    assertThat(call("GET", chart, app.loginAs(DemoAccounts.RECEPTIONIST), null).statusCode()).isEqualTo(403);
    assertThat(call("GET", chart, app.loginAs(DemoAccounts.DOCTOR), null).statusCode()).isEqualTo(200); // Khalid cares for Ahmed
    assertThat(call("GET", chart, assistant, null).statusCode()).isEqualTo(200);
    // Mohammed has never seen Dr. Huda: outside her care and her assistant's
    String mohammed = "/v1/patients/" + MOHAMMED + "/dental-chart";
    assertThat(call("GET", mohammed, dentist, null).bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    JsonObject change = new JsonObject().put("teeth", new JsonArray().add(new JsonObject().put("tooth", 17).put("status", "present")));
    var outside = call("POST", mohammed + "/changes", assistant, change);
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    assertThat(call("POST", "/v1/patients/" + AHMED + "/dental-chart/changes", app.loginAs(DemoAccounts.PATIENT_AHMED), change)
        .statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/patients/00000000-0000-4000-9000-00000000beef/dental-chart", dentist, null).statusCode())
        .isEqualTo(404);
    // the database refuses it too: the assistant acting straight on moeen_app cannot add a version for Mohammed
    assertThat(one("""
        SELECT x FROM (SELECT set_config('app.user_id', '%s', false)) s,
        LATERAL (SELECT (%s IN (SELECT app_dental_assistant_patients()))::text AS x) y""".formatted(
        DemoAccounts.DENTAL_ASSISTANT_ID, "'" + MOHAMMED + "'::uuid"))).isEqualTo("false");
  }

  @Test
  void dental_records_per_encounter() {
    JsonObject record = new JsonObject().put("treatment", "Composite filling").put("diagnosisCode", "K02.52")
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 26).put("surfaces", new JsonArray().add("distal").add("occlusal"))));
    var added = call("POST", "/v1/encounters/" + AHMED_DENTAL_VISIT + "/dental-records", dentist, record);
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    assertThat(added.bodyAsJsonObject().getString("patientId")).isEqualTo(AHMED);
    var badSurface = call("POST", "/v1/encounters/" + AHMED_DENTAL_VISIT + "/dental-records", dentist, record.copy()
        .put("teeth", new JsonArray().add(new JsonObject().put("tooth", 21).put("surfaces", new JsonArray().add("occlusal")))));
    assertThat(badSurface.bodyAsJsonObject().getString("code")).isEqualTo("surface_not_on_tooth");
    assertThat(call("POST", "/v1/encounters/" + AHMED_DENTAL_VISIT + "/dental-records", assistant, record).statusCode())
        .isEqualTo(403);
    var list = call("GET", "/v1/patients/" + AHMED + "/dental-records", app.loginAs(DemoAccounts.PATIENT_AHMED), null);
    assertThat(list.bodyAsJsonObject().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("treatment")).toList())
        .contains("Composite filling", "حشوة تجميلية");
  }
}
