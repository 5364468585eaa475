package io.moeen.clinical;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing a visit down: what is accepted, and the bad input that is refused, localized, with nothing written. */
class ClinicalRecordsTest {
  static RunningApp app;
  static ClinicalFixtures fx;
  static String khalid;
  static UUID visit;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-records");
    fx = new ClinicalFixtures(app);
    khalid = app.loginAs(DemoAccounts.DOCTOR);
    visit = fx.openWalkIn(khalid, DemoAccounts.MOHAMMED_PATIENT_ID);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObject item(String code, double value, String unit) {
    JsonObject item = new JsonObject().put("code", code).put("value", value);
    return unit == null ? item : item.put("unit", unit);
  }

  static JsonObject items(JsonObject... items) {
    return new JsonObject().put("items", new JsonArray(java.util.List.of((Object[]) items)));
  }

  @Nested
  class Notes {
    @Test
    void a_draft_is_edited_then_signed_and_never_changed_again() {
      var draft = fx.post("/v1/encounters/" + visit + "/notes", khalid,
          new JsonObject().put("subjective", "Tired").put("plan", "Labs"));
      assertThat(draft.statusCode()).as(draft.bodyAsString()).isEqualTo(201);
      JsonObject note = draft.bodyAsJsonObject();
      assertThat(note.getString("status")).isEqualTo("draft");
      assertThat(note.getString("format")).isEqualTo("soap");
      String id = note.getString("id");

      var edited = fx.call("PATCH", "/v1/notes/" + id, "en", khalid, new JsonObject().put("plan", "HbA1c in 3 months"));
      assertThat(edited.bodyAsJsonObject().getString("plan")).isEqualTo("HbA1c in 3 months");
      assertThat(fx.post("/v1/notes/" + id + "/sign", khalid, null).bodyAsJsonObject().getString("status")).isEqualTo("signed");

      String before = fx.one("SELECT row_to_json(n)::text FROM clinical_notes n WHERE id = '" + id + "'");
      var changed = fx.call("PATCH", "/v1/notes/" + id, "ar", khalid, new JsonObject().put("plan", "changed"));
      assertThat(changed.statusCode()).isEqualTo(409);
      assertThat(changed.bodyAsJsonObject().getString("code")).isEqualTo("note_signed");
      assertThat(changed.bodyAsJsonObject().getString("title")).isEqualTo("الملاحظة موقّعة");
      assertThat(fx.post("/v1/notes/" + id + "/sign", khalid, null).statusCode()).isEqualTo(409);
      // the database refuses it even to the tables' owner
      assertThatThrownBy(() -> app.asOwner("UPDATE clinical_notes SET plan = 'x' WHERE id = '" + id + "'"))
          .hasMessageContaining("is signed");
      assertThatThrownBy(() -> app.asOwner("DELETE FROM clinical_notes WHERE id = '" + id + "'"))
          .hasMessageContaining("is signed");
      assertThat(fx.one("SELECT row_to_json(n)::text FROM clinical_notes n WHERE id = '" + id + "'")).isEqualTo(before);

      var addendum = fx.post("/v1/notes/" + id + "/amendments", khalid, new JsonObject().put("text", "HbA1c came back 7.9 %"));
      assertThat(addendum.statusCode()).isEqualTo(201);
      assertThat(addendum.bodyAsJsonObject().getString("kind")).isEqualTo("addendum");
      assertThat(addendum.bodyAsJsonObject().getString("amendsId")).isEqualTo(id);
      assertThat(addendum.bodyAsJsonObject().getString("status")).isEqualTo("signed");
      var correction = fx.post("/v1/notes/" + id + "/amendments", khalid,
          new JsonObject().put("kind", "entered_in_error").put("text", "Wrong patient"));
      assertThat(correction.bodyAsJsonObject().getString("kind")).isEqualTo("entered_in_error");
      // an amendment is not amended itself
      var nested = fx.post("/v1/notes/" + addendum.bodyAsJsonObject().getString("id") + "/amendments", khalid,
          new JsonObject().put("text", "again"));
      assertThat(nested.statusCode()).isEqualTo(409);
    }

    @Test
    void a_section_of_the_other_format_or_an_empty_note_is_refused() {
      int before = fx.count("SELECT 1 FROM clinical_notes WHERE encounter_id = '" + visit + "'");
      var mixed = fx.post("/v1/encounters/" + visit + "/notes", khalid,
          new JsonObject().put("format", "free_text").put("plan", "x"));
      assertThat(mixed.statusCode()).isEqualTo(400);
      assertThat(mixed.bodyAsJsonObject().getString("code")).isEqualTo("section_not_in_format");
      assertThat(mixed.bodyAsJsonObject().getString("field")).isEqualTo("plan");
      var empty = fx.post("/v1/encounters/" + visit + "/notes", khalid, new JsonObject().put("text", "  "));
      assertThat(empty.bodyAsJsonObject().getString("code")).isEqualTo("note_empty");
      assertThat(fx.count("SELECT 1 FROM clinical_notes WHERE encounter_id = '" + visit + "'")).isEqualTo(before);
    }

