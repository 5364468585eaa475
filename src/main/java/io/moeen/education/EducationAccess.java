package io.moeen.education;

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
 * Who may do what with educational material, decided here and again by the row-level security
 * (db/changes/054-education.sql). Doctors read the library, write materials and give them to the patients in
 * their care (an appointment or an encounter); the admin manages everything; the patient, and a family member
 * given {@code medical_records.read}, read what was given to them and mark it read. Anyone else: 404 as for an
 * unknown patient (403 {@code scope_not_granted} for a linked family member without the scope, 403
 * {@code not_in_care} for a doctor outside the patient's care). Marketers hold none of these permissions.
 */
final class EducationAccess {
  static final String READ = "education.read";
  static final String WRITE = "education.write";
  static final String MANAGE = "education.manage";
  static final String READ_OWN = "medical_records.read.own";

  /** What the database says of the caller and the patient. */
  record Care(boolean reads, boolean writes, boolean patientExists) {
  }

  private EducationAccess() {
  }

  static Problem patientNotFound(UUID patientId) {
    return Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
  }

  static boolean staff(Principal principal) {
    return principal.has(READ) || principal.has(MANAGE);
  }

  /** The patient's own side: the patient themself, or family with the medical_records.read scope. */
  static boolean ownSide(Principal principal, UUID patientId) {
    if (!principal.has(READ_OWN)) {
      return false;
    }
    return principal.patientId().map(patientId::equals).orElse(false)
        || principal.family().getOrDefault(patientId, Set.of()).contains("medical_records.read");
  }

  static Future<Care> care(SqlConnection conn, UUID patientId) {
    return EducationStore.first(conn, "care", patientId).map(row -> row
        .map(r -> new Care(r.getBoolean("reads"), r.getBoolean("writes"), r.getBoolean("patient_exists")))
        .orElse(new Care(false, false, false)));
  }

  /** Reads the patient's assignments: a doctor caring for them, the admin, or their own side. */
  static Future<Void> reader(SqlConnection conn, Principal principal, UUID patientId) {
    if (!staff(principal)) {
      if (ownSide(principal, patientId)) {
        return Future.succeededFuture();
      }
      throw Access.refusal(principal, patientId, "medical_records", "read", patientNotFound(patientId));
    }
    return care(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw patientNotFound(patientId);
      }
      if (care.reads() || ownSide(principal, patientId)) {
        return null;
      }
      throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
    });
  }

  /** Gives material to the patient: a doctor caring for them, or the admin. */
  static Future<Void> assigner(SqlConnection conn, Principal principal, UUID patientId) {
    Access.requireAny(principal, WRITE, MANAGE);
    return care(conn, patientId).map(care -> {
      if (!care.patientExists()) {
        throw patientNotFound(patientId);
      }
      if (!care.writes()) {
        throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
      }
      return null;
    });
  }

  /** Marks the patient's material read: their own side only. */
  static void ownReader(Principal principal, UUID patientId) {
    if (!ownSide(principal, patientId)) {
      throw Access.refusal(principal, patientId, "medical_records", "read", patientNotFound(patientId));
    }
  }
}
