package io.moeen.scheduling.slots;

import java.time.Instant;
import java.util.List;

/** A half-open range of time [from, until): back-to-back ranges do not overlap. */
public record TimeRange(Instant from, Instant until) {
  public boolean overlaps(TimeRange other) {
    return from.isBefore(other.until) && other.from.isBefore(until);
  }

  public boolean contains(TimeRange inner) {
    return !inner.from.isBefore(from) && !inner.until.isAfter(until);
  }

  static boolean overlapsAny(TimeRange range, List<TimeRange> busy) {
    for (TimeRange b : busy) {
      if (range.overlaps(b)) {
        return true;
      }
    }
    return false;
  }
}
