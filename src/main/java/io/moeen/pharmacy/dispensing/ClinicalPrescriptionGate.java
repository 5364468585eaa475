package io.moeen.pharmacy.dispensing;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.pharmacy.Quantities;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The clinic's dispensing rules. A line against a clinical prescription: the prescription exists and is the
 * patient's (422), is active (409 prescription_not_active), is for this item's drug (422 item_not_prescribed),
 * and has enough left (409 prescription_dispensed_in_full, exceeds_prescription); its fill row is locked first, so
 * concurrent dispenses of one prescription never give more than it allows. A line without one: a controlled
 * substance never (422 controlled_needs_prescription), a prescription-only medicine with the paper prescription's
 * reference (422 prescription_required). A controlled substance also needs the collector's identity (422
 * controlled_check_required). For a known patient, a drug they are recorded as allergic to is refused (422
 * dispense_allergy_conflict) unless the line carries the pharmacist's reason, which is kept and audited.
 */
public final class ClinicalPrescriptionGate implements PrescriptionGate {
  private static final int MIN_REASON = 10;

  @Override
  public Future<Void> admit(SqlConnection conn, Dispense dispense) {
    DispenseRequest request = dispense.request();
    List<UUID> prescriptions = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (DispenseRequest.Line line : request.lines()) {
      Row item = dispense.items().get(line.itemId());
      if (line.prescriptionId() != null && !seen.add(line.prescriptionId())) {
        return Future.failedFuture(Problem.invalid("duplicate_prescription", line.field("prescriptionId"), Map.of()));
      }
      if (line.prescriptionId() != null) {
        prescriptions.add(line.prescriptionId());
      } else if (item.getBoolean("is_controlled")) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "controlled_needs_prescription", Map.of(),
            line.field("itemId")));
      } else if (item.getBoolean("is_prescription_only") && request.externalPrescription() == null) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "prescription_required", Map.of(),
            line.field("itemId")));
      }
      if (item.getBoolean("is_controlled") && (request.collectorName() == null || request.collectorIdNumber() == null
          || !DispenseRequest.COLLECTOR_ID.matcher(request.collectorIdNumber()).matches())) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "controlled_check_required", Map.of(),
            request.collectorName() == null ? "collectorName" : "collectorIdNumber"));
      }
      if (line.allergyOverrideReason() != null && line.allergyOverrideReason().length() < MIN_REASON) {
        return Future.failedFuture(Problem.invalid("override_reason_too_short", line.field("allergyOverrideReason"),
            Map.of("min", MIN_REASON)));
      }
    }
    if (!prescriptions.isEmpty() && request.patientId() == null) {
      return Future.failedFuture(Problem.invalid("prescription_needs_patient", "patientId", Map.of()));
    }
    Future<Void> locked = prescriptions.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(Dispensing.SQL.get("lock_prescriptions")).execute(Tuple.of(prescriptions.toArray(UUID[]::new)))
            .mapEmpty();
    return locked.compose(ok -> each(conn, dispense, 0));
  }

  private Future<Void> each(SqlConnection conn, Dispense dispense, int i) {
    if (i == dispense.request().lines().size()) {
      return Future.succeededFuture();
    }
    DispenseRequest.Line line = dispense.request().lines().get(i);
    return prescription(conn, dispense, line)
        .compose(ok -> allergies(conn, dispense, line))
        .compose(ok -> each(conn, dispense, i + 1));
  }

  private Future<Void> prescription(SqlConnection conn, Dispense dispense, DispenseRequest.Line line) {
    if (line.prescriptionId() == null) {
      return Future.succeededFuture();
    }
    BigDecimal wanted = dispense.quantities().get(line.itemId());
    return conn.preparedQuery(Dispensing.SQL.get("prescription_line")).execute(Tuple.of(line.prescriptionId(), line.itemId()))
        .compose(rows -> {
          String field = line.field("prescriptionId");
          if (rows.size() == 0) {
            return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "unknown_prescription", Map.of(), field));
          }
          Row r = rows.iterator().next();
          if (!r.getUUID("patient_id").equals(dispense.request().patientId())) {
            return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "prescription_of_another_patient", Map.of(), field));
          }
          if (!"active".equals(r.getString("status"))) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "prescription_not_active",
                Map.of("status", r.getString("status")), field));
          }
          if (!r.getBoolean("matches")) {
            return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "item_not_prescribed",
                Map.of("drug", r.getString("drug_name")), line.field("itemId")));
          }
          BigDecimal left = left(r);
          if (left != null && left.signum() <= 0 || left == null && r.getInteger("fills") >= r.getInteger("fills_allowed")) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "prescription_dispensed_in_full", Map.of(), field));
          }
          if (left != null && wanted.compareTo(left) > 0) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "exceeds_prescription",
                Map.of("remaining", Quantities.json(left).toPlainString()), line.field("quantity")));
          }
          return conn.preparedQuery(Dispensing.SQL.get("record_fill"))
              .execute(Tuple.of(line.prescriptionId(), Quantities.sql(wanted))).mapEmpty();
        });
  }

  /**
   * What one dispense may still give: what the prescription authorises less what went out, and never more than
   * one fill (its quantity) at a time; null when the prescription names no quantity (then counted in fills).
   */
  static BigDecimal left(Row r) {
    BigDecimal authorised = r.getBigDecimal("authorised");
    if (authorised == null) {
      return null;
    }
    BigDecimal left = authorised.subtract(r.getBigDecimal("dispensed"));
    BigDecimal fill = BigDecimal.valueOf(r.getInteger("quantity"));
    return left.min(fill);
  }

  private Future<Void> allergies(SqlConnection conn, Dispense dispense, DispenseRequest.Line line) {
    UUID patient = dispense.request().patientId();
    if (patient == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(Dispensing.SQL.get("allergy_conflicts")).execute(Tuple.of(patient, line.itemId()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture();
          }
          List<UUID> ids = new ArrayList<>();
          List<String> substances = new ArrayList<>();
          JsonArray allergies = new JsonArray();
          for (Row a : rows) {
            ids.add(a.getUUID("id"));
            substances.add(a.getString("substance"));
            allergies.add(new JsonObject().put("id", a.getUUID("id").toString()).put("substance", a.getString("substance"))
                .put("severity", a.getString("severity")));
          }
          Row item = dispense.items().get(line.itemId());
          if (line.allergyOverrideReason() == null) {
            return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "dispense_allergy_conflict",
                Map.of("drug", item.getString("ar".equals(dispense.locale()) ? "generic_name_ar" : "generic_name_en"), "substances", String.join(", ", substances)),
                line.field("allergyOverrideReason")).withExtensions(new JsonObject().put("allergies", allergies)));
          }
          return conn.preparedQuery(Dispensing.SQL.get("insert_override")).execute(Tuple.from(new Object[] {
              dispense.id(), line.itemId(), patient, ids.toArray(UUID[]::new), String.join(", ", substances),
              line.allergyOverrideReason(), dispense.actor()})).mapEmpty();
        });
  }
}
