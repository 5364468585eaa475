package io.moeen.pharmacy.catalogue;

import io.moeen.common.bus.RequestEnvelope;
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
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** Items (search, one item with its stores, a new item), stores, and reorder levels per store. */
public final class Catalogue {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/catalogue.sql");
  static final int DEFAULT_LIMIT = 50;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public Catalogue(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<JsonObject> search(RequestEnvelope r) {
    String q = r.param("q") == null || r.param("q").isBlank() ? null : r.param("q").trim();
    int limit = r.param("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(r.param("limit"));
    return pool.preparedQuery(SQL.get("items"))
        .execute(Tuple.of(q, r.param("kind"), limit, StockActors.today(clock, zone)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(item(row, r.locale())));
          return new JsonObject().put("items", items);
        });
  }

  Future<JsonObject> get(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    var today = StockActors.today(clock, zone);
    return pool.preparedQuery(SQL.get("item")).execute(Tuple.of(id, today)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Problem.notFound("item_not_found", Map.of()));
      }
      JsonObject item = item(rows.iterator().next(), r.locale());
      return pool.preparedQuery(SQL.get("item_stores")).execute(Tuple.of(id, today)).map(stores -> {
        JsonArray list = new JsonArray();
        for (Row s : stores) {
          JsonObject store = new JsonObject().put("storeId", s.getUUID("store_id").toString())
              .put("storeName", BatchView.pick(r.locale(), s.getString("name_ar"), s.getString("name_en")));
          Quantities.put(store, "available", s.getBigDecimal("available"));
          Quantities.put(store, "onHand", s.getBigDecimal("on_hand"));
          Quantities.put(store, "reorderLevel", s.getBigDecimal("reorder_level"));
          list.add(Quantities.put(store, "reorderQuantity", s.getBigDecimal("reorder_quantity")));
        }
        return item.put("stores", list);
      });
    });
  }

  Future<JsonObject> create(RequestEnvelope r) {
    JsonObject b = r.bodyAsObject();
    String kind = b.getString("kind");
    boolean controlled = b.getBoolean("controlled", false);
    boolean prescriptionOnly = b.getBoolean("prescriptionOnly", false) || controlled;
    if ("supply".equals(kind) && prescriptionOnly) {
      throw Problem.invalid("supply_not_a_medicine", b.containsKey("controlled") ? "controlled" : "prescriptionOnly", Map.of());
    }
    Tuple params = Tuple.from(new Object[] {b.getString("code"), kind, b.getString("genericNameAr"),
        b.getString("genericNameEn"), b.getString("brandNameAr"), b.getString("brandNameEn"), b.getString("strength"),
        b.getString("form"), b.getString("route"), b.getString("atcCode"), b.getString("sfdaRegistration"), controlled,
        prescriptionOnly, b.getString("unit"), b.getBoolean("wholeUnits", true), b.getInteger("packSize", 1),
        uuid(b.getString("supplierId")), Quantities.sql(price(b))});
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("insert_item"))
            .execute(params))
        .recover(StockProblems.TABLE::recover)
        .compose(rows -> pool.preparedQuery(SQL.get("item"))
            .execute(Tuple.of(rows.iterator().next().getUUID("id"), StockActors.today(clock, zone))))
        .map(rows -> item(rows.iterator().next(), r.locale()));
  }

  /** Changes what the body names; {@code active: false} takes the item out of search and of new stock. */
  Future<JsonObject> update(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    JsonObject b = r.bodyAsObject();
    Tuple params = Tuple.from(new Object[] {id, b.getString("genericNameAr"), b.getString("genericNameEn"),
        b.getString("brandNameAr"), b.getString("brandNameEn"), b.getString("strength"), b.getString("form"),
        b.getString("route"), b.getString("atcCode"), b.getString("sfdaRegistration"), b.getBoolean("controlled"),
        b.getBoolean("prescriptionOnly"), uuid(b.getString("supplierId")), b.getBoolean("active"), Quantities.sql(price(b))});
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("update_item"))
            .execute(params))
        .recover(failure -> Future.failedFuture(StockProblems.TABLE.translate(failure)))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(Problem.notFound("item_not_found", Map.of()))
            : pool.preparedQuery(SQL.get("item")).execute(Tuple.of(id, StockActors.today(clock, zone))))
        .map(rows -> item(rows.iterator().next(), r.locale()));
  }

  Future<JsonObject> stores(RequestEnvelope r) {
    return pool.preparedQuery(SQL.get("stores")).execute().map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(store(row)));
      return new JsonObject().put("items", items);
    });
  }

  Future<JsonObject> createStore(RequestEnvelope r) {
    JsonObject b = r.bodyAsObject();
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("insert_store"))
            .execute(Tuple.of(UUID.fromString(b.getString("locationId")), b.getString("kind"), b.getString("nameAr"),
                b.getString("nameEn"))))
        .recover(StockProblems.TABLE::recover)
        .map(rows -> store(rows.iterator().next()));
  }

  /**
   * Changes a store's names and kind; {@code active: false} closes it, refused while it holds stock (409
   * {@code store_holds_stock}) or has an open count (409 {@code store_count_open}); {@code active: true} opens it
   * again. The row is locked first, so a move in flight finishes before the check (docs/pharmacy.md).
   */
  Future<JsonObject> updateStore(RequestEnvelope r) {
    UUID id = UUID.fromString(r.param("id"));
    JsonObject b = r.bodyAsObject();
    Boolean active = b.getBoolean("active");
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("lock_store"))
            .execute(Tuple.of(id))
            .compose(store -> {
              if (store.size() == 0) {
                return Future.failedFuture(Problem.notFound("store_not_found", Map.of()));
              }
              boolean closing = Boolean.FALSE.equals(active) && store.iterator().next().getBoolean("is_active");
              return closing ? mayClose(conn, id) : Future.succeededFuture();
            })
            .compose(ok -> conn.preparedQuery(SQL.get("update_store")).execute(Tuple.of(id, b.getString("nameAr"),
                b.getString("nameEn"), b.getString("kind"), active))))
        .recover(StockProblems.TABLE::recover)
        .map(rows -> store(rows.iterator().next()));
  }

  private Future<Void> mayClose(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("store_holdings")).execute(Tuple.of(id)).compose(rows -> {
      Row held = rows.iterator().next();
      if (held.getBigDecimal("on_hand").signum() > 0) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "store_holds_stock",
            Map.of("onHand", Quantities.json(held.getBigDecimal("on_hand")).toPlainString()), "active"));
      }
      return held.getBoolean("count_open")
          ? Future.failedFuture(new Problem(ProblemKind.CONFLICT, "store_count_open", Map.of(), "active"))
          : Future.succeededFuture();
    });
  }

  /** The reorder level and quantity of an item in a store; a level at or above what is on hand is a crossing. */
  Future<JsonObject> setReorder(RequestEnvelope r) {
    UUID storeId = UUID.fromString(r.param("id"));
    UUID itemId = UUID.fromString(r.param("itemId"));
    JsonObject b = r.bodyAsObject();
    BigDecimal level = Quantities.counted(b.getValue("reorderLevel"), "reorderLevel", false);
    BigDecimal quantity = b.getValue("reorderQuantity") == null ? null
        : Quantities.positive(b.getValue("reorderQuantity"), "reorderQuantity", false);
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("store"))
        .execute(Tuple.of(storeId))
        .compose(store -> store.size() == 0 ? Future.failedFuture(Problem.notFound("store_not_found", Map.of()))
            : conn.preparedQuery(SQL.get("item")).execute(Tuple.of(itemId, StockActors.today(clock, zone))))
        .compose(item -> item.size() == 0 ? Future.failedFuture(Problem.notFound("item_not_found", Map.of()))
            : conn.preparedQuery(SQL.get("set_reorder"))
                .execute(Tuple.of(storeId, itemId, Quantities.sql(level), Quantities.sql(quantity))))
        .compose(set -> conn.preparedQuery(SQL.get("check_low")).execute(Tuple.of(storeId, itemId)).map(set))
        .map(set -> {
          Row row = set.iterator().next();
          JsonObject json = new JsonObject().put("storeId", storeId.toString()).put("itemId", itemId.toString());
          Quantities.put(json, "onHand", row.getBigDecimal("on_hand"));
          Quantities.put(json, "reorderLevel", row.getBigDecimal("reorder_level"));
          return Quantities.put(json, "reorderQuantity", row.getBigDecimal("reorder_quantity"));
        }));
  }

  private static JsonObject store(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("locationId", row.getUUID("location_id").toString())
        .put("kind", row.getString("kind")).put("nameAr", row.getString("name_ar")).put("nameEn", row.getString("name_en"))
        .put("active", row.getBoolean("is_active"));
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  /** The sale price in SAR with at most two decimals (halalas), or null when not given. */
  private static BigDecimal price(JsonObject b) {
    if (b.getValue("salePrice") == null) {
      return null;
    }
    BigDecimal price = Quantities.decimal(b.getValue("salePrice"), "salePrice");
    if (price.signum() < 0 || price.stripTrailingZeros().scale() > 2) {
      throw Problem.invalid("invalid_price", "salePrice", Map.of());
    }
    return price;
  }

  private static JsonObject item(Row r, String locale) {
    JsonObject json = new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("code", r.getString("code"))
        .put("kind", r.getString("kind"))
        .put("name", BatchView.itemName(r, locale))
        .put("genericNameAr", r.getString("generic_name_ar"))
        .put("genericNameEn", r.getString("generic_name_en"))
        .put("brandNameAr", r.getString("brand_name_ar"))
        .put("brandNameEn", r.getString("brand_name_en"))
        .put("strength", r.getString("strength"))
        .put("form", r.getString("form"))
        .put("route", r.getString("route"))
        .put("atcCode", r.getString("atc_code"))
        .put("sfdaRegistration", r.getString("sfda_registration"))
        .put("controlled", r.getBoolean("is_controlled"))
        .put("prescriptionOnly", r.getBoolean("is_prescription_only"))
        .put("unit", r.getString("unit"))
        .put("wholeUnits", r.getBoolean("whole_units"))
        .put("packSize", r.getInteger("pack_size"))
        .put("supplierId", r.getUUID("supplier_id") == null ? null : r.getUUID("supplier_id").toString())
        .put("supplier", BatchView.pick(locale, r.getString("supplier_ar"), r.getString("supplier_en")))
        .put("salePrice", r.getBigDecimal("sale_price") == null ? null : r.getBigDecimal("sale_price").doubleValue())
        .put("active", r.getBoolean("is_active"));
    return Quantities.put(json, "available", r.getBigDecimal("available"));
  }
}
