package io.moeen.pharmacy.reports;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.pharmacy.BatchView;
import io.moeen.pharmacy.Quantities;
import io.moeen.pharmacy.StockActors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inventory reports. Each is a flat list whose fields are also its CSV's columns, so the JSON and
 * the CSV never disagree; names in the caller's language, times in the clinic's zone.
 */
public final class InventoryReports {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/reports.sql");
  static final int DEFAULT_EXPIRY_DAYS = 90;

  static final List<String> STOCK = List.of("batchId", "storeId", "storeName", "itemId", "itemCode", "itemName", "unit",
      "lotNumber", "expiryDate", "quantity", "unitCost", "value");
  static final List<String> EXPIRING = List.of("batchId", "storeId", "storeName", "itemId", "itemCode", "itemName", "unit",
      "lotNumber", "expiryDate", "daysLeft", "expired", "quantity", "unitCost", "value");
  static final List<String> MOVES = List.of("id", "createdAt", "kind", "storeId", "storeName", "itemId", "itemCode",
      "itemName", "unit", "batchId", "lotNumber", "expiryDate", "quantity", "unitCost", "reason", "note", "reference",
      "supplier", "dispenseId", "transferId", "countId", "actorId", "actorName");
  static final List<String> LOW_STOCK = List.of("storeId", "storeName", "itemId", "itemCode", "itemName", "unit", "onHand",
      "reorderLevel", "reorderQuantity", "supplier");
  static final List<String> STOCK_VALUE = List.of("storeId", "storeName", "items", "batches", "value", "expiredValue");
  static final List<String> DISPENSES = List.of("dispenseId", "dispensedAt", "storeId", "storeName", "patientId",
      "patientName", "customerName", "prescriptionId", "externalPrescription", "itemId", "itemCode", "itemName", "unit",
      "batchId", "lotNumber", "expiryDate", "quantity", "unitCost", "dispensedBy", "dispensedByName");

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public InventoryReports(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<List<JsonObject>> stock(RequestEnvelope r) {
    return rows(r, "stock", Tuple.of(uuid(r, "storeId"), uuid(r, "itemId")), row -> batch(row, r.locale()));
  }

  Future<List<JsonObject>> expiring(RequestEnvelope r) {
    LocalDate today = StockActors.today(clock, zone);
    Future<Integer> days = r.param("days") != null ? Future.succeededFuture(Integer.parseInt(r.param("days")))
        : pool.preparedQuery(SQL.get("setting")).execute().map(rows -> rows.size() == 0 ? DEFAULT_EXPIRY_DAYS
            : Integer.parseInt(String.valueOf(rows.iterator().next().getValue("value"))));
    return days.compose(d -> rows(r, "expiring", Tuple.of(uuid(r, "storeId"), today.plusDays(d)), row -> {
      LocalDate expiry = row.getLocalDate("expiry_date");
      return batch(row, r.locale()).put("daysLeft", ChronoUnit.DAYS.between(today, expiry)).put("expired", !expiry.isAfter(today));
    }));
  }

  Future<List<JsonObject>> lowStock(RequestEnvelope r) {
    return rows(r, "low_stock", Tuple.of(uuid(r, "storeId")), row -> {
      JsonObject json = item(row, r.locale()).put("storeId", row.getUUID("store_id").toString())
          .put("storeName", store(row, r.locale()))
          .put("supplier", BatchView.pick(r.locale(), row.getString("supplier_ar"), row.getString("supplier_en")));
      Quantities.put(json, "onHand", row.getBigDecimal("on_hand"));
      Quantities.put(json, "reorderLevel", row.getBigDecimal("reorder_level"));
      return Quantities.put(json, "reorderQuantity", row.getBigDecimal("reorder_quantity"));
    });
  }

  Future<List<JsonObject>> stockValue(RequestEnvelope r) {
    return rows(r, "stock_value", Tuple.of(uuid(r, "storeId"), StockActors.today(clock, zone)), row -> {
      JsonObject json = new JsonObject().put("storeId", row.getUUID("store_id").toString())
          .put("storeName", store(row, r.locale())).put("items", row.getLong("items")).put("batches", row.getLong("batches"));
      Quantities.put(json, "value", row.getBigDecimal("value"));
      return Quantities.put(json, "expiredValue", row.getBigDecimal("expired_value"));
    });
  }

  /** A page of moves, newest first, and the cursor for the next page (null at the end). */
  Future<JsonObject> moves(RequestEnvelope r, int limit) {
    Long cursor = null;
    if (r.param("cursor") != null) {
      try {
        cursor = Long.parseLong(r.param("cursor"));
      } catch (NumberFormatException e) {
        throw Problem.invalid("invalid_cursor", "cursor", Map.of());
      }
    }
    Tuple params = Tuple.from(new Object[] {uuid(r, "storeId"), uuid(r, "itemId"), r.param("kind"), dayStart(r.param("from")),
        cursor, limit + 1, dayEnd(r.param("to"))});
    return rows(r, "moves", params, row -> move(row, r.locale())).map(items -> {
      boolean more = items.size() > limit;
      List<JsonObject> page = more ? items.subList(0, limit) : items;
      String next = more ? String.valueOf(page.get(page.size() - 1).getLong("seq")) : null;
      page.forEach(j -> j.remove("seq"));
      return new JsonObject().put("items", new JsonArray(new ArrayList<>(page))).put("nextCursor", next);
    });
  }

  Future<List<JsonObject>> dispenses(RequestEnvelope r) {
    return rows(r, "dispensing_log", Tuple.of(uuid(r, "storeId"), dayStart(r.param("from")), dayEnd(r.param("to"))), row -> {
      boolean ar = "ar".equals(r.locale());
      String patient = ar ? row.getString("patient_name_ar") : row.getString("patient_name_en");
      JsonObject json = item(row, r.locale())
          .put("dispenseId", row.getUUID("dispense_id").toString())
          .put("dispensedAt", local(row.getOffsetDateTime("dispensed_at")))
          .put("storeId", row.getUUID("store_id").toString())
          .put("storeName", store(row, r.locale()))
          .put("patientId", str(row.getUUID("patient_id")))
          .put("patientName", patient == null || patient.isBlank() ? null : patient)
          .put("customerName", row.getString("customer_name"))
          .put("prescriptionId", str(row.getUUID("prescription_id")))
          .put("externalPrescription", row.getString("external_prescription"))
          .put("batchId", row.getUUID("batch_id").toString())
          .put("lotNumber", row.getString("lot_number"))
          .put("expiryDate", row.getLocalDate("expiry_date").toString())
          .put("dispensedBy", row.getUUID("dispensed_by").toString())
          .put("dispensedByName", ar ? row.getString("actor_name_ar") : row.getString("actor_name_en"));
      Quantities.put(json, "quantity", row.getBigDecimal("quantity"));
      return Quantities.put(json, "unitCost", row.getBigDecimal("unit_cost"));
    });
  }

  private interface RowView {
    JsonObject json(Row row);
  }

  private Future<List<JsonObject>> rows(RequestEnvelope r, String statement, Tuple params, RowView view) {
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get(statement)).execute(params))
        .map(rows -> {
          List<JsonObject> items = new ArrayList<>();
          rows.forEach(row -> items.add(view.json(row)));
          return items;
        });
  }

  private JsonObject batch(Row row, String locale) {
    BigDecimal q = row.getBigDecimal("quantity");
    BigDecimal cost = row.getBigDecimal("unit_cost");
    JsonObject json = item(row, locale)
        .put("batchId", row.getUUID("batch_id").toString())
        .put("storeId", row.getUUID("store_id").toString())
        .put("storeName", store(row, locale))
        .put("lotNumber", row.getString("lot_number"))
        .put("expiryDate", row.getLocalDate("expiry_date").toString());
    Quantities.put(json, "quantity", q);
    Quantities.put(json, "unitCost", cost);
    return Quantities.put(json, "value", q.multiply(cost).setScale(2, java.math.RoundingMode.HALF_UP));
  }

  private JsonObject move(Row row, String locale) {
    JsonObject json = item(row, locale)
        .put("id", row.getUUID("id").toString())
        .put("seq", row.getLong("seq"))
        .put("createdAt", local(row.getOffsetDateTime("created_at")))
        .put("kind", row.getString("kind"))
        .put("storeId", row.getUUID("store_id").toString())
        .put("storeName", store(row, locale))
        .put("batchId", row.getUUID("batch_id").toString())
        .put("lotNumber", row.getString("lot_number"))
        .put("expiryDate", row.getLocalDate("expiry_date").toString())
        .put("reason", row.getString("reason"))
        .put("note", row.getString("note"))
        .put("reference", row.getString("reference"))
        .put("supplier", BatchView.pick(locale, row.getString("supplier_ar"), row.getString("supplier_en")))
        .put("dispenseId", str(row.getUUID("dispense_id")))
        .put("transferId", str(row.getUUID("transfer_id")))
        .put("countId", str(row.getUUID("count_id")))
        .put("actorId", row.getUUID("actor_id").toString())
        .put("actorName", "ar".equals(locale) ? row.getString("actor_name_ar") : row.getString("actor_name_en"));
    Quantities.put(json, "quantity", row.getBigDecimal("quantity"));
    return Quantities.put(json, "unitCost", row.getBigDecimal("unit_cost"));
  }

  private static JsonObject item(Row row, String locale) {
    return new JsonObject().put("itemId", row.getUUID("item_id").toString()).put("itemCode", row.getString("code"))
        .put("itemName", BatchView.itemName(row, locale)).put("unit", row.getString("unit"));
  }

  private static String store(Row row, String locale) {
    return BatchView.pick(locale, row.getString("store_name_ar"), row.getString("store_name_en"));
  }

  private String local(OffsetDateTime t) {
    return t.atZoneSameInstant(zone).toOffsetDateTime().toString();
  }

  private OffsetDateTime dayStart(String date) {
    return date == null ? null : LocalDate.parse(date).atStartOfDay(zone).toOffsetDateTime();
  }

  private OffsetDateTime dayEnd(String date) {
    return date == null ? null : LocalDate.parse(date).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  private static UUID uuid(RequestEnvelope r, String name) {
    return r.param(name) == null ? null : UUID.fromString(r.param(name));
  }

  private static String str(UUID id) {
    return id == null ? null : id.toString();
  }

  static Reply list(List<JsonObject> items) {
    return Reply.of(new JsonObject().put("items", new JsonArray(new ArrayList<>(items))));
  }
}