    @Test
    void only_the_author_edits_a_draft() {
      String draft = fx.post("/v1/encounters/" + visit + "/notes", khalid, new JsonObject().put("text", "draft"))
          .bodyAsJsonObject().getString("id");
      String faisal = app.loginAs(DemoAccounts.DOCTOR_CARDIOLOGY);   // Mohammed is booked with him too
      var other = fx.call("PATCH", "/v1/notes/" + draft, "en", faisal, new JsonObject().put("text", "mine"));
      assertThat(other.statusCode()).isEqualTo(403);
      assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("note_of_another_author");
      assertThat(fx.one("SELECT body FROM clinical_notes WHERE id = '" + draft + "'")).isEqualTo("draft");
    }
  }

  @Nested
  class Diagnoses {
    @Test
    void codes_are_checked_for_shape_and_against_the_list() {
      String rows = "SELECT 1 FROM diagnoses WHERE encounter_id = '" + visit + "'";
      var shape = fx.call("POST", "/v1/encounters/" + visit + "/diagnoses", "ar", khalid, new JsonObject().put("code", "11E.9"));
      assertThat(shape.statusCode()).isEqualTo(400);
      assertThat(shape.bodyAsJsonObject().getString("code")).isEqualTo("invalid_diagnosis_code");
      assertThat(shape.bodyAsJsonObject().getString("detail")).contains("ICD-10");
      var unknown = fx.post("/v1/encounters/" + visit + "/diagnoses", khalid, new JsonObject().put("code", "A00.1"));
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("unknown_diagnosis_code");
      assertThat(fx.count(rows)).isZero();

      var primary = fx.post("/v1/encounters/" + visit + "/diagnoses", khalid,
          new JsonObject().put("code", "e119").put("rank", "primary").put("onsetDate", "2016-05-01"));
      assertThat(primary.statusCode()).as(primary.bodyAsString()).isEqualTo(201);
      assertThat(primary.bodyAsJsonObject().getString("code")).isEqualTo("E11.9");
      assertThat(primary.bodyAsJsonObject().getString("titleAr")).contains("السكري");
      var second = fx.post("/v1/encounters/" + visit + "/diagnoses", khalid, new JsonObject().put("code", "I10").put("rank", "primary"));
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.bodyAsJsonObject().getString("code")).isEqualTo("primary_diagnosis_exists");
      assertThat(fx.count(rows)).isEqualTo(1);
    }

