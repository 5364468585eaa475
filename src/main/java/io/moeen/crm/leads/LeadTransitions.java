package io.moeen.crm.leads;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.crm.activities.ActivityLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Moves along the pipeline ({@link LeadPipeline}); each is a status_change activity and, after commit, an event. */
public final class LeadTransitions {
  private final LeadStore store;
  private final LeadEvents events;
  private final Clock clock;

  public LeadTransitions(LeadStore store, LeadEvents events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  public Future<Reply> transition(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    LeadEvents.Batch batch = new LeadEvents.Batch();
    Instant now = clock.instant();
    return store.as(StaffLeads.actor(request, principal), conn -> store.lock(conn, id)
            .compose(lead -> {
              LeadVersion.require(request.param("If-Match"), lead.getInteger("version"));
              return move(conn, id, lead.getString("status"), body.getString("to"), body.getString("reason"),
                  body.getString("note"), principal.userId(), now, batch);
            })
            .compose(version -> store.view(conn, id)))
        .onSuccess(done -> events.publish(batch))
        .map(StaffLeads::reply);
  }

  /**
   * One move of a lead already locked in {@code conn} (for conversion and bookings too): checked,
   * written, recorded on the timeline, rescored; the event goes into {@code batch}.
   */
  public Future<Integer> move(SqlConnection conn, UUID id, String from, String to, String reason, String note,
                              UUID by, Instant now, LeadEvents.Batch batch) {
    LeadPipeline.check(from, to, reason);
    String why = "lost".equals(to) ? reason.strip() : null;
    JsonObject details = new JsonObject();
    if (why != null) {
      details.put("reason", why);
    }
    if ("lost".equals(from)) {
      details.put("reopened", true);
    }
    return store.setStatus(conn, id, to, why, LeadPipeline.contacts(from, to), now)
        .compose(version -> ActivityLog.record(conn, ActivityLog.Entry.statusChange(id, from, to,
                note == null || note.isBlank() ? null : note.strip(), details, by), now)
            .compose(done -> LeadScoring.refresh(conn, id, now))
            .map(done -> {
              batch.statusChanged(id, from, to);
              return version;
            }));
  }
}
