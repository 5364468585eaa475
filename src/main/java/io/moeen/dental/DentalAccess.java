package io.moeen.dental;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read or write a patient's dental record, decided here and again by the row-level security
 * (db/changes/050-dental-chart.sql). Dentists (doctors) read and write for patients in their care
 * (an appointment or an encounter with them); a dental assistant reads and updates the chart of the
 * patients of the dentists it works under; the patient, and a family member given
 * {@code medical_records.read}, read their own. Anyone else: 404 as for an unknown patient (403
 * {@code scope_not_granted} for a linked family member without the scope, 403 {@code not_in_care} for
 * a clinician outside the patient's care). Marketers hold none of these permissions.
 */
public final class DentalAccess {
  public static final String READ_CARE = "clinical.read.care";
  public static final String WRITE_CARE = "clinical.write.care";
  public static final String ASSIST = "dental.chart.assist";
  public static final String READ_OWN = "medical_records.read.own";

  /** How the caller reads: as a clinician (dentist or assistant) or as the patient's own side. */
  public enum Reader { CLINICIAN, OWN }

  /** What the database says of the caller and the patient. */
  public record Care(boolean reads, boolean writes, boolean assists, boolean patientExists, boolean adult) {
  }

  private DentalAccess() {
  }

  public static Problem patientNotFound(UUID patientId) {
    return Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
  }

  /** The patient's own side: the patient themself, or family with the medical_records.read scope. */
  public static boolean ownSide(Principal principal, UUID patientId) {
    if (!principal.has(READ_OWN)) {
      return false;
    }
    return principal.patientId().map(patientId::equals).orElse(false)
        || principal.family().getOrDefault(patientId, Set.of()).contains("medical_records.read");
  }

  public static Future<Care> care(SqlConnection conn, UUID patientId) {
    return DentalStore.first(conn, "dental_care", patientId).map(row -> row
        .map(r -> new Care(r.getBoolean("reads"), r.getBoolean("writes"), r.getBoolean("assists"),
            r.getBoolean("patient_exists"), r.getBoolean("adult")))
        .orElse(new Care(false, false, false, false, true)));
  }

  public static Future<Reader> reader(SqlConnection conn, Principal principal, UUID patientId) {
    boolean clinician = principal.has(READ_CARE) || principal.has(ASSIST);
    if (!clinician) {
      if (ownSide(principal, patientId)) {
        return Future.succeededFuture(Reader.OWN);
      }
      throw Access.refusal(principal, patientId, "medical_records", "read", patientNotFound(patientId));
    }
    return care(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw patientNotFound(patientId);
      }
      if (care.reads() && principal.has(READ_CARE) || care.assists() && principal.has(ASSIST)) {
        return Reader.CLINICIAN;
      }
      if (ownSide(principal, patientId)) {
        return Reader.OWN;
      }
      throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
    });
  }

  /** A dentist caring for the patient, or an assistant of one: passes with what the database knows of the patient. */
  public static Future<Care> chartWriter(SqlConnection conn, Principal principal, UUID patientId) {
    Access.requireAny(principal, WRITE_CARE, ASSIST);
    return care(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw patientNotFound(patientId);
      }
      if (!(care.writes() && principal.has(WRITE_CARE) || care.assists() && principal.has(ASSIST))) {
        throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
      }
      return care;
    });
  }

  /** A dentist caring for the patient (records of treatment are the dentist's own, not the assistant's). */
  public static Future<Care> recordWriter(SqlConnection conn, Principal principal, UUID patientId) {
    Access.requireAny(principal, WRITE_CARE);
    return care(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw patientNotFound(patientId);
      }
      if (!care.writes()) {
        throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
      }
      return care;
    });
  }
}
