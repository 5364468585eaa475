package io.moeen.crm.leads;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The default: among active marketers who accept leads, the one assigned longest ago (never
 * assigned first). The row is taken {@code FOR UPDATE SKIP LOCKED}, so two captures at once go to
 * two marketers; when every candidate is busy being assigned, it waits for the first rather than
 * leaving the lead without an owner.
 */
public final class RoundRobinAssigner implements LeadAssigner {
  @Override
  public Future<UUID> assign(SqlConnection conn, NewLead lead, Instant now) {
    return conn.preparedQuery(LeadStore.SQL.get("next_marketer_unlocked")).execute()
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows)
            : conn.preparedQuery(LeadStore.SQL.get("next_marketer_waiting")).execute())
        .compose(rows -> {
          UUID marketer = first(rows);
          if (marketer == null) {
            return Future.succeededFuture(null);
          }
          return conn.preparedQuery(LeadStore.SQL.get("mark_assigned"))
              .execute(Tuple.of(marketer, now.atOffset(ZoneOffset.UTC)))
              .map(done -> marketer);
        });
  }

  private static UUID first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next().getUUID("user_id");
  }
}
