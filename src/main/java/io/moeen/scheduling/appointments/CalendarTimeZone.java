package io.moeen.scheduling.appointments;

import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A VTIMEZONE from the JDK's rules, the same rules that put the event's start on the wall clock:
 * the offset in force when the first year begins, then one STANDARD or DAYLIGHT observance per
 * transition up to the end of the last year, without RRULEs. A zone without daylight saving
 * (Asia/Riyadh) gets one STANDARD.
 *
 * <p>Not ical4j's bundled definitions: those begin with the zone's local mean time
 * ({@code TZOFFSETFROM:+030652} for Riyadh), and ical4j 4.1.1 reads such a zone as still on that
 * offset, writing and parsing Riyadh times 6m52s off (ical4j/ical4j#828).
 */
final class CalendarTimeZone {
  private CalendarTimeZone() {
  }

  /** From 1 January of {@code firstYear} to the end of {@code lastYear}, in the zone's local time. */
  static VTimeZone of(ZoneId zone, int firstYear, int lastYear) {
    ZoneRules rules = zone.getRules();
    LocalDateTime from = LocalDateTime.of(firstYear, 1, 1, 0, 0);
    Instant start = from.atZone(zone).toInstant();
    Instant end = LocalDateTime.of(lastYear + 1, 1, 1, 0, 0).atZone(zone).toInstant();
    VTimeZone timeZone = new VTimeZone();
    timeZone.add(new TzId(zone.getId()));
    ZoneOffset atStart = rules.getOffset(start);
    // the offset in force on 1 January, as an observance that starts then and changes nothing
    timeZone.add(observance(rules.isDaylightSavings(start), from, atStart, atStart));
    ZoneOffsetTransition next = rules.nextTransition(start);
    while (next != null && next.getInstant().isBefore(end)) {
      timeZone.add(observance(rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
          next.getOffsetBefore(), next.getOffsetAfter()));
      next = rules.nextTransition(next.getInstant());
    }
    return timeZone;
  }

  private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
    Observance observance = daylight ? new Daylight() : new Standard();
    observance.add(new DtStart<>(onset));
    observance.add(new TzOffsetFrom(from));
    observance.add(new TzOffsetTo(to));
    return observance;
  }
}
