package io.moeen.crm.leads;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Digits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The list's and the export's filters, read from the request: owner {@code me}/{@code none}, days in the clinic zone, search. */
record LeadQuery(UUID owner, boolean unassigned, String status, String source, String campaign, String tag,
                 Instant from, Instant to, String search, String phoneDigits, Cursor after, int limit) {
  private static final Pattern PHONE_LIKE = Pattern.compile("^[\\s\\d+\\-()\u0660-\u0669\u06F0-\u06F9]+$");

  /** Keyset position: the last lead of the previous page. */
  record Cursor(Instant createdAt, UUID id) {
    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      if (text == null) {
        return null;
      }
      try {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = plain.indexOf('|');
        return new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw Problem.invalid("invalid_cursor", "cursor", Map.of());
      }
    }
  }

  static LeadQuery from(RequestEnvelope request, Principal principal, ZoneId zone, int limit) {
    String owner = request.param("owner");
    UUID ownerId = owner == null || owner.equals("none") ? null
        : owner.equals("me") ? principal.userId() : UUID.fromString(owner);
    String from = request.param("createdFrom");
    String to = request.param("createdTo");
    Instant fromInstant = from == null ? null : LocalDate.parse(from).atStartOfDay(zone).toInstant();
    Instant toInstant = to == null ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      throw Problem.invalid("invalid_range", "createdFrom", Map.of("from", from, "to", to));
    }
    String q = request.param("q");
    String search = q == null || q.isBlank() ? null : escapeLike(q.strip());
    String digits = null;
    if (search != null && PHONE_LIKE.matcher(q).matches()) {
      String ascii = Digits.toAscii(q).replaceAll("\\D", "").replaceFirst("^0+", "");
      digits = ascii.length() >= 3 ? ascii : null;
    }
    String requested = request.param("limit");
    return new LeadQuery(ownerId, "none".equals(owner), request.param("status"), request.param("source"),
        request.param("campaign"), request.param("tag"), fromInstant, toInstant, search, digits,
        Cursor.decode(request.param("cursor")), requested == null ? limit : Integer.parseInt(requested));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
