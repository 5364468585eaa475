package io.moeen.scheduling.appointments;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.sqlclient.Row;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One appointment as an RFC 5545 calendar: CRLF lines folded at 75 octets, text escaped, times in the location's zone. */
final class CalendarFile {
  static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final Messages messages;

  CalendarFile(Messages messages) {
    this.messages = messages;
  }

  String render(Row r, SupportedLocale lang, Instant now) {
    ZoneId zone = ZoneId.of(r.getString("time_zone"));
    ZonedDateTime start = r.getOffsetDateTime("starts_at").atZoneSameInstant(zone);
    ZonedDateTime end = r.getOffsetDateTime("ends_at").atZoneSameInstant(zone);
    String summary = messages.format(lang, "appointment.calendar.summary", Map.of(
        "service", AppointmentView.pick(lang, r, "service_ar", "service_en"),
        "doctor", AppointmentView.name(lang, r, "doctor")));
    String location = AppointmentView.pick(lang, r, "location_ar", "location_en");
    String address = AppointmentView.pick(lang, r, "address_ar", "address_en");
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VCALENDAR");
    lines.add("VERSION:2.0");
    lines.add("PRODID:-//Moeen//Clinic appointments//" + lang.tag().toUpperCase(java.util.Locale.ROOT));
    lines.add("CALSCALE:GREGORIAN");
    lines.add("METHOD:PUBLISH");
    lines.addAll(CalendarTimeZone.lines(zone, start.getYear()));
    lines.add("BEGIN:VEVENT");
    lines.add("UID:" + r.getUUID("id") + "@moeen");
    lines.add("DTSTAMP:" + now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(UTC));
    lines.add("DTSTART;TZID=" + zone.getId() + ":" + start.format(LOCAL));
    lines.add("DTEND;TZID=" + zone.getId() + ":" + end.format(LOCAL));
    // a calendar client shows a change when SEQUENCE grows
    lines.add("SEQUENCE:" + (r.getInteger("version") - 1));
    lines.add("SUMMARY:" + escape(summary));
    lines.add("LOCATION:" + escape(address == null ? location : location + ", " + address));
    lines.add("STATUS:" + status(r.getString("status")));
    lines.add("END:VEVENT");
    lines.add("END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(fold(line)).append("\r\n"));
    return out.toString();
  }

  static String status(String appointmentStatus) {
    return switch (AppointmentStatus.of(appointmentStatus)) {
      case CONFIRMED, CHECKED_IN, COMPLETED -> "CONFIRMED";
      case CANCELLED, NO_SHOW -> "CANCELLED";
      case PENDING, RESCHEDULE_REQUESTED, CANCEL_REQUESTED -> "TENTATIVE";
    };
  }

  /** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Lines longer than 75 octets continue on lines that start with a space; never inside a UTF-8 character. */
  static String fold(String line) {
    StringBuilder out = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
