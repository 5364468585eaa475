package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read or write a patient's clinical record, decided in the handler (the database's row-level
 * security decides it again from its own facts). Doctors read and write for patients in their care
 * (an appointment or an encounter with them); a doctor outside it reads only with an emergency reason,
 * which is kept and flagged in the audit (break the glass); the patient, and a family member the
 * patient gave {@code medical_records.read}, read the signed record. Everyone else: 404 as for a
 * record that does not exist, or 403 {@code scope_not_granted} for a linked family member.
 */
final class ClinicalAccess {
  static final String READ_CARE = "clinical.read.care";
  static final String WRITE_CARE = "clinical.write.care";
  static final String BREAK_GLASS = "clinical.break_glass";
  static final String READ_OWN = "medical_records.read.own";

  /** How the record is read: which parts show, and what the audit row says. */
  enum Reader {
    CLINICIAN, EMERGENCY, OWN;

    boolean signedOnly() {
      return this == OWN;
    }

    String code() {
      return name().toLowerCase();
    }
  }

  /** An encounter locked for a write by its own doctor. */
  record EncounterForWrite(UUID id, UUID patientId, String status) {
  }

  private ClinicalAccess() {
  }

  /** The patient's own side: the patient themself, or family with the medical_records.read scope. */
  static boolean ownSide(Principal principal, UUID patientId) {
    if (!principal.has(READ_OWN)) {
      return false;
    }
    return principal.patientId().map(patientId::equals).orElse(false)
        || principal.family().getOrDefault(patientId, Set.of()).contains("medical_records.read");
  }

  static Future<Reader> reader(SqlConnection conn, Principal principal, UUID patientId, String emergencyReason, Problem hidden) {
    boolean clinician = principal.has(READ_CARE) || principal.has(BREAK_GLASS);
    if (!clinician) {
      if (ownSide(principal, patientId)) {
        return Future.succeededFuture(Reader.OWN);
      }
      throw Access.refusal(principal, patientId, "medical_records", "read", hidden);
    }
    return ClinicalStore.caresFor(conn, patientId).compose(care -> {
      if (!care.patientExists()) {
        throw hidden;
      }
      if (care.cares() && principal.has(READ_CARE)) {
        return Future.succeededFuture(Reader.CLINICIAN);
      }
      if (principal.has(BREAK_GLASS) && emergencyReason != null && !emergencyReason.isBlank()) {
        String reason = emergencyReason.strip();
        if (reason.length() < 10) {
          throw Problem.invalid("emergency_reason_too_short", "emergencyReason", Map.of("min", 10));
        }
        return ClinicalStore.run(conn, "break_glass", patientId, reason).map(Reader.EMERGENCY);
      }
      if (ownSide(principal, patientId)) {
        return Future.succeededFuture(Reader.OWN);
      }
      throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of(), "emergencyReason");
    });
  }

  /** The audit row of a read: what, as whom, and the emergency reason when the glass was broken. */
  static Future<Void> audit(SqlConnection conn, String entityType, UUID entityId, UUID patientId, Reader reader,
                            String operation, String emergencyReason) {
    JsonObject what = new JsonObject().put("operation", operation).put("reader", reader.code());
    if (reader == Reader.EMERGENCY) {
      what.put("breakGlass", true).put("reason", emergencyReason.strip());
    }
    return ClinicalStore.auditRead(conn, entityType, entityId, patientId, reader == Reader.EMERGENCY, what);
  }

  /** Passes for a doctor with the patient in their care; 404 for an unknown patient, 403 {@code not_in_care} otherwise. */
  static Future<Void> writer(SqlConnection conn, Principal principal, UUID patientId) {
    Access.requireAny(principal, WRITE_CARE);
    return ClinicalStore.caresFor(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
      }
      if (!care.cares()) {
        throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
      }
      return null;
    });
  }

  /**
   * The encounter, locked, for a write by its own doctor: 404 when the caller may not see it,
   * 403 {@code encounter_of_another_doctor}, and 409 {@code encounter_closed} when it must be open and is not.
   */
  static Future<EncounterForWrite> encounterForWrite(SqlConnection conn, Principal principal, UUID encounterId, boolean open) {
    Access.requireAny(principal, WRITE_CARE);
    return ClinicalStore.first(conn, "encounter_for_update", encounterId).map(found -> {
      Row row = found.orElseThrow(() -> ClinicalFailures.encounterNotFound(encounterId));
      if (!principal.userId().equals(row.getUUID("doctor_user_id"))) {
        throw new Problem(ProblemKind.FORBIDDEN, "encounter_of_another_doctor", Map.of());
      }
      String status = row.getString("status");
      if (open && !"in_progress".equals(status)) {
        throw new Problem(ProblemKind.CONFLICT, "encounter_closed", Map.of("status", status, "reasonKey", "encounter_status." + status));
      }
      return new EncounterForWrite(encounterId, row.getUUID("patient_id"), status);
    });
  }
}
