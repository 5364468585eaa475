package io.moeen.identity.admin;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlRefusal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What every administration handler needs from a request, and the conflicts its statements' refusals mean. */
final class AdminRequests {
  private AdminRequests() {
  }

  /** Who acts, for the session context the audit triggers and RLS policies read. */
  static SessionContext.Actor actor(RequestEnvelope request) {
    return new SessionContext.Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  static UUID uuidParam(RequestEnvelope request, String name) {
    return UUID.fromString(request.param(name));
  }

  /** The contract does not apply parameter defaults: applied here. */
  static int limit(RequestEnvelope request, int fallback) {
    String value = request.param("limit");
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** Tuple.of refuses nothing, but a list reads better with many nullable filters. */
  static Tuple tuple(Object... values) {
    return Tuple.from(Arrays.asList(values));
  }

  static Optional<Row> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
  }

  static Problem conflict(String code, Map<String, ?> args) {
    return new Problem(ProblemKind.CONFLICT, code, args);
  }

  /** A table for one statement: its refusal, by whichever constraint, is the conflict it means there. */
  static ConstraintProblems conflictOn(SqlRefusal refusal, String code, Map<String, ?> args) {
    return ConstraintProblems.table().on(refusal, () -> conflict(code, args));
  }
}
