package io.moeen.scheduling.appointments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 5545 VTIMEZONE for one zone and one year, without RRULEs: the offset in force
 * when the year begins, then one STANDARD or DAYLIGHT observance per transition inside the year
 * (from {@link ZoneRules}). A zone without daylight saving (Asia/Riyadh) gets one STANDARD.
 */
final class CalendarTimeZone {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private CalendarTimeZone() {
  }

  static List<String> lines(ZoneId zone, int year) {
    ZoneRules rules = zone.getRules();
    Instant yearStart = LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant();
    Instant yearEnd = LocalDateTime.of(year + 1, 1, 1, 0, 0).atZone(zone).toInstant();
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VTIMEZONE");
    lines.add("TZID:" + zone.getId());
    ZoneOffset atStart = rules.getOffset(yearStart);
    // the offset in force on 1 January, as an observance that starts then and changes nothing
    observance(lines, rules.isDaylightSavings(yearStart), LocalDateTime.of(year, 1, 1, 0, 0), atStart, atStart);
    ZoneOffsetTransition next = rules.nextTransition(yearStart);
    while (next != null && next.getInstant().isBefore(yearEnd)) {
      observance(lines, rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
          next.getOffsetBefore(), next.getOffsetAfter());
      next = rules.nextTransition(next.getInstant());
    }
    lines.add("END:VTIMEZONE");
    return lines;
  }

  private static void observance(List<String> lines, boolean daylight, LocalDateTime onset, ZoneOffset from,
                                 ZoneOffset to) {
    String kind = daylight ? "DAYLIGHT" : "STANDARD";
    lines.add("BEGIN:" + kind);
    lines.add("DTSTART:" + onset.format(LOCAL));
    lines.add("TZOFFSETFROM:" + offset(from));
    lines.add("TZOFFSETTO:" + offset(to));
    lines.add("END:" + kind);
  }

  /** {@code +0300}: RFC 5545 utc-offset (seconds only when the zone has them). */
  static String offset(ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
    return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
  }
}
