package io.moeen.crm.leads;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The lead list and its CSV export: the same filters, the same row-level security. */
public final class LeadList {
  static final int DEFAULT_LIMIT = 20;
  static final int EXPORT_LIMIT = 10_000;

  private final LeadStore store;
  private final ZoneId zone;

  public LeadList(LeadStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  public Future<Reply> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    LeadQuery query = LeadQuery.from(request, principal, zone, DEFAULT_LIMIT);
    return store.as(StaffLeads.actor(request, principal), conn -> store.list(conn, query, query.limit() + 1)
            .compose(rows -> store.slaRules(conn).map(rules -> Map.entry(rows, rules))))
        .map(read -> {
          List<Row> rows = read.getKey();
          JsonArray items = new JsonArray();
          LeadQuery.Cursor next = null;
          for (Row row : rows) {
            if (items.size() == query.limit()) {
              break;
            }
            items.add(LeadView.json(row, read.getValue()));
            next = new LeadQuery.Cursor(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id"));
          }
          return Reply.of(new JsonObject().put("items", items)
              .put("nextCursor", rows.size() > query.limit() ? next.encode() : null));
        });
  }

  public Future<Reply> export(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    LeadQuery query = LeadQuery.from(request, principal, zone, EXPORT_LIMIT);
    return store.as(StaffLeads.actor(request, principal), conn -> store.list(conn, query, EXPORT_LIMIT))
        .map((List<Row> rows) -> new Reply(LeadCsv.write(rows, zone), Map.of(
            "Content-Type", "text/csv; charset=utf-8",
            "Content-Disposition", "attachment; filename=\"leads.csv\"")));
  }
}
