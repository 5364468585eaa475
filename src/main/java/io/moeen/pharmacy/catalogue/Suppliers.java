package io.moeen.pharmacy.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.pharmacy.BatchView;
import io.moeen.pharmacy.StockActors;
import io.moeen.pharmacy.StockProblems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The suppliers items come from and receipts name: names in Arabic and English, a contact and the VAT number
 * (Saudi: 15 digits, first and last 3; 400 invalid_vat_number). One English name per supplier (409
 * supplier_exists). A supplier is never deleted (receipts name it): {@code active: false} retires it.
 */
final class Suppliers {
  private static final Pattern VAT_NUMBER = Pattern.compile("3[0-9]{13}3");
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/suppliers.sql");

  private final Pool pool;

  Suppliers(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<JsonObject> list(RequestEnvelope r) {
    return pool.preparedQuery(SQL.get("suppliers"))
        .execute(Tuple.of(r.param("q"), Boolean.parseBoolean(r.param("includeInactive"))))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(json(row, r.locale())));
          return new JsonObject().put("items", items);
        });
  }

  Future<JsonObject> create(RequestEnvelope r) {
    JsonObject b = r.bodyAsObject();
    vatNumber(b);
    Tuple params = Tuple.of(b.getString("nameAr").trim(), b.getString("nameEn").trim(), b.getString("contactName"),
        b.getString("phone"), b.getString("email"), b.getString("vatNumber"));
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("insert_supplier"))
            .execute(params))
        .recover(StockProblems.TABLE::recover)
        .map(rows -> json(rows.iterator().next(), r.locale()));
  }

  Future<JsonObject> update(RequestEnvelope r) {
    JsonObject b = r.bodyAsObject();
    vatNumber(b);
    Tuple params = Tuple.from(new Object[] {UUID.fromString(r.param("id")), b.getString("nameAr"), b.getString("nameEn"),
        b.getString("contactName"), b.getString("phone"), b.getString("email"), b.getString("vatNumber"),
        b.getBoolean("active")});
    return SessionContext.inTransaction(pool, StockActors.of(r), conn -> conn.preparedQuery(SQL.get("update_supplier"))
            .execute(params))
        .recover(StockProblems.TABLE::recover)
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(Problem.notFound("supplier_not_found", Map.of()))
            : Future.succeededFuture(json(rows.iterator().next(), r.locale())));
  }

  private static void vatNumber(JsonObject b) {
    String vat = b.getString("vatNumber");
    if (vat != null && !VAT_NUMBER.matcher(vat).matches()) {
      throw Problem.invalid("invalid_vat_number", "vatNumber", Map.of("value", vat));
    }
  }

  private static JsonObject json(Row row, String locale) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("name", BatchView.pick(locale, row.getString("name_ar"), row.getString("name_en")))
        .put("nameAr", row.getString("name_ar"))
        .put("nameEn", row.getString("name_en"))
        .put("contactName", row.getString("contact_name"))
        .put("phone", row.getString("phone"))
        .put("email", row.getString("email"))
        .put("vatNumber", row.getString("vat_number"))
        .put("active", row.getBoolean("is_active"));
  }
}
