package io.moeen.scheduling.slots;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /v1/slots}: ids, the range as instants or local dates (midnight at the
 * location), and the caller's optional IANA zone.
 */
record SlotQuery(SlotSearch.Criteria criteria, Bound from, Bound to, Optional<ZoneId> callerZone) {
  static final long MAX_DAYS = 31;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** An instant, or a local date whose midnight depends on the location's zone. */
  record Bound(Instant instant, LocalDate date) {
    Instant in(ZoneId zone) {
      return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }
  }

  static SlotQuery from(RequestEnvelope request) {
    SlotSearch.Criteria criteria = new SlotSearch.Criteria(uuid(request, "serviceId"), uuid(request, "doctorId"),
        uuid(request, "locationId"), null);
    return new SlotQuery(criteria, bound(request, "from"), bound(request, "to"), zone(request.param("timeZone")));
  }

  boolean needsLocationZone() {
    return criteria.locationId() != null && (isDate(from) || isDate(to));
  }

  /** [from, to) with the defaults (from now, for a week), or 400 {@code invalid_range} / {@code range_too_long}. */
  Instant[] range(ZoneId zone, Instant now) {
    Instant start = from == null ? now : from.in(zone);
    Instant end = to == null ? start.plus(java.time.Duration.ofDays(7)) : to.in(zone);
    if (start.isAfter(end)) {
      throw Problem.invalid("invalid_range", "from", Map.of("from", start.toString(), "to", end.toString()));
    }
    if (java.time.Duration.between(start, end).compareTo(java.time.Duration.ofDays(MAX_DAYS)) > 0) {
      throw Problem.invalid("range_too_long", "to", Map.of("maxDays", MAX_DAYS));
    }
    return new Instant[] {start, end};
  }

  /**
   * Unchecked bounds that hold {@link #range} in every zone (a local midnight is within 14 h of
   * UTC's), for reading before the location's zone is known; never longer than the longest range.
   */
  Instant[] around(Instant now) {
    Duration day = Duration.ofDays(1);
    Instant start = from == null ? now : from.instant() != null ? from.instant() : from.in(ZoneOffset.UTC).minus(day);
    Instant end = to == null ? start.plus(Duration.ofDays(7)).plus(day.multipliedBy(2))
        : to.instant() != null ? to.instant() : to.in(ZoneOffset.UTC).plus(day);
    Instant longest = start.plus(Duration.ofDays(MAX_DAYS + 3));
    return new Instant[] {start, end.isAfter(longest) ? longest : end.isBefore(start) ? start : end};
  }

  private static boolean isDate(Bound bound) {
    return bound != null && bound.date() != null;
  }

  private static UUID uuid(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : UUID.fromString(value); // the contract checked the pattern
  }

  private static Bound bound(RequestEnvelope request, String name) {
    String value = request.param(name);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return new Bound(null, LocalDate.parse(value));
      }
      return new Bound(OffsetDateTime.parse(value.replace(' ', '+')).toInstant(), null);
    } catch (DateTimeException e) {
      throw Problem.invalid("invalid_instant", name, Map.of("value", value));
    }
  }

  private static Optional<ZoneId> zone(String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!ZoneId.getAvailableZoneIds().contains(value)) {
      throw Problem.invalid("invalid_time_zone", "timeZone", Map.of("field", "timeZone", "value", value));
    }
    return Optional.of(ZoneId.of(value));
  }
}
