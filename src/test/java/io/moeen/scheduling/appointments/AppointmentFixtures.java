package io.moeen.scheduling.appointments;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appointments made directly in the database (booking is another feature), and calls to the lifecycle API. */
final class AppointmentFixtures {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final UUID OLAYA = UUID.fromString("00000000-0000-4000-c100-000000000001");
  static final UUID KHALID = UUID.fromString("00000000-0000-4000-c200-000000000004");
  static final UUID MAHA = UUID.fromString("00000000-0000-4000-c200-000000000005");
  static final UUID FAISAL = UUID.fromString("00000000-0000-4000-c200-000000000006");
  static final UUID GENERAL_CONSULTATION = UUID.fromString("00000000-0000-4000-c300-000000000001");
  static final UUID FOLLOW_UP = UUID.fromString("00000000-0000-4000-c300-000000000002");
  static final UUID ECG = UUID.fromString("00000000-0000-4000-c300-000000000005");

  private final RunningApp app;

  AppointmentFixtures(RunningApp app) {
    this.app = app;
  }

  /** {@code days} from today at {@code hour}:00 Riyadh time; demo appointments lie within ±10 days, so use more. */
  static Instant riyadh(int days, int hour, int minute) {
    return LocalDate.now(RIYADH).plusDays(days).atTime(hour, minute).atZone(RIYADH).toInstant();
  }

  /** A start that has passed but is still today in Riyadh. */
  static Instant startedToday() {
    Instant tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    Instant midnight = LocalDate.now(RIYADH).atTime(LocalTime.MIDNIGHT).atZone(RIYADH).toInstant();
    return tenMinutesAgo.isBefore(midnight) ? midnight : tenMinutesAgo;
  }

  UUID insert(UUID patient, UUID doctor, UUID service, Instant start, String status) {
    return insert(UUID.randomUUID(), patient, doctor, service, start, status, null, null);
  }

  /** Blocked time from the service's buffers, as booking computes it. */
  UUID insert(UUID id, UUID patient, UUID doctor, UUID service, Instant start, String status, String previous,
              Instant requestedStart) {
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source, request_previous_status, requested_starts_at, request_notes,
                                  requested_at)
        SELECT '%s', '%s', '%s', s.id, '%s', t.at, t.at + make_interval(mins => s.duration_minutes),
               t.at - make_interval(mins => s.buffer_before_minutes),
               t.at + make_interval(mins => s.duration_minutes + s.buffer_after_minutes), '%s', 'reception', %s, %s,
               %s, %s
        FROM services s, (SELECT '%s'::timestamptz AS at) t WHERE s.id = '%s'
        """.formatted(id, patient, doctor, OLAYA, status, quoted(previous), quoted(requestedStart),
        previous == null ? "NULL" : "'سبب الطلب'", previous == null ? "NULL" : "now()", start, service));
    // one written already checked in opens its visit record (028); these tests are about the appointment's own
    // steps, so the visit is written up: completing needs it finished (EncounterLifecycleTest covers that rule)
    app.asOwner("UPDATE encounters SET status = 'finished', ended_at = greatest(started_at, now()) "
        + "WHERE appointment_id = '" + id + "' AND status = 'in_progress'");
    return id;
  }

  /** Removes a test's appointment and what later features hung on it (the invoice drafted at completion). */
  /**
   * Deletes the appointment and the invoices drafted for it. Billing drafts a completed visit's invoice when it hears
   * of the completion, after the reply; that draft can land between the two deletes (a suite run once failed on it),
   * so a delete the new draft refuses is done again.
   */
  void delete(UUID id) {
    for (int attempt = 1; ; attempt++) {
      try {
        app.asOwner("DELETE FROM invoices WHERE appointment_id = '" + id + "'");
        app.asOwner("DELETE FROM appointments WHERE id = '" + id + "'");
        return;
      } catch (IllegalStateException e) {
        if (attempt == 5 || !String.valueOf(e.getMessage()).contains("invoices_appointment_id_fkey")) {
          throw e;
        }
      }
    }
  }

  /** A pending reminder row as booking writes it. */
  void reminder(UUID appointment, Instant notBefore, String label) {
    app.asOwner("""
        INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, not_before, next_attempt_at,
                                   idempotency_key)
        VALUES ('00000000-0000-4000-8000-000000000007', 'whatsapp', 'appointment_reminder', 'ar',
                jsonb_build_object('appointmentId', '%s'), '%s', '%s', 'test:%s:%s')
        """.formatted(appointment, notBefore, notBefore, appointment, label));
  }

  private static String quoted(Object value) {
    return value == null ? "NULL" : "'" + value + "'";
  }

  /** Rows as the owner sees them (no row-level security), for asserting what was written. */
  List<Map<String, Object>> rows(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Object> appointment(UUID id) {
    return rows("SELECT status, version, starts_at, ends_at, blocked_from, blocked_until, cancelled_by, cancelled_at, "
        + "cancellation_reason, request_previous_status, requested_starts_at, request_notes "
        + "FROM appointments WHERE id = '" + id + "'").get(0);
  }

  String status(UUID id) {
    return (String) appointment(id).get("status");
  }

  HttpResponse<Buffer> get(String path, String lang, String token) {
    return ApiCalls.call(app, "GET", path, lang, token, null);
  }

  HttpResponse<Buffer> post(String path, String lang, String token, JsonObject body) {
    return ApiCalls.call(app, "POST", path, lang, token, body == null ? null : body.encode());
  }

  HttpResponse<Buffer> put(String path, String lang, String token, JsonObject body) {
    return ApiCalls.call(app, "PUT", path, lang, token, body == null ? null : body.encode());
  }

  HttpResponse<Buffer> postIfMatch(String path, String token, String ifMatch) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.POST, path)
        .putHeader("Authorization", "Bearer " + token).putHeader("If-Match", ifMatch);
    return app.send(request, "en", null, null);
  }

  static String path(UUID id, String step) {
    return "/v1/appointments/" + id + (step == null ? "" : "/" + step);
  }
}
