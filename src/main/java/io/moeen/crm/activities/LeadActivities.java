package io.moeen.crm.activities;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.leads.LeadScoring;
import io.moeen.crm.leads.LeadStore;
import io.moeen.crm.leads.StaffLeads;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A lead's timeline: log what was done, set and complete tasks, read it newest first. */
public final class LeadActivities {
  static final int DEFAULT_LIMIT = 20;

  private final LeadStore store;
  private final Clock clock;

  public LeadActivities(LeadStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Future<Reply> add(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID leadId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String type = body.getString("type");
    Instant due = body.getString("dueAt") == null ? null : parseInstant(body.getString("dueAt"));
    if ("task".equals(type) && due == null) {
      throw Problem.invalid("task_due_required", "dueAt", Map.of());
    }
    Instant now = clock.instant();
    ActivityLog.Entry entry = new ActivityLog.Entry(leadId, type, body.getString("body"), "task".equals(type) ? due : null,
        null, body.getString("outcome"), null, null, new JsonObject(), principal.userId());
    return store.as(StaffLeads.actor(request, principal), conn -> store.lock(conn, leadId)
            .compose(lead -> record(conn, lead, entry, now)))
        .map(row -> Reply.of(ActivityLog.json(row)));
  }

  /** The activities that reach the person: logging one is the lead's first contact if it had none. */
  static final java.util.Set<String> CONTACTS = java.util.Set.of("call", "whatsapp", "sms", "email", "meeting");

  /** Writes the activity on a locked lead, touches and rescores it, and reminds the owner of a task when due. */
  public Future<Row> record(SqlConnection conn, Row lead, ActivityLog.Entry entry, Instant now) {
    UUID leadId = lead.getUUID("id");
    return ActivityLog.record(conn, entry, now)
        .compose(activity -> ("task".equals(entry.type()) ? Future.<Void>succeededFuture()
            : CONTACTS.contains(entry.type()) ? store.touchContacted(conn, leadId, now) : store.touch(conn, leadId, now))
            .compose(done -> remind(conn, lead, activity))
            .compose(done -> LeadScoring.refresh(conn, leadId, now))
            .map(done -> activity));
  }

  private Future<Void> remind(SqlConnection conn, Row lead, Row activity) {
    UUID owner = lead.getUUID("owner_id");
    if (!"task".equals(activity.getString("type")) || owner == null) {
      return Future.succeededFuture();
    }
    Instant due = activity.getOffsetDateTime("due_at").toInstant();
    JsonObject payload = new JsonObject().put("leadId", lead.getUUID("id").toString())
        .put("leadName", lead.getString("full_name")).put("leadPhone", lead.getString("phone") == null ? ""
            : lead.getString("phone")).put("dueAt", due.toString()).put("activityId", activity.getUUID("id").toString());
    return store.notifyUser(conn, owner, "lead_follow_up_due", payload, due,
        "lead:" + lead.getUUID("id") + ":task:" + activity.getUUID("id"));
  }

  public Future<Reply> complete(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID leadId = UUID.fromString(request.param("id"));
    UUID activityId = UUID.fromString(request.param("activityId"));
    String outcome = request.bodyAsObject().getString("outcome");
    Instant now = clock.instant();
    return store.as(StaffLeads.actor(request, principal), conn -> store.lock(conn, leadId)
            .compose(lead -> ActivityLog.lockTask(conn, activityId, leadId))
            .compose(task -> {
              if (task == null) {
                throw Problem.notFound("activity_not_found", Map.of("id", activityId.toString()));
              }
              if (!"task".equals(task.getString("type"))) {
                throw new Problem(ProblemKind.CONFLICT, "not_a_task", Map.of());
              }
              if (task.getOffsetDateTime("done_at") != null) {
                throw new Problem(ProblemKind.CONFLICT, "task_already_done", Map.of());
              }
              return ActivityLog.complete(conn, activityId, now, outcome);
            })
            .compose(done -> store.touch(conn, leadId, now)
                .compose(touched -> LeadScoring.refresh(conn, leadId, now))
                .map(scored -> done)))
        .map(row -> Reply.of(ActivityLog.json(row)));
  }

  public Future<Reply> timeline(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID leadId = UUID.fromString(request.param("id"));
    int limit = request.param("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(request.param("limit"));
    String[] after = decode(request.param("cursor"));
    return store.as(StaffLeads.actor(request, principal), conn -> store.find(conn, leadId)
            .compose(lead -> ActivityLog.timeline(conn, leadId, after == null ? null : Instant.parse(after[0]),
                after == null ? null : UUID.fromString(after[1]), limit + 1)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          String next = null;
          for (Row row : rows) {
            if (items.size() == limit) {
              break;
            }
            items.add(ActivityLog.json(row));
            next = encode(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id"));
          }
          return Reply.of(new JsonObject().put("items", items).put("nextCursor", rows.size() > limit ? next : null));
        });
  }

  private static Instant parseInstant(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_instant", "dueAt", Map.of("value", text));
    }
  }

  private static String encode(Instant at, UUID id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      Instant.parse(parts[0]);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_cursor", "cursor", Map.of());
    }
  }
}
