package io.moeen.scheduling.booking;

import static io.moeen.scheduling.SchedulingDemo.RIYADH_OLAYA;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Booking calls and owner-side counts shared by the booking tests. */
final class BookingApi {
  private final RunningApp app;

  BookingApi(RunningApp app) {
    this.app = app;
  }

  static JsonObject body(UUID patient, UUID doctor, UUID service, Instant startsAt) {
    return body(patient, doctor, service, RIYADH_OLAYA, startsAt);
  }

  static JsonObject body(UUID patient, UUID doctor, UUID service, UUID location, Instant startsAt) {
    return new JsonObject().put("patientId", patient.toString()).put("doctorId", doctor.toString())
        .put("serviceId", service.toString()).put("locationId", location.toString())
        .put("startsAt", startsAt.toString());
  }

  HttpResponse<Buffer> book(String token, String lang, JsonObject body, String idempotencyKey) {
    return bookAsync(token, lang, body, idempotencyKey).await();
  }

  HttpResponse<Buffer> book(String token, JsonObject body) {
    return book(token, "en", body, null);
  }

  Future<HttpResponse<Buffer>> bookAsync(String token, String lang, JsonObject body, String idempotencyKey) {
    HttpRequest<Buffer> request = app.client().post("/v1/appointments")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept-Language", lang)
        .putHeader("Content-Type", "application/json");
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    return request.sendBuffer(body.toBuffer());
  }

  static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  static JsonObject refused(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    return problem;
  }

  /** Rows of appointments and notifications, as the owner sees them (no row-level security). */
  String rows() {
    return count("SELECT count(*) FROM appointments") + "/" + count("SELECT count(*) FROM notifications");
  }

  long count(String sql) {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String text(String sql) {
    var db = app.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(out.length() == 0 ? "" : ";").append(rs.getString(1));
      }
      return out.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
