package io.moeen.crm.assignment;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A supervisor gives a lead to another marketer: the lead's timeline records it (a {@code system}
 * activity with from and to) and the new owner gets an in-app {@code lead_assigned} notice.
 */
final class Reassignment {
  private final Pool pool;
  private final Clock clock;

  Reassignment(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  Future<JsonObject> reassign(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "leads.assign");
    UUID leadId = UUID.fromString(request.param("id"));
    UUID owner = UUID.fromString(request.bodyAsObject().getString("ownerId"));
    Instant now = clock.instant();
    return SessionContext.inTransaction(pool, Marketers.actor(request, principal), conn -> conn
        .preparedQuery(MarketerRotation.SQL.get("lead_for_reassign")).execute(Tuple.of(leadId))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("lead_not_found", Map.of("id", leadId.toString()));
          }
          Row lead = rows.iterator().next();
          return Marketers.holds(conn, owner, "leads.write").compose(isMarketer -> {
            if (!isMarketer) {
              throw new Problem(ProblemKind.UNPROCESSABLE, "unknown_owner", Map.of("id", owner.toString()), "ownerId");
            }
            UUID previous = lead.getUUID("owner_id");
            JsonObject answer = new JsonObject().put("leadId", leadId.toString()).put("ownerId", owner.toString())
                .put("previousOwnerId", previous == null ? null : previous.toString());
            if (Objects.equals(previous, owner)) {
              return Future.succeededFuture(answer);
            }
            JsonObject details = new JsonObject().put("event", "reassigned")
                .put("from", previous == null ? null : previous.toString()).put("to", owner.toString());
            String phone = lead.getString("phone");
            JsonObject payload = new JsonObject().put("leadId", leadId.toString())
                .put("leadName", lead.getString("full_name"))
                .put("leadPhone", phone != null ? phone : lead.getString("email"));
            return conn.preparedQuery(MarketerRotation.SQL.get("set_owner"))
                .execute(Tuple.of(leadId, owner, now.atOffset(ZoneOffset.UTC)))
                .compose(x -> conn.preparedQuery(MarketerRotation.SQL.get("reassigned_activity"))
                    .execute(Tuple.of(leadId, details, principal.userId(), now.atOffset(ZoneOffset.UTC))))
                .compose(x -> conn.preparedQuery(MarketerRotation.SQL.get("notify_assigned"))
                    .execute(Tuple.of(owner, payload, "lead:" + leadId + ":reassigned:" + owner + ":" + now.toEpochMilli())))
                .map(x -> answer);
          });
        }));
  }
}