    @Test
    void the_code_list_is_searched_in_arabic_and_english_and_by_code() {
      var arabic = fx.get("/v1/diagnosis-codes?q=" + java.net.URLEncoder.encode("السكري", java.nio.charset.StandardCharsets.UTF_8), khalid);
      assertThat(arabic.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("E11.9");
      var byCode = fx.get("/v1/diagnosis-codes?q=I1", khalid);
      assertThat(byCode.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("I10");
      var dental = fx.get("/v1/diagnosis-codes?specialty=dental&q=caries", khalid);
      assertThat(dental.bodyAsJsonObject().getJsonArray("items")).isNotEmpty()
          .allSatisfy(code -> assertThat(((JsonObject) code).getString("code")).startsWith("K02"));
    }
  }

  @Nested
  class Observations {
    String rows() {
      return "SELECT 1 FROM observations WHERE encounter_id = '" + visit + "'";
    }

    @Test
    void a_pulse_of_900_is_refused_in_the_callers_language_and_nothing_is_written() {
      int before = fx.count(rows());
      var en = fx.post("/v1/encounters/" + visit + "/observations", khalid,
          items(item("systolic_bp", 120, null), item("heart_rate", 900, null)));
      assertThat(en.statusCode()).isEqualTo(400);
      assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo("value_out_of_range");
      assertThat(en.bodyAsJsonObject().getString("field")).isEqualTo("items.1.value");
      assertThat(en.bodyAsJsonObject().getString("detail")).contains("900 /min is not a possible pulse");
      var ar = fx.call("POST", "/v1/encounters/" + visit + "/observations", "ar", khalid, items(item("heart_rate", 900, null)));
      assertThat(ar.bodyAsJsonObject().getString("detail")).contains("النبض");
      assertThat(fx.count(rows())).isEqualTo(before);
    }

    @Test
    void a_temperature_of_60_degrees_and_a_unit_that_does_not_fit_are_refused() {
      int before = fx.count(rows());
      var hot = fx.post("/v1/encounters/" + visit + "/observations", khalid, items(item("body_temperature", 60, "Cel")));
      assertThat(hot.bodyAsJsonObject().getString("code")).isEqualTo("value_out_of_range");
      var unit = fx.call("POST", "/v1/encounters/" + visit + "/observations", "ar", khalid,
          items(item("body_temperature", 37, "mg/dL")));
      assertThat(unit.statusCode()).isEqualTo(400);
      assertThat(unit.bodyAsJsonObject().getString("code")).isEqualTo("unit_not_allowed");
      assertThat(unit.bodyAsJsonObject().getString("field")).isEqualTo("items.0.unit");
      assertThat(unit.bodyAsJsonObject().getString("detail")).contains("حرارة الجسم", "Cel");
      var unknown = fx.post("/v1/encounters/" + visit + "/observations", khalid, items(item("mood", 3, null)));
      assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("unknown_observation_code");
      assertThat(fx.count(rows())).isEqualTo(before);
    }

    @Test
    void glucose_in_mmol_per_litre_is_kept_as_typed_and_converted_and_bmi_is_derived() {
      var written = fx.post("/v1/encounters/" + visit + "/observations", khalid, items(
          item("blood_glucose", 6.1, "mmol/L"), item("2339-0", 250, "mg/dL"), item("body_temperature", 100.4, "[degF]"),
          item("body_weight", 80, null), item("body_height", 1.8, "m")));
      assertThat(written.statusCode()).as(written.bodyAsString()).isEqualTo(201);
      JsonArray out = written.bodyAsJsonObject().getJsonArray("items");
      JsonObject glucose = out.getJsonObject(0);
      assertThat(glucose.getDouble("value")).isEqualTo(6.1);
      assertThat(glucose.getString("unit")).isEqualTo("mmol/L");
      assertThat(glucose.getDouble("canonicalValue")).isEqualTo(109.8976);
      assertThat(glucose.getString("canonicalUnit")).isEqualTo("mg/dL");
      assertThat(glucose.getString("abnormalFlag")).isEqualTo("N");
      assertThat(out.getJsonObject(1).getString("abnormalFlag")).isEqualTo("H");
      assertThat(out.getJsonObject(2).getDouble("canonicalValue")).isEqualTo(38.0);
      JsonObject bmi = out.getJsonObject(5);
      assertThat(bmi.getString("code")).isEqualTo("bmi");
      assertThat(bmi.getBoolean("derived")).isTrue();
      assertThat(bmi.getDouble("value")).isEqualTo(24.7);
      assertThat(bmi.getString("loinc")).isEqualTo("39156-5");
    }
  }

  @Nested
  class Prescriptions {
    @Test
    void a_drug_the_patient_is_allergic_to_is_refused_unless_overridden_with_a_reason() {
      UUID ahmedsVisit = fx.openWalkIn(khalid, DemoAccounts.AHMED_PATIENT_ID);   // Ahmed: penicillin, severe
      JsonObject order = new JsonObject().put("drug", new JsonObject().put("text", "Amoxicillin 500 mg capsule"))
          .put("dose", "500 mg").put("route", "oral").put("frequency", "three times daily").put("durationDays", 7);
      String rows = "SELECT 1 FROM prescriptions WHERE encounter_id = '" + ahmedsVisit + "'";

      var refused = fx.call("POST", "/v1/encounters/" + ahmedsVisit + "/prescriptions", "ar", khalid, order);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("allergy_conflict");
      assertThat(refused.bodyAsJsonObject().getString("detail")).contains("Penicillin", "Amoxicillin");
      assertThat(refused.bodyAsJsonObject().getJsonArray("allergies").getJsonObject(0).getString("severity")).isEqualTo("severe");
      assertThat(fx.count(rows)).isZero();

      var shortReason = fx.post("/v1/encounters/" + ahmedsVisit + "/prescriptions", khalid,
          order.copy().put("allergyOverrideReason", "ok"));
      assertThat(shortReason.statusCode()).isEqualTo(400);
      assertThat(fx.count(rows)).isZero();

      var overridden = fx.post("/v1/encounters/" + ahmedsVisit + "/prescriptions", khalid,
          order.copy().put("allergyOverrideReason", "Skin test negative on 2026-11-30; benefit outweighs risk"));
      assertThat(overridden.statusCode()).as(overridden.bodyAsString()).isEqualTo(201);
      JsonObject rx = overridden.bodyAsJsonObject();
      assertThat(rx.getString("allergyOverrideReason")).startsWith("Skin test negative");
      assertThat(rx.getString("status")).isEqualTo("active");
      assertThat(rx.getString("instructionsLanguage")).isEqualTo("ar");   // Ahmed's language
      assertThat(fx.count(rows)).isEqualTo(1);
    }

    @Test
    void a_drug_without_a_conflict_is_prescribed_in_the_patients_language() {
      JsonObject order = new JsonObject().put("drug", new JsonObject().put("text", "Atorvastatin 20 mg tablet"))
          .put("dose", "20 mg").put("route", "oral").put("frequency", "once daily at night").put("quantity", 30)
          .put("refills", 2).put("instructions", "One tablet at bedtime.");
      var written = fx.post("/v1/encounters/" + visit + "/prescriptions", khalid, order);
      assertThat(written.statusCode()).as(written.bodyAsString()).isEqualTo(201);
      assertThat(written.bodyAsJsonObject().getString("instructionsLanguage")).isEqualTo("en");   // Mohammed's language
      assertThat(written.bodyAsJsonObject().containsKey("allergyOverrideReason")).isFalse();
    }
  }
}
