package io.moeen.crm.leads;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.activities.ActivityLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What marketers and supervisors do to one lead: create it, read it, change its details or owner. */
public final class StaffLeads {
  private final LeadStore store;
  private final LeadCapture capture;
  private final Clock clock;

  public StaffLeads(LeadStore store, LeadCapture capture, Clock clock) {
    this.store = store;
    this.capture = capture;
    this.clock = clock;
  }

  public static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }

  /**
   * A marketer who may see only their own leads owns what they create; others name an owner (with
   * {@code leads.assign}) or leave it to the assigner. An open lead with the same contact is answered
   * instead ({@code attached: true}), unless it is someone else's: 409 {@code lead_exists_elsewhere}.
   */
  public Future<Reply> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject body = request.bodyAsObject();
    UUID requestedOwner = body.getString("ownerId") == null ? null : UUID.fromString(body.getString("ownerId"));
    if (requestedOwner != null && !principal.has("leads.assign")) {
      throw new Problem(ProblemKind.FORBIDDEN, "forbidden", Map.of(), "ownerId");
    }
    CaptureRequest checked = CaptureRequest.fromJson(body.copy().put("requestId", request.requestId()),
        principal.userId(), requestedOwner != null ? requestedOwner
            : principal.has("leads.read.all") ? null : principal.userId());
    Actor actor = actor(request, principal);
    Future<Void> ownerChecked = requestedOwner == null ? Future.succeededFuture()
        : store.as(actor, conn -> requireMarketer(conn, requestedOwner));
    return ownerChecked
        .compose(ok -> capture.capture(checked))
        .compose(captured -> store.as(actor, conn -> store.view(conn, captured.leadId()))
            .recover(e -> Future.failedFuture(e instanceof Problem p && p.code().equals("lead_not_found")
                ? new Problem(ProblemKind.CONFLICT, "lead_exists_elsewhere", Map.of()) : e))
            .map(lead -> Reply.of(lead.put("attached", !captured.created()))
                .withHeader("ETag", LeadVersion.etag(lead.getInteger("version")))
                .withHeader("Location", "/v1/crm/leads/" + captured.leadId())));
  }

  public Future<Reply> get(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    return store.as(actor(request, principal), conn -> store.view(conn, id)).map(StaffLeads::reply);
  }

  public Future<Reply> update(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    if (body.containsKey("ownerId") && !principal.has("leads.assign")) {
      throw new Problem(ProblemKind.FORBIDDEN, "forbidden", Map.of(), "ownerId");
    }
    Instant now = clock.instant();
    return store.as(actor(request, principal), conn -> store.lock(conn, id)
            .compose(current -> {
              LeadVersion.require(request.param("If-Match"), current.getInteger("version"));
              LeadChange change = LeadChange.apply(current, body);
              UUID before = current.getUUID("owner_id");
              boolean reassigned = !Objects.equals(before, change.ownerId());
              Future<Void> checked = reassigned && change.ownerId() != null
                  ? requireMarketer(conn, change.ownerId()) : Future.succeededFuture();
              return checked
                  .compose(ok -> store.update(conn, id, change))
                  .compose(version -> reassigned ? reassigned(conn, id, before, change, principal.userId(), version, now)
                      : Future.succeededFuture())
                  .compose(done -> LeadScoring.refresh(conn, id, now))
                  .compose(done -> store.view(conn, id));
            }))
        .map(StaffLeads::reply);
  }

  private Future<Void> reassigned(SqlConnection conn, UUID id, UUID from, LeadChange change, UUID by, int version,
                                  Instant now) {
    JsonObject details = new JsonObject().put("event", "reassigned")
        .put("fromOwnerId", from == null ? null : from.toString())
        .put("toOwnerId", change.ownerId() == null ? null : change.ownerId().toString());
    return ActivityLog.record(conn, ActivityLog.Entry.system(id, details, by), now)
        .compose(done -> change.ownerId() == null ? Future.<Void>succeededFuture()
            : store.notifyAssigned(conn, id, change.ownerId(), change.fullName(), change.phone(), version));
  }

  /** 422 {@code unknown_owner} unless the user is an active marketer. */
  Future<Void> requireMarketer(SqlConnection conn, UUID userId) {
    return store.isMarketer(conn, userId).map(marketer -> {
      if (!marketer) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "unknown_owner", Map.of(), "ownerId");
      }
      return null;
    });
  }

  static Reply reply(JsonObject lead) {
    return Reply.of(lead).withHeader("ETag", LeadVersion.etag(lead.getInteger("version")));
  }
}
