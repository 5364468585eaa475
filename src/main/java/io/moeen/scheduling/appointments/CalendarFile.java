package io.moeen.scheduling.appointments;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.sqlclient.Row;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * One appointment as an RFC 5545 calendar built with ical4j: a VEVENT whose start and end are
 * wall-clock times in the location's zone with that zone as TZID, and a VTIMEZONE for the zone
 * from the JDK's rules ({@link CalendarTimeZone}). The wall-clock times are the JDK's too, given to
 * ical4j as they are: ical4j would otherwise convert them through its own zone data, which puts
 * Riyadh 6m52s off. ical4j's time-zone updates are off in {@code ical4j.properties}; nothing here
 * touches the network. Lines are folded here, by UTF-8 octets: ical4j 4.1.1 folds by UTF-16 chars,
 * which lets an Arabic line run to twice the 75 octets and can cut a character in two.
 */
final class CalendarFile {
  static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

  private final Messages messages;

  /** Loads ical4j's classes by writing a small calendar: slow the first time in a JVM, so build it on a worker. */
  CalendarFile(Messages messages) {
    this.messages = messages;
    new Calendar().add(CalendarTimeZone.of(ZoneId.of("UTC"), 2000, 2000)).toString();
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

    VEvent event = new VEvent(false);
    event.add(new Uid(r.getUUID("id") + "@moeen"));
    event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
    event.add(wallClock(new DtStart<>(start.toLocalDateTime()), zone));
    event.add(wallClock(new DtEnd<>(end.toLocalDateTime()), zone));
    // a calendar client shows a change when SEQUENCE grows
    event.add(new Sequence(r.getInteger("version") - 1));
    event.add(new Summary(text(summary)));
    event.add(new Location(text(address == null ? location : location + ", " + address)));
    event.add(new Status(status(r.getString("status"))));

    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Moeen//Clinic appointments//" + lang.tag().toUpperCase(Locale.ROOT)));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    // from the earlier of now and the start, so a reader that picks the observance in force now finds one
    calendar.add(CalendarTimeZone.of(zone, Math.min(start.getYear(), now.atZone(zone).getYear()), end.getYear()));
    calendar.add(event);
    return fold(calendar.toString());
  }

  private static <T extends DateProperty<LocalDateTime>> T wallClock(T property, ZoneId zone) {
    property.add(new TzId(zone.getId()));
    return property;
  }

  /** ical4j escapes LF and CRLF in TEXT but not a lone CR, which would end the content line. */
  private static String text(String value) {
    return value.replace("\r\n", "\n").replace('\r', '\n');
  }

  static String status(String appointmentStatus) {
    return switch (AppointmentStatus.of(appointmentStatus)) {
      case CONFIRMED, CHECKED_IN, COMPLETED -> Status.VALUE_CONFIRMED;
      case CANCELLED, NO_SHOW -> Status.VALUE_CANCELLED;
      case PENDING, RESCHEDULE_REQUESTED, CANCEL_REQUESTED -> Status.VALUE_TENTATIVE;
    };
  }

  /** Content lines longer than 75 octets go on in lines that start with a space; never inside a character. */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
    for (String line : text.split("\r\n")) {
      int octets = 0;
      for (int i = 0; i < line.length(); ) {
        int cp = line.codePointAt(i);
        int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + size > 75) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(cp);
        octets += size;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
