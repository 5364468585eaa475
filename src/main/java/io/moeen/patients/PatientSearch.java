package io.moeen.patients;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Digits;
import io.moeen.identity.LoginIdentifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff search: by name (Arabic spellings folded in SQL), phone or record number, newest first,
 * a page at a time. The cursor is the last row's (created_at, id), opaque to clients.
 */
final class PatientSearch {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private PatientSearch() {
  }

  record Cursor(OffsetDateTime createdAt, UUID id) {
    String encode() {
      String raw = createdAt.toString() + "|" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(OffsetDateTime.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw Problem.invalid("invalid_cursor", "cursor", Map.of());
      }
    }
  }

  /** The search as asked, with the contract's defaults applied here (the OpenAPI router does not). */
  record Query(String text, String phone, String mrn, int limit, Optional<Cursor> after) {
    static Query from(RequestEnvelope request) {
      String text = blankToNull(request.param("q"));
      String phone = blankToNull(request.param("phone"));
      if (phone != null) {
        String typed = phone;
        phone = LoginIdentifier.normalizePhone(phone)
            .orElseThrow(() -> Problem.invalid("invalid_phone", "phone", Map.of("value", typed)));
      }
      String mrn = blankToNull(request.param("mrn"));
      String limit = request.param("limit");
      String cursor = blankToNull(request.param("cursor"));
      return new Query(text, phone, mrn == null ? null : Digits.toAscii(mrn),
          limit == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(limit))),
          Optional.ofNullable(cursor).map(Cursor::decode));
    }
  }

  /** One page: {@code rows} holds up to limit + 1 rows; the extra one only says another page exists. */
  static JsonObject page(List<Row> rows, int limit) {
    JsonArray items = new JsonArray();
    rows.stream().limit(limit).forEach(row -> items.add(PatientView.of(row, false)));
    String next = null;
    if (rows.size() > limit) {
      Row last = rows.get(limit - 1);
      next = new Cursor(last.getOffsetDateTime("created_at"), last.getUUID("id")).encode();
    }
    return new JsonObject().put("items", items).put("nextCursor", next);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
