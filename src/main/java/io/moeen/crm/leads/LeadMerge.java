package io.moeen.crm.leads;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.activities.ActivityLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An explicit merge: the other lead is closed ({@code merged_into_id}) first, so its phone and
 * e-mail may move to the survivor without tripping the one-open-lead indexes; then the survivor
 * takes what it lacks and every activity, and both timelines say what happened.
 */
public final class LeadMerge {
  private final LeadStore store;
  private final Clock clock;

  public LeadMerge(LeadStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Future<Reply> merge(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID survivor = UUID.fromString(request.param("id"));
    UUID merged = UUID.fromString(request.bodyAsObject().getString("leadId"));
    if (survivor.equals(merged)) {
      throw new Problem(ProblemKind.UNPROCESSABLE, "merge_same_lead", Map.of(), "leadId");
    }
    Instant now = clock.instant();
    UUID first = survivor.compareTo(merged) < 0 ? survivor : merged;
    UUID second = first.equals(survivor) ? merged : survivor;
    return store.as(StaffLeads.actor(request, principal), conn -> store.lock(conn, first)
            .compose(a -> store.lock(conn, second).map(b -> new Row[] {a, b}))
            .compose(locked -> {
              for (Row row : locked) {
                if (row.getUUID("merged_into_id") != null) {
                  throw new Problem(ProblemKind.CONFLICT, "lead_already_merged", Map.of("id", row.getUUID("id").toString()));
                }
              }
              return store.closeMerged(conn, merged, survivor)
                  .compose(done -> store.absorb(conn, survivor, merged))
                  .compose(done -> ActivityLog.record(conn, ActivityLog.Entry.system(survivor, new JsonObject()
                      .put("event", "merged").put("mergedLeadId", merged.toString()), principal.userId()), now))
                  .compose(done -> ActivityLog.record(conn, ActivityLog.Entry.system(merged, new JsonObject()
                      .put("event", "merged_into").put("survivorId", survivor.toString()), principal.userId()), now))
                  .compose(done -> LeadScoring.refresh(conn, survivor, now))
                  .compose(done -> store.view(conn, survivor));
            }))
        .map(StaffLeads::reply);
  }
}
