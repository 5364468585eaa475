package io.moeen.crm.activities;

import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.leads.CaptureRequest;
import io.moeen.crm.leads.LeadCapture;
import io.moeen.crm.leads.LeadContact;
import io.moeen.crm.leads.LeadStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * {@code crm.tasks.create}, for the chatbot and other features: a follow-up task on a lead, for its
 * owner. Without a lead id, the lead is found by phone (or by patient) and, for an unknown phone,
 * captured first, so the task always sits on a timeline. A lead without an owner is the reception
 * queue: unassigned leads are visible to every marketer ({@code assigneeId} null).
 */
public final class CrmTasks {
  private final LeadStore store;
  private final LeadCapture capture;
  private final LeadActivities activities;
  private final Clock clock;

  public CrmTasks(LeadStore store, LeadCapture capture, LeadActivities activities, Clock clock) {
    this.store = store;
    this.capture = capture;
    this.activities = activities;
    this.clock = clock;
  }

  public Future<JsonObject> create(JsonObject json) {
    String body = json.getString("body");
    if (body == null || body.isBlank() || body.length() > 4000) {
      throw Problem.invalid("text_too_long", "body", Map.of("max", 4000));
    }
    Instant now = clock.instant();
    Instant due = json.getString("dueAt") == null ? now : instant(json.getString("dueAt"));
    Actor system = Actor.system(json.getString("requestId"));
    return leadFor(json, system)
        .compose(leadId -> store.as(system, conn -> store.lock(conn, leadId)
            .compose(lead -> activities.record(conn, lead, new ActivityLog.Entry(leadId, "task", body.strip(), due,
                    null, null, null, null, new JsonObject().put("via", "bus"), null), now)
                .map(activity -> new JsonObject().put("activityId", activity.getUUID("id").toString())
                    .put("leadId", leadId.toString())
                    .put("assigneeId", lead.getUUID("owner_id") == null ? null : lead.getUUID("owner_id").toString())))));
  }

  private Future<UUID> leadFor(JsonObject json, Actor system) {
    if (json.getString("leadId") != null) {
      return Future.succeededFuture(uuid(json.getString("leadId"), "leadId"));
    }
    String phone = LeadContact.phone(json.getString("phone"));
    if (phone != null) {
      LeadContact contact = new LeadContact(phone, null);
      return store.as(system, conn -> store.openLeadByContact(conn, contact)
              .compose(open -> open != null ? Future.succeededFuture(new Object[] {open.getUUID("id"), null})
                  : store.whatsappProfileName(conn, phone).map(name -> new Object[] {null, name})))
          .compose(found -> found[0] != null ? Future.succeededFuture((UUID) found[0])
              : capture.capture(CaptureRequest.fromJson(new JsonObject()
                      .put("fullName", found[1] == null ? phone : found[1]).put("phone", phone)
                      .put("source", found[1] == null ? "phone_call" : "whatsapp")
                      .put("requestId", json.getString("requestId"))))
                  .map(LeadCapture.Captured::leadId));
    }
    if (json.getString("patientId") != null) {
      UUID patientId = uuid(json.getString("patientId"), "patientId");
      return store.as(system, conn -> store.openLeadOfPatient(conn, patientId)).map(id -> {
        if (id == null) {
          throw new Problem(ProblemKind.UNPROCESSABLE, "task_needs_contact", Map.of(), "phone");
        }
        return id;
      });
    }
    throw new Problem(ProblemKind.UNPROCESSABLE, "task_needs_contact", Map.of(), "leadId");
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_instant", "dueAt", Map.of("value", text));
    }
  }

  private static UUID uuid(String text, String field) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound(field.equals("leadId") ? "lead_not_found" : "patient_not_found", Map.of("id", text));
    }
  }
}
