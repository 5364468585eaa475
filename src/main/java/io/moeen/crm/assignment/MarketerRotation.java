package io.moeen.crm.assignment;

import io.moeen.common.db.SqlStatements;
import io.moeen.crm.leads.LeadAssigner;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Round-robin among active marketers who take leads, honouring their rules: a marketer with
 * languages or sources listed only gets leads in those (an empty list takes any). The one assigned
 * longest ago goes next. When no marketer's rules fit the lead, it goes round everyone who takes
 * leads rather than waiting unassigned. Rows are locked {@code SKIP LOCKED} first, so captures at
 * the same moment spread over marketers.
 */
public final class MarketerRotation implements LeadAssigner {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/assignment/assignment.sql");

  @Override
  public Future<UUID> assign(SqlConnection conn, NewLead lead, Instant now) {
    return next(conn, lead, true)
        .compose(marketer -> marketer != null ? Future.succeededFuture(marketer) : next(conn, lead, false))
        .compose(marketer -> marketer == null ? Future.succeededFuture(null)
            : conn.preparedQuery(SQL.get("mark_assigned")).execute(Tuple.of(marketer, now.atOffset(ZoneOffset.UTC)))
                .map(done -> marketer));
  }

  private static Future<UUID> next(SqlConnection conn, NewLead lead, boolean rules) {
    Tuple args = Tuple.of(lead.preferredLanguage(), lead.source(), rules);
    return conn.preparedQuery(SQL.get("next_marketer_unlocked")).execute(args)
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows)
            : conn.preparedQuery(SQL.get("next_marketer_waiting")).execute(args))
        .map(MarketerRotation::first);
  }

  private static UUID first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next().getUUID("user_id");
  }
}
