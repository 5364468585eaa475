package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

import static io.moeen.scheduling.catalogue.CatalogueRequests.decimal;
import static io.moeen.scheduling.catalogue.CatalogueRequests.tuple;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuid;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuidParam;

/** The services patients book: duration, price, buffers, and which doctors offer each. */
final class ServiceOfferings {
  private final CatalogueWrites writes;

  ServiceOfferings(CatalogueWrites writes) {
    this.writes = writes;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> conn.preparedQuery(writes.sql().get("insert_service"))
        .execute(fields(b, b.getString("code")))
        .map(rows -> rows.iterator().next().getUUID("id"))
        .compose(id -> offeredBy(conn, id, b).compose(x -> readBack(conn, id, request))));
  }

  Future<JsonObject> update(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> writes.touch(conn, "update_service",
            fields(b, id).addValue(b.getBoolean("isActive")), "service_not_found", id)
        .compose(x -> offeredBy(conn, id, b))
        .compose(x -> readBack(conn, id, request)));
  }

  Future<Void> delete(RequestEnvelope request) {
    return writes.delete(request, "delete_service", "service_exists", "service_not_found", uuidParam(request, "id"));
  }

  /** {@code doctorIds}, when sent, is exactly who offers the service from now on. */
  private Future<Void> offeredBy(SqlConnection conn, UUID service, JsonObject b) {
    JsonArray doctors = b.getJsonArray("doctorIds");
    if (doctors == null) {
      return Future.succeededFuture();
    }
    List<UUID> ids = doctors.stream().map(d -> UUID.fromString((String) d)).distinct().toList();
    return writes.requireKnown(conn, "known_doctors", ids, "unknown_doctor", "doctorIds[]")
        .compose(x -> conn.preparedQuery(writes.sql().get("set_service_doctors"))
            .execute(Tuple.of(service).addValue(ids.toArray(UUID[]::new))))
        .mapEmpty();
  }

  private Future<JsonObject> readBack(SqlConnection conn, UUID id, RequestEnvelope request) {
    return writes.readBack(conn, "services", tuple(id, null, null, null, true), CatalogueJson::service, request);
  }

  private static Tuple fields(JsonObject b, Object key) {
    return tuple(key, b.getString("nameAr"), b.getString("nameEn"), b.getString("descriptionAr"), b.getString("descriptionEn"),
        b.getString("category"), uuid(b, "departmentId"), b.getInteger("durationMinutes"), decimal(b, "price"),
        b.getString("currency"), b.getInteger("bufferBeforeMinutes"), b.getInteger("bufferAfterMinutes"));
  }
}
