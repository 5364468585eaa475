package io.moeen.common.time;

import java.time.OffsetDateTime;

/** How stored instants are written in answers: ISO-8601 in UTC ({@code 2026-03-01T06:00:00Z}). */
public final class Timestamps {
  private Timestamps() {
  }

  public static String iso(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }
}
