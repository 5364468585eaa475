package io.moeen.crm.sla;

import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One round of the first-contact SLA: a lead still {@code new} after N working minutes
 * ({@code crm.first_contact_sla_minutes}, in {@code crm.working_hours}) raises an in-app notice to
 * its owner; after N more, to the owner's supervisor. Each once: the lead's
 * {@code sla_owner_notified_at} / {@code sla_escalated_at} and the outbox key guard it.
 */
public final class FirstContactSweep {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/sla/sla.sql");
  static final int DEFAULT_MINUTES = 15;

  /** What a round did. */
  public record Round(int ownersNotified, int escalated) {
  }

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public FirstContactSweep(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  public Future<Round> run() {
    Instant now = clock.instant();
    Actor system = Actor.system("crm-sla-" + now.toEpochMilli());
    return SessionContext.inTransaction(pool, system, conn -> settings(conn)
        .compose(rules -> conn.preparedQuery(SQL.get("waiting_leads"))
            .execute(Tuple.of(now.minus(Duration.ofMinutes(rules.minutes())).atOffset(ZoneOffset.UTC)))
            .compose(rows -> {
              List<Row> leads = new ArrayList<>();
              rows.forEach(leads::add);
              return each(conn, rules, leads, 0, now, new int[2]);
            })));
  }

  private record Rules(int minutes, WorkingHours hours) {
  }

  private Future<Rules> settings(SqlConnection conn) {
    return LeadSla.settings(conn, zone).map(s -> new Rules(s.minutes(), s.hours()));
  }

  private Future<Round> each(SqlConnection conn, Rules rules, List<Row> leads, int i, Instant now, int[] counts) {
    if (i == leads.size()) {
      return Future.succeededFuture(new Round(counts[0], counts[1]));
    }
    Row lead = leads.get(i);
    Instant created = lead.getOffsetDateTime("created_at").toInstant();
    Duration sla = Duration.ofMinutes(rules.minutes());
    boolean ownerDue = lead.getValue("sla_owner_notified_at") == null && !now.isBefore(rules.hours().after(created, sla));
    boolean escalationDue = lead.getValue("sla_escalated_at") == null
        && !now.isBefore(rules.hours().after(created, sla.multipliedBy(2)));
    Future<Void> step = Future.succeededFuture();
    if (ownerDue) {
      step = step.compose(x -> tell(conn, lead, "mark_owner_notified", lead.getUUID("owner_id"), "owner", rules.minutes(), now)
          .map(told -> { counts[0] += told; return null; }));
    }
    if (escalationDue) {
      step = step.compose(x -> tell(conn, lead, "mark_escalated", lead.getUUID("supervisor_id"), "supervisor",
          rules.minutes() * 2, now).map(told -> { counts[1] += told; return null; }));
    }
    return step.compose(x -> each(conn, rules, leads, i + 1, now, counts));
  }

  /** Marks the step done on the lead; if this round marked it and there is someone to tell, queues the notice. */
  private Future<Integer> tell(SqlConnection conn, Row lead, String mark, UUID recipient, String audience, int minutes,
                               Instant now) {
    UUID leadId = lead.getUUID("id");
    return conn.preparedQuery(SQL.get(mark)).execute(Tuple.of(leadId, now.atOffset(ZoneOffset.UTC)))
        .compose(marked -> {
          if (marked.rowCount() == 0 || recipient == null) {
            return Future.succeededFuture(0);
          }
          String phone = lead.getString("phone");
          JsonObject payload = new JsonObject()
              .put("leadId", leadId.toString())
              .put("leadName", lead.getString("full_name"))
              .put("leadPhone", phone != null ? phone : lead.getString("email"))
              .put("minutes", minutes)
              .put("audience", audience);
          return conn.preparedQuery(SQL.get("notify")).execute(Tuple.of(recipient, payload,
                  "lead:" + leadId + ":first-contact:" + audience, lead.getString("owner_name_ar"),
                  lead.getString("owner_name_en")))
              .map(inserted -> inserted.rowCount());
        });
  }
}
