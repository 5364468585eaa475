package io.moeen.crm.reports;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.time.ReportPeriod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * One report over a period: the funnel overall and by source and campaign (how many leads reached
 * each stage, and the share that went on from one stage to the next), time to first contact, and
 * each marketer's work. Reads leads under the caller's row-level security.
 */
final class CrmReport {
  static final List<String> STAGES = List.of("contacted", "qualified", "booked", "converted");

  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId zone;
  private final Clock clock;

  CrmReport(Pool pool, SqlStatements sql, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.zone = zone;
    this.clock = clock;
  }

  Future<JsonObject> summary(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "crm.reports.read");
    ReportPeriod period = ReportPeriod.of(request.param("from"), request.param("to"), zone, clock, ReportPeriod.LAST_30_DAYS);
    Tuple range = Tuple.of(period.start(), period.end());
    Actor actor = new Actor(principal, request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> funnel(conn, period, "all")
        .compose(all -> funnel(conn, period, "source")
            .compose(bySource -> funnel(conn, period, "campaign")
                .compose(byCampaign -> conn.preparedQuery(sql.get("first_contact")).execute(range)
                    .compose(first -> conn.preparedQuery(sql.get("marketer_rows")).execute(range)
                        .map(marketers -> new JsonObject()
                            .put("from", period.from().toString())
                            .put("to", period.to().toString())
                            .put("timeZone", zone.getId())
                            .put("funnel", all.isEmpty() ? funnelOf(null) : all.getJsonObject(0))
                            .put("bySource", bySource)
                            .put("byCampaign", byCampaign)
                            .put("firstContact", firstContact(first.iterator().next()))
                            .put("marketers", marketers(marketers))))))));
  }

  private Future<JsonArray> funnel(SqlConnection conn, ReportPeriod period, String dimension) {
    return conn.preparedQuery(sql.get("funnel_rows")).execute(Tuple.of(period.start(), period.end(), dimension))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row row : rows) {
            JsonObject f = funnelOf(row);
            if (!"all".equals(dimension)) {
              f.put(dimension, row.getString("value"));
            }
            out.add(f);
          }
          return out;
        });
  }

  /** Counts per stage reached, and the rate from each stage to the next (null when nothing to divide). */
  static JsonObject funnelOf(Row row) {
    int leads = row == null ? 0 : row.getInteger("leads");
    JsonArray stages = new JsonArray().add(new JsonObject().put("stage", "new").put("count", leads));
    int previous = leads;
    for (String stage : STAGES) {
      int count = row == null ? 0 : row.getInteger(stage);
      stages.add(new JsonObject().put("stage", stage).put("count", count).put("rateFromPrevious", rate(count, previous)));
      previous = count;
    }
    int converted = row == null ? 0 : row.getInteger("converted");
    return new JsonObject()
        .put("leads", leads)
        .put("lost", row == null ? 0 : row.getInteger("lost"))
        .put("stages", stages)
        .put("conversionRate", rate(converted, leads));
  }

  static Double rate(int part, int whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
  }

  private static JsonObject firstContact(Row row) {
    return new JsonObject()
        .put("contactedLeads", row.getInteger("contacted"))
        .put("medianMinutes", rounded(row.getValue("median_minutes")))
        .put("averageMinutes", rounded(row.getValue("average_minutes")));
  }

  private static Double rounded(Object value) {
    if (value == null) {
      return null;
    }
    return new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private static JsonArray marketers(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row row : rows) {
      Object activities = row.getValue("activities");
      JsonObject byType = activities instanceof JsonObject j ? j : new JsonObject(String.valueOf(activities));
      int total = byType.stream().mapToInt(e -> ((Number) e.getValue()).intValue()).sum();
      out.add(new JsonObject()
          .put("userId", row.getUUID("user_id").toString())
          .put("nameEn", row.getString("name_en"))
          .put("nameAr", row.getString("name_ar"))
          .put("leadsAssigned", row.getInteger("leads_assigned"))
          .put("activities", total)
          .put("activitiesByType", byType)
          .put("conversions", row.getInteger("conversions")));
    }
    return out;
  }
}
