package io.moeen.notifications.dispatch;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Hours in which normal and marketing messages wait; urgent ones never do. */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
  /** From the {@code notifications.quiet_hours} setting, e.g. {"start": "22:00", "end": "08:00"}. */
  public static QuietHours of(JsonObject setting, ZoneId zone) {
    return new QuietHours(LocalTime.parse(setting.getString("start", "22:00")),
        LocalTime.parse(setting.getString("end", "08:00")), zone);
  }

  /** When a message of this priority sent at {@code now} must wait until, if it must. */
  public Optional<Instant> holdUntil(Instant now, String priority) {
    if ("urgent".equals(priority) || start.equals(end)) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean overnight = start.isAfter(end);
    boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime endToday = local.with(end);
    return Optional.of((endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant());
  }
}
