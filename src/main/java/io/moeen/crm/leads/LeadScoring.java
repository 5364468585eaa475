package io.moeen.crm.leads;

import io.moeen.crm.scoring.LeadScore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Recomputes a lead's score and breakdown from the database's facts, in the change's transaction. */
public final class LeadScoring {
  private LeadScoring() {
  }

  public static Future<LeadScore.Result> refresh(SqlConnection conn, UUID leadId, Instant now) {
    return conn.preparedQuery(LeadStore.SQL.get("score_inputs")).execute(Tuple.of(leadId))
        .compose(rows -> {
          Row r = rows.iterator().next();
          LeadScore.Result result = LeadScore.of(new LeadScore.Facts(r.getString("source"), r.getString("status"),
              r.getUUID("interested_service_id") != null, r.getString("interested_in") != null,
              instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("last_activity_at")),
              r.getLong("touches"), r.getLong("recaptures")), now);
          return conn.preparedQuery(LeadStore.SQL.get("set_score"))
              .execute(Tuple.of(leadId, result.total(), result.breakdown()))
              .map(done -> result);
        });
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
