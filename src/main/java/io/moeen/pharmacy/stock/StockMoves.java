package io.moeen.pharmacy.stock;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Receive, adjust, write off, return and transfer: each checks its input, then writes its moves in one
 * transaction (the moves' trigger keeps the balances) and answers a StockChange: the moves it wrote and
 * the batches as they are now. Nothing moves when any check fails.
 */
public final class StockMoves {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/stock.sql");
  private static final int CREATED = 201;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public StockMoves(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /** A delivery from a supplier into a store: a new batch or more of the same lot. */
  public Future<JsonObject> receive(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID storeId = UUID.fromString(body.getString("storeId"));
    UUID itemId = UUID.fromString(body.getString("itemId"));
    LocalDate expiry = date(body.getString("expiryDate"), "expiryDate");
    if (!expiry.isAfter(StockActors.today(clock, zone))) {
      throw Problem.invalid("expiry_in_past", "expiryDate", Map.of("expiryDate", expiry.toString()));
    }
    BigDecimal cost = Quantities.decimal(body.getValue("unitCost"), "unitCost");
    if (cost.signum() < 0) {
      throw Problem.invalid("invalid_quantity", "unitCost", Map.of("quantity", cost.toPlainString()));
    }
    return inTransaction(request, conn -> activeStore(conn, storeId, "storeId")
        .compose(store -> activeItem(conn, itemId))
        .compose(item -> supplier(conn, body.getString("supplierId")).map(item))
        .compose(item -> {
          BigDecimal q = Quantities.positive(body.getValue("quantity"), "quantity", item.getBoolean("whole_units"));
          return conn.preparedQuery(SQL.get("upsert_batch"))
              .execute(Tuple.of(storeId, itemId, body.getString("lotNumber").trim(), expiry, Quantities.sql(cost),
                  Quantities.sql(q)))
              .compose(rows -> {
                UUID batchId = rows.iterator().next().getUUID("id");
                return move(conn, request, "receive", storeId, itemId, batchId, q, cost, null, body.getString("note"),
                    body.getString("purchaseReference"),
                    body.getString("supplierId") == null ? item.getUUID("supplier_id") : UUID.fromString(body.getString("supplierId")),
                    null, null)
                    .compose(moved -> conn.preparedQuery(SQL.get("expiry_check"))
                        .execute(Tuple.of(StockActors.today(clock, zone), batchId))
                        .compose(x -> change(conn, request, List.of(moved), List.of(batchId), null)));
              });
        }));
  }

  /** A counted quantity that differs from the record: the difference as one adjust move, with a reason. */
  public Future<JsonObject> adjust(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    return inTransaction(request, conn -> batchOf(conn, body).compose(batch -> {
      BigDecimal counted = Quantities.counted(body.getValue("countedQuantity"), "countedQuantity",
          batch.getBoolean("whole_units"));
      BigDecimal delta = counted.subtract(batch.getBigDecimal("quantity"));
      if (delta.signum() == 0) {
        return change(conn, request, List.of(), List.of(batch.getUUID("id")), null);
      }
      return move(conn, request, "adjust", batch, delta, body.getString("reason"), body.getString("note"), null, null)
          .compose(moved -> change(conn, request, List.of(moved), List.of(batch.getUUID("id")), null));
    }));
  }

  /** Expired, damaged, lost or sent back: stock leaves the batch for good. */
  public Future<JsonObject> writeOff(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    return inTransaction(request, conn -> batchOf(conn, body).compose(batch -> {
      BigDecimal q = taking(batch, body);
      return move(conn, request, "write_off", batch, q.negate(), body.getString("reason"), body.getString("note"), null, null)
          .compose(moved -> change(conn, request, List.of(moved), List.of(batch.getUUID("id")), null));
    }));
  }

  /** Stock coming back into a batch; against a dispense, no more than that dispense took from it. */
  public Future<JsonObject> giveBack(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID dispenseId = body.getString("dispenseId") == null ? null : UUID.fromString(body.getString("dispenseId"));
    return inTransaction(request, conn -> batchOf(conn, body).compose(batch -> {
      BigDecimal q = Quantities.positive(body.getValue("quantity"), "quantity", batch.getBoolean("whole_units"));
      Future<Void> allowed = dispenseId == null ? Future.succeededFuture()
          : conn.preparedQuery(SQL.get("returnable")).execute(Tuple.of(dispenseId, batch.getUUID("id")))
              .compose(rows -> {
                BigDecimal returnable = rows.iterator().next().getBigDecimal("returnable");
                return q.compareTo(returnable) > 0
                    ? Future.failedFuture(new Problem(ProblemKind.CONFLICT, "return_exceeds_dispensed",
                        Map.of("returnable", Quantities.json(returnable).toPlainString()), "quantity"))
                    : Future.succeededFuture();
              });
      return allowed.compose(ok -> move(conn, request, "return", batch, q, body.getString("reason"), body.getString("note"),
              dispenseId, null))
          .compose(moved -> change(conn, request, List.of(moved), List.of(batch.getUUID("id")), null));
    }));
  }

  /** Out of one store and into another as one transaction: the same lot and expiry, at the same cost. */
  public Future<JsonObject> transfer(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID from = UUID.fromString(body.getString("fromStoreId"));
    UUID to = UUID.fromString(body.getString("toStoreId"));
    if (from.equals(to)) {
      throw Problem.invalid("transfer_same_store", "toStoreId", Map.of());
    }
    UUID transferId = UUID.randomUUID();
    return inTransaction(request, conn -> activeStore(conn, to, "toStoreId")
        .compose(store -> batchOf(conn, body))
        .compose(batch -> {
          if (!batch.getUUID("store_id").equals(from)) {
            return Future.failedFuture(Problem.invalid("batch_not_in_store", "batchId", Map.of()));
          }
          BigDecimal q = taking(batch, body);
          BigDecimal cost = batch.getBigDecimal("unit_cost");
          return move(conn, request, "transfer_out", batch, q.negate(), null, body.getString("note"), null, transferId)
              .compose(out -> conn.preparedQuery(SQL.get("upsert_batch"))
                  .execute(Tuple.of(to, batch.getUUID("item_id"), batch.getString("lot_number"),
                      batch.getLocalDate("expiry_date"), Quantities.sql(cost), Quantities.sql(q)))
                  .compose(rows -> {
                    UUID target = rows.iterator().next().getUUID("id");
                    return move(conn, request, "transfer_in", to, batch.getUUID("item_id"), target, q, cost, null,
                        body.getString("note"), null, null, null, transferId)
                        .compose(in -> change(conn, request, List.of(out, in), List.of(batch.getUUID("id"), target),
                            transferId));
                  }));
        }));
  }

  private BigDecimal taking(Row batch, JsonObject body) {
    BigDecimal q = Quantities.positive(body.getValue("quantity"), "quantity", batch.getBoolean("whole_units"));
    BigDecimal available = batch.getBigDecimal("quantity");
    if (q.compareTo(available) > 0) {
      throw new Problem(ProblemKind.CONFLICT, "insufficient_stock",
          Map.of("available", Quantities.json(available).toPlainString()), "quantity");
    }
    return q;
  }

  /** One transaction, once per Idempotency-Key when the request carries one (a retry answers the first answer). */
  private Future<JsonObject> inTransaction(RequestEnvelope request,
                                           java.util.function.Function<SqlConnection, Future<JsonObject>> work) {
    return IdempotencyKeys.once(pool, StockActors.of(request), StockActors.keyed(request), CREATED, work)
        .recover(StockProblems.TABLE::recover);
  }

  private Future<Row> activeStore(SqlConnection conn, UUID storeId, String field) {
    return conn.preparedQuery(SQL.get("store")).execute(Tuple.of(storeId)).compose(rows ->
        rows.size() == 0 ? Future.failedFuture(Problem.invalid("unknown_store", field, Map.of()))
            : !rows.iterator().next().getBoolean("is_active") ? Future.failedFuture(StockProblems.storeClosed(field))
            : Future.succeededFuture(rows.iterator().next()));
  }

  /** The receipt's supplier (or the item's usual one): an unknown one is 400, one no longer used 409. */
  private Future<Void> supplier(SqlConnection conn, String given) {
    if (given == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(SQL.get("supplier")).execute(Tuple.of(UUID.fromString(given))).compose(rows ->
        rows.size() == 0 ? Future.failedFuture(Problem.invalid("unknown_supplier", "supplierId", Map.of()))
            : !rows.iterator().next().getBoolean("is_active")
            ? Future.failedFuture(new Problem(ProblemKind.CONFLICT, "supplier_inactive", Map.of(), "supplierId"))
            : Future.succeededFuture());
  }

  private Future<Row> activeItem(SqlConnection conn, UUID itemId) {
    return conn.preparedQuery(SQL.get("item")).execute(Tuple.of(itemId)).compose(rows ->
        rows.size() == 0 || !rows.iterator().next().getBoolean("is_active")
            ? Future.failedFuture(Problem.invalid("unknown_item", "itemId", Map.of()))
            : Future.succeededFuture(rows.iterator().next()));
  }

  /** The body's batch, locked; it must be of the body's item (400 batch_of_another_item). */
  private Future<Row> batchOf(SqlConnection conn, JsonObject body) {
    UUID batchId = UUID.fromString(body.getString("batchId"));
    UUID itemId = UUID.fromString(body.getString("itemId"));
    return conn.preparedQuery(SQL.get("lock_batch")).execute(Tuple.of(batchId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Problem.invalid("unknown_batch", "batchId", Map.of()));
      }
      Row batch = rows.iterator().next();
      return batch.getUUID("item_id").equals(itemId)
          ? Future.succeededFuture(batch)
          : Future.failedFuture(Problem.invalid("batch_of_another_item", "batchId", Map.of()));
    });
  }

  private Future<JsonObject> move(SqlConnection conn, RequestEnvelope request, String kind, Row batch, BigDecimal quantity,
                                  String reason, String note, UUID dispenseId, UUID transferId) {
    return move(conn, request, kind, batch.getUUID("store_id"), batch.getUUID("item_id"), batch.getUUID("id"), quantity,
        batch.getBigDecimal("unit_cost"), reason, note, null, null, dispenseId, transferId);
  }

  private Future<JsonObject> move(SqlConnection conn, RequestEnvelope request, String kind, UUID storeId, UUID itemId,
                                  UUID batchId, BigDecimal quantity, BigDecimal cost, String reason, String note,
                                  String reference, UUID supplier, UUID dispenseId, UUID transferId) {
    UUID actor = UUID.fromString(request.principal().getString("userId"));
    return conn.preparedQuery(SQL.get("move")).execute(Tuple.from(new Object[] {kind, storeId, itemId, batchId,
            Quantities.sql(quantity), Quantities.sql(cost), reason, note, reference, supplier, dispenseId, transferId, null,
            actor}))
        .map(rows -> Quantities.put(new JsonObject()
            .put("id", rows.iterator().next().getUUID("id").toString())
            .put("kind", kind)
            .put("storeId", storeId.toString())
            .put("batchId", batchId.toString()), "quantity", quantity));
  }

  private Future<JsonObject> change(SqlConnection conn, RequestEnvelope request, List<JsonObject> moves, List<UUID> batches,
                                    UUID transferId) {
    List<JsonObject> views = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (UUID id : batches) {
      chain = chain.compose(x -> conn.preparedQuery(SQL.get("batch_view")).execute(Tuple.of(id))
          .map(rows -> {
            views.add(BatchView.json(rows.iterator().next(), request.locale()));
            return null;
          }));
    }
    return chain.map(x -> new JsonObject()
        .put("transferId", transferId == null ? null : transferId.toString())
        .put("moves", new JsonArray(moves))
        .put("batches", new JsonArray(views)));
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw Problem.invalid("invalid_date", field, Map.of());
    }
  }
}
