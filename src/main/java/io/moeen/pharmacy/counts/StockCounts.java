package io.moeen.pharmacy.counts;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.pharmacy.BatchView;
import io.moeen.pharmacy.Quantities;
import io.moeen.pharmacy.StockActors;
import io.moeen.pharmacy.StockProblems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stock count: opened for a store (one open count per store), counted quantities entered batch by batch,
 * then posted: each counted batch whose record differs gets one adjust move (reason {@code count}), all in
 * one transaction. The count is taken as the truth at the moment it is posted.
 */
public final class StockCounts {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/counts.sql");
  private static final int OK = 200;

  private final Pool pool;

  public StockCounts(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<JsonObject> open(RequestEnvelope r) {
    UUID storeId = UUID.fromString(r.bodyAsObject().getString("storeId"));
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("store"))
            .execute(Tuple.of(storeId))
            .compose(store -> store.size() == 0 ? Future.failedFuture(Problem.invalid("unknown_store", "storeId", Map.of()))
                : !store.iterator().next().getBoolean("is_active") ? Future.failedFuture(StockProblems.storeClosed("storeId"))
                : conn.preparedQuery(SQL.get("open_count")).execute(Tuple.of(storeId, actor(r))))
            .compose(rows -> {
              UUID id = rows.iterator().next().getUUID("id");
              return conn.preparedQuery(SQL.get("snapshot")).execute(Tuple.of(id, storeId)).compose(x -> view(conn, id, r));
            }))
        .recover(StockProblems.TABLE::recover);
  }

  Future<JsonObject> get(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> view(conn, id, r));
  }

  Future<JsonObject> record(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    JsonArray lines = r.bodyAsObject().getJsonArray("lines", new JsonArray());
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> openCount(conn, id)
        .compose(count -> recordLines(conn, id, count.getUUID("store_id"), lines, 0))
        .compose(x -> view(conn, id, r)));
  }

  Future<JsonObject> post(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    UUID actor = actor(r);
    return IdempotencyKeys.once(pool, StockActors.of(r), StockActors.keyed(r), OK, conn -> openCount(conn, id)
            .compose(count -> conn.preparedQuery(SQL.get("differences")).execute(Tuple.of(id)))
            .compose(rows -> {
              Future<Void> chain = Future.succeededFuture();
              for (Row d : rows) {
                BigDecimal delta = d.getBigDecimal("delta");
                if (delta.signum() != 0) {
                  chain = chain.compose(x -> conn.preparedQuery(SQL.get("adjust")).execute(Tuple.from(new Object[] {
                      d.getUUID("store_id"), d.getUUID("item_id"), d.getUUID("id"), Quantities.sql(delta),
                      Quantities.sql(d.getBigDecimal("unit_cost")), id, actor})).mapEmpty());
                }
              }
              return chain;
            })
            .compose(x -> conn.preparedQuery(SQL.get("mark_posted")).execute(Tuple.of(id, actor)))
            .compose(x -> view(conn, id, r)))
        .recover(StockProblems.TABLE::recover);
  }

  private Future<Row> openCount(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("lock_count")).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Problem.notFound("count_not_found", Map.of()));
      }
      Row count = rows.iterator().next();
      return "open".equals(count.getString("status")) ? Future.succeededFuture(count)
          : Future.failedFuture(new Problem(ProblemKind.CONFLICT, "count_not_open"));
    });
  }

  private Future<Void> recordLines(SqlConnection conn, UUID id, UUID storeId, JsonArray lines, int i) {
    if (i == lines.size()) {
      return Future.succeededFuture();
    }
    JsonObject line = lines.getJsonObject(i);
    UUID batchId = UUID.fromString(line.getString("batchId"));
    return conn.preparedQuery(SQL.get("batch_in_store")).execute(Tuple.of(batchId, storeId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Problem.invalid("batch_not_in_store", "lines." + i + ".batchId", Map.of()));
      }
      Row batch = rows.iterator().next();
      BigDecimal counted = Quantities.counted(line.getValue("countedQuantity"), "lines." + i + ".countedQuantity",
          batch.getBoolean("whole_units"));
      return conn.preparedQuery(SQL.get("record_line"))
          .execute(Tuple.of(id, batchId, Quantities.sql(batch.getBigDecimal("quantity")), Quantities.sql(counted)))
          .compose(x -> recordLines(conn, id, storeId, lines, i + 1));
    });
  }

  private Future<JsonObject> view(SqlConnection conn, UUID id, RequestEnvelope r) {
    return conn.preparedQuery(SQL.get("count_head")).execute(Tuple.of(id)).compose(head -> {
      if (head.size() == 0) {
        return Future.failedFuture(Problem.notFound("count_not_found", Map.of()));
      }
      Row c = head.iterator().next();
      return conn.preparedQuery(SQL.get("count_lines")).execute(Tuple.of(id)).map(rows -> {
        List<JsonObject> lines = new ArrayList<>();
        for (Row l : rows) {
          JsonObject line = new JsonObject().put("batchId", l.getUUID("batch_id").toString())
              .put("itemId", l.getUUID("item_id").toString()).put("itemCode", l.getString("code"))
              .put("itemName", BatchView.itemName(l, r.locale())).put("unit", l.getString("unit"))
              .put("lotNumber", l.getString("lot_number")).put("expiryDate", l.getLocalDate("expiry_date").toString());
          Quantities.put(line, "recordedQuantity", l.getBigDecimal("recorded_quantity"));
          Quantities.put(line, "countedQuantity", l.getBigDecimal("counted_quantity"));
          lines.add(Quantities.put(line, "currentQuantity", l.getBigDecimal("quantity")));
        }
        return new JsonObject().put("id", id.toString()).put("storeId", c.getUUID("store_id").toString())
            .put("storeName", BatchView.pick(r.locale(), c.getString("name_ar"), c.getString("name_en")))
            .put("status", c.getString("status"))
            .put("openedBy", c.getUUID("opened_by").toString())
            .put("openedAt", c.getOffsetDateTime("opened_at").toString())
            .put("postedBy", c.getUUID("posted_by") == null ? null : c.getUUID("posted_by").toString())
            .put("postedAt", c.getOffsetDateTime("posted_at") == null ? null : c.getOffsetDateTime("posted_at").toString())
            .put("lines", new JsonArray(lines));
      });
    });
  }

  private static UUID actor(RequestEnvelope r) {
    return UUID.fromString(r.principal().getString("userId"));
  }
}
