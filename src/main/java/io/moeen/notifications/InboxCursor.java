package io.moeen.notifications;

import io.moeen.common.errors.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Where an inbox page ends (created_at and id of its last item), opaque to clients; garbage is a 400. */
public record InboxCursor(Instant at, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  public OffsetDateTime atUtc() {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Null when no cursor was given. */
  public static InboxCursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      return new InboxCursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_cursor", "cursor", Map.of());
    }
  }
}
