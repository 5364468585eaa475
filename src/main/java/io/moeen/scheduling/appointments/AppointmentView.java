package io.moeen.scheduling.appointments;

import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.time.CallerZoneTimes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one representation of an appointment ({@code Appointment} in the contract), whichever operation
 * answers it: booking, get, list and every change. Names in the request's language, times at the
 * location's offset, and in the caller's zone when asked.
 */
public final class AppointmentView {
  private AppointmentView() {
  }

  static JsonObject json(Row r, SupportedLocale lang, ZoneId callerZone) {
    ZoneId zone = ZoneId.of(r.getString("time_zone"));
    OffsetDateTime start = r.getOffsetDateTime("starts_at");
    OffsetDateTime end = r.getOffsetDateTime("ends_at");
    JsonObject json = new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("status", r.getString("status"))
        .put("type", r.getString("type"))
        .put("source", r.getString("source"))
        .put("startsAt", iso(start, zone))
        .put("endsAt", iso(end, zone))
        .put("timeZone", zone.getId())
        .put("patient", new JsonObject().put("id", r.getUUID("patient_id").toString())
            .put("name", name(lang, r, "patient")).put("medicalRecordNumber", r.getString("medical_record_number")))
        .put("doctor", new JsonObject().put("id", r.getUUID("doctor_id").toString())
            .put("name", name(lang, r, "doctor")).put("specialty", pick(lang, r, "specialty_ar", "specialty_en")))
        .put("service", new JsonObject().put("id", r.getUUID("service_id").toString())
            .put("name", pick(lang, r, "service_ar", "service_en")))
        .put("location", new JsonObject().put("id", r.getUUID("location_id").toString())
            .put("name", pick(lang, r, "location_ar", "location_en"))
            .put("address", pick(lang, r, "address_ar", "address_en")))
        .put("room", AppointmentRooms.json(r, lang))
        .put("notes", r.getString("notes"))
        .put("cancellation", cancellation(r, zone))
        .put("request", request(r, zone))
        .put("version", r.getInteger("version"))
        .put("createdAt", iso(r.getOffsetDateTime("created_at"), zone))
        .put("updatedAt", iso(r.getOffsetDateTime("updated_at"), zone));
    return callerZone == null ? json : inCallerZone(json, callerZone);
  }

  /** A row with the columns of {@code appointment_rows} (booking reads its insert back that way). */
  public static JsonObject of(Row row, SupportedLocale lang) {
    return json(row, lang, null);
  }

  /** The appointment as this transaction sees it, read through the same SQL as {@code GET /v1/appointments/{id}}. */
  public static Future<JsonObject> read(SqlConnection conn, UUID id, SupportedLocale lang) {
    return AppointmentStore.details(conn, id).map(row -> json(row, lang, null));
  }

  /** The answer plus the same times in the caller's zone (the patient abroad, say). */
  public static JsonObject inCallerZone(JsonObject appointment, ZoneId callerZone) {
    return appointment.copy().put(CallerZoneTimes.FIELD, CallerZoneTimes.of(callerZone,
        OffsetDateTime.parse(appointment.getString("startsAt")).toInstant(),
        OffsetDateTime.parse(appointment.getString("endsAt")).toInstant()));
  }

  private static JsonObject cancellation(Row r, ZoneId zone) {
    if (r.getOffsetDateTime("cancelled_at") == null) {
      return null;
    }
    return new JsonObject().put("reason", r.getString("cancellation_reason"))
        .put("cancelledBy", r.getUUID("cancelled_by") == null ? null : r.getUUID("cancelled_by").toString())
        .put("cancelledAt", iso(r.getOffsetDateTime("cancelled_at"), zone));
  }

  private static JsonObject request(Row r, ZoneId zone) {
    String status = r.getString("status");
    if (!"reschedule_requested".equals(status) && !"cancel_requested".equals(status)) {
      return null;
    }
    return new JsonObject()
        .put("kind", status.equals("reschedule_requested") ? "reschedule" : "cancel")
        .put("requestedStartsAt", iso(r.getOffsetDateTime("requested_starts_at"), zone))
        .put("notes", r.getString("request_notes"))
        .put("requestedAt", iso(r.getOffsetDateTime("requested_at"), zone))
        .put("previousStatus", r.getString("request_previous_status"));
  }

  static String iso(OffsetDateTime instant, ZoneId zone) {
    return instant == null ? null : instant.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The value in the request's language, else the other one. */
  static String pick(SupportedLocale lang, Row r, String arColumn, String enColumn) {
    String ar = r.getString(arColumn);
    String en = r.getString(enColumn);
    return lang == SupportedLocale.AR ? (ar != null ? ar : en) : (en != null ? en : ar);
  }

  static String name(SupportedLocale lang, Row r, String who) {
    String ar = join(r.getString(who + "_first_ar"), r.getString(who + "_last_ar"));
    String en = join(r.getString(who + "_first_en"), r.getString(who + "_last_en"));
    return lang == SupportedLocale.AR ? (ar != null ? ar : en) : (en != null ? en : ar);
  }

  private static String join(String first, String last) {
    String joined = Stream.of(first, last).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }
}
