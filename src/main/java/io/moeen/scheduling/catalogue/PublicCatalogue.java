package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;
import java.util.function.BiFunction;

import static io.moeen.scheduling.catalogue.CatalogueRequests.arabic;
import static io.moeen.scheduling.catalogue.CatalogueRequests.cached;
import static io.moeen.scheduling.catalogue.CatalogueRequests.dateParam;
import static io.moeen.scheduling.catalogue.CatalogueRequests.tuple;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuidParam;

/** What anyone may read, without signing in: only active records, in the request's language. */
final class PublicCatalogue {
  private final Pool pool;
  private final SqlStatements sql;

  PublicCatalogue(Pool pool, SqlStatements sql) {
    this.pool = pool;
    this.sql = sql;
  }

  Future<Reply> locations(RequestEnvelope request) {
    return list("locations", tuple(null, false), CatalogueJson::location, request);
  }

  Future<Reply> location(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return one("locations", tuple(id, false), CatalogueJson::location, request, "location_not_found", id);
  }

  Future<Reply> departments(RequestEnvelope request) {
    return list("departments", tuple(null, false), CatalogueJson::department, request);
  }

  Future<Reply> services(RequestEnvelope request) {
    return list("services", tuple(null, uuidParam(request, "departmentId"), request.param("category"),
        uuidParam(request, "doctorId"), false), CatalogueJson::service, request);
  }

  Future<Reply> service(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return one("services", tuple(id, null, null, null, false), CatalogueJson::service, request, "service_not_found", id);
  }

  Future<Reply> doctors(RequestEnvelope request) {
    return list("doctors", tuple(null, uuidParam(request, "departmentId"), uuidParam(request, "serviceId"),
        uuidParam(request, "locationId"), false), CatalogueJson::doctor, request);
  }

  Future<Reply> doctor(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return one("doctors", tuple(id, null, null, null, false), CatalogueJson::doctor, request, "doctor_not_found", id);
  }

  Future<Reply> holidays(RequestEnvelope request) {
    return list("holidays", tuple(uuidParam(request, "locationId"), dateParam(request, "from"), dateParam(request, "to")),
        CatalogueJson::holiday, request);
  }

  /** A doctor's regular week (active or not: staff plan hours before a doctor goes live). */
  Future<Reply> availability(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return pool.preparedQuery(sql.get("doctors")).execute(tuple(id, null, null, null, true))
        .compose(found -> found.size() == 0 ? Future.failedFuture(CatalogueFailures.notFound("doctor_not_found", id))
            : pool.preparedQuery(sql.get("availability")).execute(Tuple.of(id)))
        .map(rows -> cached(new JsonObject().put("doctorId", id.toString()).put("blocks", rows(rows, (r, ar) -> CatalogueJson.weeklyBlock(r), false))));
  }

  Future<Reply> ramadanHours(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return pool.preparedQuery(sql.get("locations")).execute(tuple(id, true))
        .compose(found -> found.size() == 0 ? Future.failedFuture(CatalogueFailures.notFound("location_not_found", id))
            : pool.preparedQuery(sql.get("ramadan_hours")).execute(Tuple.of(id)))
        .map(rows -> cached(new JsonObject().put("locationId", id.toString()).put("blocks", rows(rows, (r, ar) -> CatalogueJson.ramadanBlock(r), false))));
  }

  private Future<Reply> list(String statement, Tuple args, BiFunction<Row, Boolean, JsonObject> json, RequestEnvelope request) {
    return pool.preparedQuery(sql.get(statement)).execute(args)
        .map(rows -> cached(new JsonObject().put("items", rows(rows, json, arabic(request)))));
  }

  private Future<Reply> one(String statement, Tuple args, BiFunction<Row, Boolean, JsonObject> json, RequestEnvelope request,
                            String missing, UUID id) {
    return pool.preparedQuery(sql.get(statement)).execute(args).compose(rows -> rows.size() == 0
        ? Future.failedFuture(CatalogueFailures.notFound(missing, id))
        : Future.succeededFuture(cached(json.apply(rows.iterator().next(), arabic(request)))));
  }

  static JsonArray rows(RowSet<Row> rows, BiFunction<Row, Boolean, JsonObject> json, boolean ar) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(json.apply(row, ar)));
    return items;
  }
}
