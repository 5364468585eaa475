package io.moeen.hospital.beds;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalCsv;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every bed with its state, its patient and expected discharge for those who may see admissions, and the
 * open cleaning task or next reservation. Two walls keep the patient from housekeeping: the view leaves it out
 * without {@code admissions.read}, and row-level security hides the stay itself without {@code patients.read.any}.
 */
public final class OccupancyBoard {
  static final List<String> CSV_HEADER = List.of("ward", "room", "bed", "room_type", "state", "since",
      "patient_mrn", "patient_name", "admitted_at", "expected_discharge_at", "discharge_ordered", "cleaning_due_at",
      "reserved_from");

  private final HospitalDatabase db;
  private final ClinicTimes times;

  public OccupancyBoard(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  Future<Reply> board(RequestEnvelope request) {
    UUID ward = request.param("wardId") == null ? null : UUID.fromString(request.param("wardId"));
    return rows(request, null, ward).map(rows -> {
      JsonArray items = new JsonArray();
      JsonObject counts = new JsonObject().put("available", 0).put("occupied", 0).put("cleaning", 0).put("out_of_service", 0);
      boolean patients = showsPatients(request);
      for (Row row : rows) {
        items.add(item(row, patients));
        counts.put(row.getString("state"), counts.getInteger(row.getString("state")) + 1);
      }
      return Reply.of(new JsonObject().put("at", times.format(times.now())).put("timeZone", times.zone().getId())
          .put("counts", counts).put("items", items));
    });
  }

  Future<Reply> export(RequestEnvelope request) {
    boolean patients = showsPatients(request);
    boolean ar = "ar".equals(request.locale());
    return rows(request, null, null).map(rows -> {
      List<List<String>> lines = new ArrayList<>();
      for (Row r : rows) {
        boolean shown = patients && r.getUUID("patient_id") != null;
        lines.add(List.of(ar ? r.getString("ward_name_ar") : r.getString("ward_name_en"), r.getString("room_code"),
            r.getString("bed_code"), ar ? r.getString("type_name_ar") : r.getString("type_name_en"), r.getString("state"),
            HospitalCsv.time(r.getOffsetDateTime("state_changed_at"), times.zone()),
            shown ? r.getString("medical_record_number") : "", shown ? name(r, ar) : "",
            shown ? HospitalCsv.time(r.getOffsetDateTime("since"), times.zone()) : "",
            shown ? HospitalCsv.time(r.getOffsetDateTime("expected_discharge_at"), times.zone()) : "",
            shown && r.getOffsetDateTime("discharge_ordered_at") != null ? "yes" : "",
            HospitalCsv.time(r.getOffsetDateTime("cleaning_due_at"), times.zone()),
            patients ? HospitalCsv.time(r.getOffsetDateTime("reserved_from"), times.zone()) : ""));
      }
      return HospitalCsv.reply("occupancy-board.csv", CSV_HEADER, lines);
    });
  }

  /** One bed as the board shows it to this caller, or null when it does not exist. */
  public Future<JsonObject> one(RequestEnvelope request, UUID bedId) {
    boolean patients = showsPatients(request);
    return rows(request, bedId, null).map(rows -> rows.isEmpty() ? null : item(rows.get(0), patients));
  }

  private Future<List<Row>> rows(RequestEnvelope request, UUID bed, UUID ward) {
    OffsetDateTime now = times.now();
    return db.as(request, conn -> conn.preparedQuery(BedCatalogue.SQL.get("board")).execute(Tuple.of(now, bed, ward)))
        .map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  private static boolean showsPatients(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    return principal.has("admissions.read");
  }

  private JsonObject item(Row r, boolean patients) {
    JsonObject item = new JsonObject()
        .put("bedId", r.getUUID("bed_id").toString()).put("bedCode", r.getString("bed_code"))
        .put("state", r.getString("state")).put("stateSince", times.format(r.getOffsetDateTime("state_changed_at")))
        .put("room", new JsonObject().put("id", r.getUUID("room_id").toString()).put("code", r.getString("room_code"))
            .put("floor", r.getInteger("floor")).put("nameAr", r.getString("room_name_ar")).put("nameEn", r.getString("room_name_en")))
        .put("ward", new JsonObject().put("id", r.getUUID("ward_id").toString()).put("code", r.getString("ward_code"))
            .put("nameAr", r.getString("ward_name_ar")).put("nameEn", r.getString("ward_name_en")))
        .put("roomType", new JsonObject().put("code", r.getString("type_code")).put("category", r.getString("category"))
            .put("nameAr", r.getString("type_name_ar")).put("nameEn", r.getString("type_name_en"))
            .put("dailyRate", r.getBigDecimal("daily_rate").toPlainString()));
    if (r.getString("out_of_service_reason") != null) {
      item.put("outOfServiceReason", r.getString("out_of_service_reason"));
    }
    if (r.getUUID("cleaning_task_id") != null) {
      item.put("cleaning", new JsonObject().put("taskId", r.getUUID("cleaning_task_id").toString())
          .put("dueAt", times.format(r.getOffsetDateTime("cleaning_due_at"))));
    }
    if (patients && r.getUUID("admission_id") != null) {
      item.put("occupant", new JsonObject()
          .put("admissionId", r.getUUID("admission_id").toString())
          .put("patientId", r.getUUID("patient_id") == null ? null : r.getUUID("patient_id").toString())
          .put("medicalRecordNumber", r.getString("medical_record_number"))
          .put("nameAr", join(r.getString("first_name_ar"), r.getString("last_name_ar")))
          .put("nameEn", join(r.getString("first_name_en"), r.getString("last_name_en")))
          .put("since", times.format(r.getOffsetDateTime("since")))
          .put("expectedDischargeAt", times.format(r.getOffsetDateTime("expected_discharge_at")))
          .put("dischargeOrdered", r.getOffsetDateTime("discharge_ordered_at") != null));
    }
    if (patients && r.getUUID("reserved_for") != null) {
      item.put("reservation", new JsonObject().put("admissionId", r.getUUID("reserved_for").toString())
          .put("from", times.format(r.getOffsetDateTime("reserved_from"))));
    }
    return item;
  }

  private static String name(Row r, boolean ar) {
    String arabic = join(r.getString("first_name_ar"), r.getString("last_name_ar"));
    String english = join(r.getString("first_name_en"), r.getString("last_name_en"));
    return ar ? (arabic != null ? arabic : english) : (english != null ? english : arabic);
  }

  static String join(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return last == null ? first : first == null ? last : first + " " + last;
  }
}
