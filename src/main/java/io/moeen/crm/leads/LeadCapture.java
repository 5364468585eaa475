package io.moeen.crm.leads;

import io.moeen.common.db.SessionContext.Actor;
import io.moeen.crm.activities.ActivityLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way a lead comes in. An open lead with the same phone or e-mail gets a {@code system}
 * activity ("captured again", with source and UTM) instead of a twin; a new one is assigned, told
 * to its owner (in-app {@code lead_assigned}), scored and announced ({@code crm.leads.created}) after
 * commit. Runs as the system (it must see every open lead to dedupe). Two captures of the same
 * contact at once: the partial unique indexes let one insert win; the other fails with 23505,
 * and its retry finds the winner and attaches to it.
 */
public final class LeadCapture {
  static final int ATTEMPTS = 3;

  /** The capture's answer: {@code created} false when it attached to an open lead. */
  public record Captured(UUID leadId, boolean created, UUID patientId, UUID ownerId) {
    public JsonObject toJson() {
      return new JsonObject().put("leadId", leadId.toString()).put("created", created)
          .put("patientId", patientId == null ? null : patientId.toString())
          .put("ownerId", ownerId == null ? null : ownerId.toString());
    }
  }

  private final LeadStore store;
  private final LeadAssigner assigner;
  private final LeadEvents events;
  private final Clock clock;

  public LeadCapture(LeadStore store, LeadAssigner assigner, LeadEvents events, Clock clock) {
    this.store = store;
    this.assigner = assigner;
    this.events = events;
    this.clock = clock;
  }

  public Future<Captured> capture(CaptureRequest request) {
    return attempt(request, ATTEMPTS);
  }

  private Future<Captured> attempt(CaptureRequest request, int left) {
    LeadEvents.Batch batch = new LeadEvents.Batch();
    return store.<Captured>raw(Actor.system(request.requestId()), conn -> captureIn(conn, request, batch))
        .recover(failure -> LeadStore.isTwin(failure) && left > 1 ? attempt(request, left - 1)
            : LeadStore.CONSTRAINTS.recover(failure))
        .onSuccess(done -> events.publish(batch));
  }

  private Future<Captured> captureIn(SqlConnection conn, CaptureRequest r, LeadEvents.Batch batch) {
    Instant now = clock.instant();
    return store.patientByContact(conn, r.contact())
        .compose(patientId -> store.openLeadByContact(conn, r.contact())
            .compose(existing -> existing == null ? create(conn, r, patientId, now, batch)
                : attach(conn, existing, r, patientId, now)));
  }

  private Future<Captured> attach(SqlConnection conn, Row existing, CaptureRequest r, UUID patientId, Instant now) {
    UUID id = existing.getUUID("id");
    JsonObject details = r.touch().put("event", "captured_again");
    return ActivityLog.record(conn, ActivityLog.Entry.system(id, details, r.authorId()), now)
        .compose(done -> store.touch(conn, id, now))
        .compose(done -> store.recordConsent(conn, id, r, now))
        .compose(done -> LeadScoring.refresh(conn, id, now))
        .map(done -> new Captured(id, false, patientId, existing.getUUID("owner_id")));
  }

  private Future<Captured> create(SqlConnection conn, CaptureRequest r, UUID patientId, Instant now,
                                  LeadEvents.Batch batch) {
    Future<UUID> owner = r.ownerId() != null ? Future.succeededFuture(r.ownerId())
        : assigner.assign(conn, new LeadAssigner.NewLead(r.preferredLanguage(), r.source()), now);
    return owner.compose(ownerId -> store.insert(conn, r, ownerId, now)
        .compose(id -> ActivityLog.record(conn, ActivityLog.Entry.system(id, r.touch().put("event", "captured"),
                r.authorId()), now)
            .compose(done -> store.recordConsent(conn, id, r, now))
            .compose(done -> ownerId == null ? Future.<Void>succeededFuture()
                : store.notifyAssigned(conn, id, ownerId, r.fullName(), r.contact().phone(), 1))
            .compose(done -> LeadScoring.refresh(conn, id, now))
            .map(done -> {
              batch.created(id, r.source(), ownerId);
              return new Captured(id, true, patientId, ownerId);
            })));
  }
}
