package io.moeen.crm.conversion;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A lead becomes a patient: linked to the patient named (staff who may see patients), else to the
 * patient with its phone or e-mail, else a new patient record made from its name and contact. The
 * pipeline status is left to the visits (see {@link VisitProgress}).
 */
final class LeadConversion {
  private final Pool pool;
  private final SqlStatements sql;
  private final Clock clock;

  LeadConversion(Pool pool, SqlStatements sql, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.clock = clock;
  }

  Future<JsonObject> convert(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "leads.write");
    UUID leadId = UUID.fromString(request.param("id"));
    JsonObject body = request.body() instanceof JsonObject json ? json : new JsonObject();
    String explicit = body.getString("patientId");
    Actor actor = new Actor(principal, request.requestId(), request.clientIp());
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(sql.get("lead_for_conversion"))
        .execute(Tuple.of(leadId))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("lead_not_found", Map.of("id", leadId.toString()));
          }
          Row lead = rows.iterator().next();
          String status = lead.getString("status");
          if (lead.getUUID("merged_into_id") != null || "converted".equals(status) || "lost".equals(status)) {
            throw new Problem(ProblemKind.CONFLICT, "lead_closed",
                Map.of("status", lead.getUUID("merged_into_id") != null ? "merged" : status));
          }
          UUID already = lead.getUUID("converted_patient_id");
          if (explicit == null && already != null) {
            return Future.succeededFuture(answer(leadId, already, false, status));
          }
          Future<Link> link = explicit != null ? named(conn, UUID.fromString(explicit))
              : byContactOrNew(conn, lead, body, principal.userId());
          return link.compose(l -> conn.preparedQuery(sql.get("link_patient")).execute(Tuple.of(leadId, l.patientId(), now))
              .compose(x -> conn.preparedQuery(sql.get("system_activity")).execute(Tuple.of(leadId,
                  new JsonObject().put("event", l.created() ? "patient_created" : "patient_linked")
                      .put("patientId", l.patientId().toString()), principal.userId(), now)))
              .map(x -> answer(leadId, l.patientId(), l.created(), status)));
        }));
  }

  private record Link(UUID patientId, boolean created) {
  }

  private Future<Link> named(SqlConnection conn, UUID patientId) {
    return conn.preparedQuery(sql.get("visible_patient")).execute(Tuple.of(patientId)).map(rows -> {
      if (rows.size() == 0) {
        throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
      }
      return new Link(patientId, false);
    });
  }

  private Future<Link> byContactOrNew(SqlConnection conn, Row lead, JsonObject body, UUID by) {
    return conn.preparedQuery(sql.get("patient_by_contact")).execute(Tuple.of(lead.getString("phone"), lead.getString("email")))
        .compose(rows -> {
          UUID existing = rows.iterator().next().getUUID("patient_id");
          if (existing != null) {
            return Future.succeededFuture(new Link(existing, false));
          }
          String name = lead.getString("full_name").strip();
          boolean arabic = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
          String nameAr = body.getString("nameAr", arabic ? name : null);
          String nameEn = body.getString("nameEn", arabic ? null : name);
          return conn.preparedQuery(sql.get("create_patient")).execute(Tuple.of(lead.getUUID("id"), nameAr, nameEn, by))
              .map(created -> new Link(created.iterator().next().getUUID("patient_id"), true));
        });
  }

  private static JsonObject answer(UUID leadId, UUID patientId, boolean created, String status) {
    return new JsonObject().put("leadId", leadId.toString()).put("patientId", patientId.toString())
        .put("patientCreated", created).put("status", status);
  }
}
