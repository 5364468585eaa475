package io.moeen.common.time;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one shape for "the same times in the caller's zone" ({@code ?timeZone=Europe/Berlin}):
 * {@code inTimeZone: {timeZone, startsAt, endsAt}}, beside the location's own times.
 */
public final class CallerZoneTimes {
  public static final String FIELD = "inTimeZone";

  private CallerZoneTimes() {
  }

  public static JsonObject of(ZoneId zone, Instant startsAt, Instant endsAt) {
    return new JsonObject().put("timeZone", zone.getId()).put("startsAt", at(startsAt, zone)).put("endsAt", at(endsAt, zone));
  }

  private static String at(Instant instant, ZoneId zone) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
