package io.moeen.identity.admin;

import io.moeen.common.errors.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Where a keyset page ends: the sort instant and id of its last item, opaque to clients
 * (base64url of {@code instant|id}). A cursor that does not decode is a 400, never a 500.
 */
record PageCursor(Instant at, UUID id) {

  String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  OffsetDateTime atUtc() {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Null when no cursor was given. */
  static PageCursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      return new PageCursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_cursor", "cursor", Map.of());
    }
  }
}
