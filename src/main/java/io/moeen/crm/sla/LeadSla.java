package io.moeen.crm.sla;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A lead's first-contact SLA as the sweep counts it, for the lead's representation: the working minutes it
 * has waited (or waited until its first contact), when it is due, and its state — {@code waiting} (within
 * the SLA), {@code overdue} (past N working minutes; the owner is told), {@code escalated} (past 2N; the
 * supervisor is told), {@code met} / {@code missed} (first contact within or after the SLA), {@code closed}
 * (left {@code new} without a first contact: lost, converted or merged). Settings are read with the lead,
 * in its transaction, so a changed setting counts at once.
 */
public final class LeadSla {
  private final ZoneId zone;
  private final Clock clock;

  public LeadSla(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  /** The settings and the moment every lead of one answer is measured against. */
  public record Rules(int minutes, WorkingHours hours, Instant now) {
    public JsonObject of(Row lead) {
      Instant created = lead.getOffsetDateTime("created_at").toInstant();
      Instant contacted = instant(lead.getOffsetDateTime("first_contacted_at"));
      Duration limit = Duration.ofMinutes(minutes);
      Instant due = hours.after(created, limit);
      String state;
      Long worked;
      if (contacted != null) {
        worked = hours.between(created, contacted).toMinutes();
        state = contacted.isAfter(due) ? "missed" : "met";
      } else if ("new".equals(lead.getString("status")) && lead.getValue("merged_into_id") == null) {
        worked = hours.between(created, now).toMinutes();
        state = now.isBefore(due) ? "waiting" : now.isBefore(hours.after(created, limit.multipliedBy(2))) ? "overdue" : "escalated";
      } else {
        worked = null;
        state = "closed";
      }
      Instant told = instant(lead.getOffsetDateTime("sla_owner_notified_at"));
      Instant escalated = instant(lead.getOffsetDateTime("sla_escalated_at"));
      return new JsonObject().put("state", state).put("limitMinutes", minutes).put("workingMinutes", worked)
          .put("dueAt", due.toString())
          .put("ownerNotifiedAt", told == null ? null : told.toString())
          .put("escalatedAt", escalated == null ? null : escalated.toString());
    }
  }

  public Future<Rules> rules(SqlConnection conn) {
    Instant now = clock.instant();
    return settings(conn, zone).map(s -> new Rules(s.minutes(), s.hours(), now));
  }

  record Settings(int minutes, WorkingHours hours) {
  }

  static Future<Settings> settings(SqlConnection conn, ZoneId zone) {
    return conn.preparedQuery(FirstContactSweep.SQL.get("settings")).execute().map(rows -> {
      Row row = rows.iterator().next();
      Object minutes = row.getValue("minutes");
      Object hours = row.getValue("hours");
      return new Settings(minutes == null ? FirstContactSweep.DEFAULT_MINUTES : Integer.parseInt(String.valueOf(minutes)),
          WorkingHours.fromJson(hours == null ? defaultHours() : (JsonObject) hours, zone));
    });
  }

  static JsonObject defaultHours() {
    JsonObject week = new JsonObject();
    for (String day : List.of("sun", "mon", "tue", "wed", "thu")) {
      week.put(day, new JsonArray().add("09:00").add("21:00"));
    }
    return week;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
