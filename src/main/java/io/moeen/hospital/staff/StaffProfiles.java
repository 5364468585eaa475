package io.moeen.hospital.staff;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.first;

/** People who work here and are not doctors: profile, job, department, shift, and the account of those who sign in. */
final class StaffProfiles {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/staff.sql");

  private final HospitalDatabase db;

  StaffProfiles(HospitalDatabase db) {
    this.db = db;
  }

  Future<Reply> list(RequestEnvelope request) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get("staff")).execute(Tuple.tuple().addString(request.param("job")).addUUID(null)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(json(row)));
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  Future<Reply> create(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    return db.as(request, conn -> conn.preparedQuery(SQL.get("insert_staff")).execute(Tuple.of(uuid(b, "userId"),
            b.getString("firstNameAr"), b.getString("lastNameAr"), b.getString("firstNameEn"), b.getString("lastNameEn"),
            b.getString("job"), uuid(b, "departmentId"), b.getString("shift"), b.getString("phone")))
        .compose(rows -> one(conn, first(rows).getUUID("id"))))
        .map(Reply::of);
  }

  /** Only the fields sent change; {@code userId} or {@code departmentId} sent as null unlink. */
  Future<Reply> update(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject b = request.bodyAsObject();
    Tuple args = Tuple.tuple().addUUID(id).addUUID(uuid(b, "userId"))
        .addString(b.getString("firstNameAr")).addString(b.getString("lastNameAr"))
        .addString(b.getString("firstNameEn")).addString(b.getString("lastNameEn"))
        .addString(b.getString("job")).addUUID(uuid(b, "departmentId")).addString(b.getString("shift"))
        .addBoolean(b.containsKey("userId")).addBoolean(b.containsKey("departmentId"))
        .addBoolean(b.getBoolean("active")).addString(b.getString("phone"));
    return db.as(request, conn -> conn.preparedQuery(SQL.get("update_staff")).execute(args).compose(rows -> {
      if (rows.size() == 0) {
        throw Problem.notFound("staff_not_found", Map.of("id", id.toString()));
      }
      return one(conn, id);
    })).map(Reply::of);
  }

  private Future<JsonObject> one(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("staff")).execute(Tuple.tuple().addString(null).addUUID(id)).map(rows -> json(first(rows)));
  }

  private static UUID uuid(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null ? null : UUID.fromString(value);
  }

  private static JsonObject json(Row r) {
    return new JsonObject().put("id", r.getUUID("id").toString())
        .put("userId", r.getUUID("user_id") == null ? null : r.getUUID("user_id").toString())
        .put("userEmail", r.getString("user_email"))
        .put("firstNameAr", r.getString("first_name_ar")).put("lastNameAr", r.getString("last_name_ar"))
        .put("firstNameEn", r.getString("first_name_en")).put("lastNameEn", r.getString("last_name_en"))
        .put("job", r.getString("job"))
        .put("departmentId", r.getUUID("department_id") == null ? null : r.getUUID("department_id").toString())
        .put("shift", r.getString("shift")).put("phone", r.getString("phone")).put("active", r.getBoolean("is_active"));
  }
}
