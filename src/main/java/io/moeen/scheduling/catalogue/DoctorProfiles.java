package io.moeen.scheduling.catalogue;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.auth.Access;
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

/** Doctors: an existing account made a doctor (and given the doctor role), with specialty, fee and services. */
final class DoctorProfiles {
  private final CatalogueWrites writes;
  private final PrincipalInvalidations principals;

  /** {@code principals}: a new doctor profile grants the account the doctor role. */
  DoctorProfiles(CatalogueWrites writes, PrincipalInvalidations principals) {
    this.writes = writes;
    this.principals = principals;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    UUID user = uuid(b, "userId");
    UUID grantedBy = Access.principal(request).userId();
    return writes.inTransaction(request, conn -> conn.preparedQuery(writes.sql().get("user_exists")).execute(Tuple.of(user))
        .compose(found -> found.size() == 0
            ? Future.failedFuture(CatalogueFailures.unknown("unknown_user", "userId"))
            : conn.preparedQuery(writes.sql().get("insert_doctor")).execute(tuple(user, uuid(b, "departmentId"),
                b.getString("specialtyAr"), b.getString("specialtyEn"), b.getString("licenseNumber"), b.getString("bioAr"),
                b.getString("bioEn"), decimal(b, "consultationFee"))))
        .map(rows -> rows.iterator().next().getUUID("id"))
        .compose(id -> conn.preparedQuery(writes.sql().get("grant_doctor_role")).execute(Tuple.of(user, grantedBy))
            .compose(x -> offers(conn, id, b))
            .compose(x -> readBack(conn, id, request))))
        .map(json -> principals.user(user, json));
  }

  Future<JsonObject> update(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> writes.touch(conn, "update_doctor", tuple(id, uuid(b, "departmentId"),
            b.getString("specialtyAr"), b.getString("specialtyEn"), b.getString("licenseNumber"), b.getString("bioAr"),
            b.getString("bioEn"), decimal(b, "consultationFee"), b.getBoolean("isActive")), "doctor_not_found", id)
        .compose(x -> offers(conn, id, b))
        .compose(x -> readBack(conn, id, request)));
  }

  Future<Void> delete(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return writes.delete(request, "delete_doctor", "lock_doctor", "doctor_not_found", id);
  }

  /** {@code serviceIds}, when sent, is exactly what the doctor offers from now on. */
  private Future<Void> offers(SqlConnection conn, UUID doctor, JsonObject b) {
    JsonArray services = b.getJsonArray("serviceIds");
    if (services == null) {
      return Future.succeededFuture();
    }
    List<UUID> ids = services.stream().map(s -> UUID.fromString((String) s)).distinct().toList();
    return writes.requireKnown(conn, "known_services", ids, "unknown_service", "serviceIds[]")
        .compose(x -> conn.preparedQuery(writes.sql().get("set_doctor_services"))
            .execute(Tuple.of(doctor).addValue(ids.toArray(UUID[]::new))))
        .mapEmpty();
  }

  private Future<JsonObject> readBack(SqlConnection conn, UUID id, RequestEnvelope request) {
    return writes.readBack(conn, "doctors", tuple(id, null, null, null, true), CatalogueJson::doctor, request);
  }
}
