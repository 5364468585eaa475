package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * After the visit: a prescription completed, stopped or entered in error; a diagnosis resolved (with its
 * abatement date) or entered in error; an observation entered in error. Never a delete and never another
 * change. Any doctor with the patient in care may do it (403 {@code not_in_care} otherwise, 404 for an id
 * that is not a record); a move the rules do not allow is 409 {@code illegal_status_transition}. The same
 * rules are enforced by the trigger {@code clinical_status_transition} (059), and the tables' audit trigger
 * records each change with who made it.
 */
final class StatusChanges {
  static final int MIN_REASON = 5;

  /** One kind of record: its table, its status column, the statuses it may go to from each, and its 404. */
  enum Kind {
    PRESCRIPTION("prescriptions", "status", "prescription_not_found", "change_prescription_status",
        Map.of("active", Set.of("completed", "stopped", "entered_in_error"),
            "completed", Set.of("entered_in_error"), "stopped", Set.of("entered_in_error"))),
    DIAGNOSIS("diagnoses", "clinicalStatus", "diagnosis_not_found", "change_diagnosis_status",
        Map.of("active", Set.of("resolved", "entered_in_error"), "resolved", Set.of("entered_in_error"))),
    OBSERVATION("observations", "status", "observation_not_found", "change_observation_status",
        Map.of("final", Set.of("entered_in_error")));

    final String table;
    final String field;
    final String notFound;
    final String statement;
    final Map<String, Set<String>> moves;

    Kind(String table, String field, String notFound, String statement, Map<String, Set<String>> moves) {
      this.table = table;
      this.field = field;
      this.notFound = notFound;
      this.statement = statement;
      this.moves = moves;
    }

    boolean allows(String from, String to) {
      return moves.getOrDefault(from, Set.of()).contains(to);
    }
  }

  private final ClinicalStore store;
  private final Clock clock;
  private final ZoneId zone;

  StatusChanges(ClinicalStore store, Clock clock, ZoneId zone) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  Future<JsonObject> prescription(RequestEnvelope request) {
    return change(request, Kind.PRESCRIPTION);
  }

  Future<JsonObject> diagnosis(RequestEnvelope request) {
    return change(request, Kind.DIAGNOSIS);
  }

  Future<JsonObject> observation(RequestEnvelope request) {
    return change(request, Kind.OBSERVATION);
  }

  private Future<JsonObject> change(RequestEnvelope request, Kind kind) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, ClinicalAccess.WRITE_CARE);
    UUID id = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String to = ClinicalInput.required(body, kind.field);
    String reason = ClinicalInput.text(body, "reason");
    if ("entered_in_error".equals(to) && reason == null) {
      throw Problem.invalid("status_reason_required", "reason", Map.of("min", MIN_REASON));
    }
    if (reason != null && reason.length() < MIN_REASON) {
      throw Problem.invalid("status_reason_too_short", "reason", Map.of("min", MIN_REASON));
    }
    LocalDate resolved = kind == Kind.DIAGNOSIS ? ClinicalInput.date(body, "resolvedDate") : null;
    if (resolved != null && !"resolved".equals(to)) {
      throw Problem.invalid("resolved_date_needs_resolved", "resolvedDate", Map.of());
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (resolved != null && resolved.isAfter(today)) {
      throw Problem.invalid("resolved_date_in_future", "resolvedDate", Map.of("today", today.toString()));
    }
    LocalDate abatement = "resolved".equals(to) && resolved == null ? today : resolved;
    Problem missing = Problem.notFound(kind.notFound, Map.of("id", id.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.first(conn, "record_patient_unfiltered", kind.table, id)
        .compose(row -> {
          UUID patientId = row.map(r -> r.getUUID("patient_id")).orElse(null);
          if (patientId == null) {
            throw missing;
          }
          return ClinicalAccess.writer(conn, principal, patientId);
        })
        .compose(inCare -> current(conn, kind, id, missing))
        .compose(from -> {
          if (!kind.allows(from, to)) {
            throw new Problem(ProblemKind.CONFLICT, "illegal_status_transition", Map.of("from", from, "to", to,
                "reasonKey", "record_status." + from), kind.field);
          }
          return kind == Kind.DIAGNOSIS
              ? ClinicalStore.object(conn, kind.statement, id, to, reason, abatement)
              : ClinicalStore.object(conn, kind.statement, id, to, reason);
        }));
  }

  /** The record's status, its row locked so that two changes at once are decided one after the other. */
  private static Future<String> current(SqlConnection conn, Kind kind, UUID id, Problem missing) {
    return ClinicalStore.first(conn, "lock_" + kind.table, id)
        .map(row -> row.map(r -> r.getString("status")).orElseThrow(() -> missing));
  }
}
