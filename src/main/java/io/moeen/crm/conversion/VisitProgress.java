package io.moeen.crm.conversion;

import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.crm.leads.LeadEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The visits move leads on: a booking for the patient a lead belongs to (converted to it, or with
 * the patient's phone or e-mail) moves it to {@code booked}; the first completed visit to
 * {@code converted}. Each move is a {@code status_change} activity and a {@code crm.leads.status_changed}
 * event after commit.
 */
final class VisitProgress {
  private static final Set<String> BEFORE_BOOKED = Set.of("new", "contacted", "qualified");

  private final Pool pool;
  private final SqlStatements sql;
  private final LeadEvents events;
  private final Clock clock;

  VisitProgress(Pool pool, SqlStatements sql, LeadEvents events, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.events = events;
    this.clock = clock;
  }

  Future<Void> booked(JsonObject appointment) {
    return move(UUID.fromString(appointment.getString("patientId")), appointment.getString("id"), "booked");
  }

  Future<Void> statusChanged(JsonObject change) {
    if (!"completed".equals(change.getString("to"))) {
      return Future.succeededFuture();
    }
    return move(UUID.fromString(change.getString("patientId")), change.getString("appointmentId"), "converted");
  }

  private Future<Void> move(UUID patientId, String appointmentId, String to) {
    LeadEvents.Batch batch = new LeadEvents.Batch();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return SessionContext.inTransaction(pool, Actor.system("crm-visit-" + appointmentId), conn -> conn
        .preparedQuery(sql.get("leads_of_patient")).execute(Tuple.of(patientId))
        .compose(rows -> {
          List<Row> leads = new ArrayList<>();
          rows.forEach(leads::add);
          Future<Void> chain = Future.succeededFuture();
          for (Row lead : leads) {
            chain = chain.compose(x -> step(conn, lead, patientId, appointmentId, to, now, batch));
          }
          return chain;
        }))
        .onSuccess(done -> events.publish(batch));
  }

  private Future<Void> step(SqlConnection conn, Row lead, UUID patientId, String appointmentId, String to,
                            OffsetDateTime now, LeadEvents.Batch batch) {
    UUID id = lead.getUUID("id");
    String from = lead.getString("status");
    boolean moves = "converted".equals(to) || BEFORE_BOOKED.contains(from);
    if (!moves) {
      // a second booking for a lead already booked only links it
      return conn.preparedQuery(sql.get("link_only")).execute(Tuple.of(id, patientId)).mapEmpty();
    }
    JsonObject details = new JsonObject().put("event", "converted".equals(to) ? "visit_completed" : "appointment_booked")
        .put("appointmentId", appointmentId).put("patientId", patientId.toString());
    return conn.preparedQuery(sql.get("move_lead")).execute(Tuple.of(id, patientId, to, now))
        .compose(x -> conn.preparedQuery(sql.get("status_activity")).execute(Tuple.of(id, from, to, details, now)))
        .onSuccess(x -> batch.statusChanged(id, from, to))
        .mapEmpty();
  }
}
