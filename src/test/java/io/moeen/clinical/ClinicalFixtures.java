package io.moeen.clinical;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The demo clinic's clinical ids, and small helpers over HTTP and over SQL as the tables' owner. */
final class ClinicalFixtures {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final UUID KHALID = UUID.fromString("00000000-0000-4000-c200-000000000004");
  static final UUID FAISAL = UUID.fromString("00000000-0000-4000-c200-000000000006");
  static final UUID OLAYA = UUID.fromString("00000000-0000-4000-c100-000000000001");
  static final UUID GENERAL_CONSULTATION = UUID.fromString("00000000-0000-4000-c300-000000000001");
  /** Ahmed's walk-in visit with Dr. Khalid (hypertension), finished, with a signed SOAP note. */
  static final UUID AHMED_VISIT = UUID.fromString("00000000-0000-4018-8000-000000000001");
  static final UUID AHMED_VISIT_NOTE = UUID.fromString("00000000-0000-4018-8000-000000000101");

  private final RunningApp app;

  ClinicalFixtures(RunningApp app) {
    this.app = app;
  }

  HttpResponse<Buffer> call(String method, String path, String lang, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.encode());
  }

  HttpResponse<Buffer> get(String path, String token) {
    return call("GET", path, "en", token, null);
  }

  HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    return call("POST", path, "en", token, body);
  }

  /** A walk-in encounter opened through the API by the doctor behind {@code token}; its id. */
  UUID openWalkIn(String token, UUID patientId) {
    var response = post("/v1/patients/" + patientId + "/encounters", token, new JsonObject().put("chiefComplaint", "test"));
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.bodyAsString());
    }
    return UUID.fromString(response.bodyAsJsonObject().getString("id"));
  }

  /** A confirmed appointment whose start has passed but is still today in Riyadh (check-in and completion allowed). */
  UUID appointmentStartedToday(UUID patient, UUID doctor) {
    Instant tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    Instant midnight = LocalDate.now(RIYADH).atTime(LocalTime.MIDNIGHT).atZone(RIYADH).toInstant();
    Instant start = tenMinutesAgo.isBefore(midnight) ? midnight : tenMinutesAgo;
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source)
        VALUES ('%s', '%s', '%s', '%s', '%s', '%s', '%s'::timestamptz + interval '30 minutes', '%s',
                '%s'::timestamptz + interval '35 minutes', 'confirmed', 'reception')
        """.formatted(id, patient, doctor, GENERAL_CONSULTATION, OLAYA, start, start, start, start));
    return id;
  }

  /** The first column of the first row, as text, read as the tables' owner (no row-level security). */
  String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  int count(String sql) {
    return Integer.parseInt(one("SELECT count(*) FROM (" + sql + ") x"));
  }
}
