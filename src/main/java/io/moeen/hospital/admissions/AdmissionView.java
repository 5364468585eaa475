package io.moeen.hospital.admissions;

import io.moeen.common.errors.Problem;
import io.moeen.hospital.ClinicTimes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.first;

/** One representation of an admission: who, why, when, and the bed it holds (or held last). */
final class AdmissionView {
  private final ClinicTimes times;

  AdmissionView(ClinicTimes times) {
    this.times = times;
  }

  /** 404 {@code admission_not_found} when it does not exist or the caller may not see the patient. */
  Future<JsonObject> one(SqlConnection conn, UUID id) {
    return conn.preparedQuery(Admissions.SQL.get("admission")).execute(Tuple.of(id)).map(rows -> {
      Row row = first(rows);
      if (row == null) {
        throw Problem.notFound("admission_not_found", Map.of("id", id.toString()));
      }
      return json(row);
    });
  }

  Future<JsonObject> list(SqlConnection conn, String status, int limit) {
    return conn.preparedQuery(Admissions.SQL.get("admissions")).execute(Tuple.of(status, limit)).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return new JsonObject().put("items", items);
    });
  }

  private JsonObject json(Row r) {
    JsonObject json = new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("status", r.getString("status"))
        .put("patient", new JsonObject().put("id", r.getUUID("patient_id").toString())
            .put("medicalRecordNumber", r.getString("medical_record_number"))
            .put("nameAr", join(r.getString("first_name_ar"), r.getString("last_name_ar")))
            .put("nameEn", join(r.getString("first_name_en"), r.getString("last_name_en"))))
        .put("doctorId", r.getUUID("doctor_id").toString())
        .put("reason", r.getString("reason"))
        .put("plannedAdmissionAt", times.format(r.getOffsetDateTime("planned_admission_at")))
        .put("admittedAt", times.format(r.getOffsetDateTime("admitted_at")))
        .put("expectedDischargeAt", times.format(r.getOffsetDateTime("expected_discharge_at")))
        .put("dischargeOrderedAt", times.format(r.getOffsetDateTime("discharge_ordered_at")))
        .put("dischargedAt", times.format(r.getOffsetDateTime("discharged_at")))
        .put("version", r.getInteger("version"));
    if (r.getUUID("bed_id") != null) {
      json.put("bed", new JsonObject().put("id", r.getUUID("bed_id").toString()).put("code", r.getString("bed_code"))
          .put("roomCode", r.getString("room_code")).put("assignment", r.getString("assignment_kind"))
          .put("since", times.format(r.getOffsetDateTime("since"))));
    }
    return json;
  }

  private static String join(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return last == null ? first : first == null ? last : first + " " + last;
  }
}
