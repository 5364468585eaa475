package io.moeen.billing.sellers;

import io.moeen.billing.BillingAddresses;
import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;

/**
 * The seller as invoices print it and ZATCA knows it, per branch. A VAT registration number is 15 digits, the
 * first and the last a 3 (400 invalid_vat_number); the database checks the same.
 */
public final class SellersVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/sellers.sql");

  private final Pool pool;

  public SellersVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    serve(BillingAddresses.SELLERS_GET, anyOf("billing.read.any", "billing.settings.manage"), this::get);
    serve(BillingAddresses.SELLERS_SAVE, anyOf("billing.settings.manage"), this::save);
    return SQL.verify(pool).compose(verified -> registered());
  }

  /** A Saudi VAT registration number: 15 digits, beginning and ending with 3. */
  public static boolean validVatNumber(String value) {
    return value != null && value.matches("3[0-9]{13}3");
  }

  private Future<Reply> get(RequestEnvelope request) {
    UUID location = UUID.fromString(request.param("locationId"));
    Actor actor = new Actor(Access.principal(request), request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(SQL.get("seller")).execute(Tuple.of(location)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new Problem(ProblemKind.NOT_FOUND, "seller_not_configured", Map.of());
          }
          return Reply.of(view(rows.iterator().next()));
        });
  }

  private Future<Reply> save(RequestEnvelope request) {
    UUID location = UUID.fromString(request.param("locationId"));
    JsonObject b = request.bodyAsObject();
    if (!validVatNumber(b.getString("vatNumber"))) {
      throw Problem.invalid("invalid_vat_number", "vatNumber", Map.of("value", String.valueOf(b.getString("vatNumber"))));
    }
    Tuple args = Tuple.of(location, b.getString("nameAr"), b.getString("nameEn"), b.getString("vatNumber"),
        b.getString("commercialRegistration"), b.getString("street"), b.getString("buildingNumber"),
        b.getString("district"), b.getString("city"), b.getString("postalCode"), b.getString("invoicePrefix"));
    Actor actor = new Actor(Access.principal(request), request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(SQL.get("save")).execute(args)
            .compose(saved -> conn.preparedQuery(SQL.get("seller")).execute(Tuple.of(location))))
        .recover(failure -> Future.failedFuture(FOREIGN_KEY.matches(failure, "billing_sellers_location_id_fkey"::equals)
            ? Problem.notFound("location_not_found", Map.of("id", location.toString())) : failure))
        .map(rows -> Reply.of(view(rows.iterator().next())));
  }

  private static JsonObject view(Row r) {
    return new JsonObject()
        .put("locationId", r.getUUID("location_id").toString())
        .put("nameAr", r.getString("name_ar"))
        .put("nameEn", r.getString("name_en"))
        .put("vatNumber", r.getString("vat_number"))
        .put("commercialRegistration", r.getString("commercial_registration"))
        .put("street", r.getString("street"))
        .put("buildingNumber", r.getString("building_number"))
        .put("district", r.getString("district"))
        .put("city", r.getString("city"))
        .put("postalCode", r.getString("postal_code"))
        .put("invoicePrefix", r.getString("invoice_prefix"));
  }
}
