package io.moeen.scheduling.catalogue;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** What every catalogue handler needs from a request: ids, typed body fields, the actor, cached replies. */
final class CatalogueRequests {
  private CatalogueRequests() {
  }

  static SessionContext.Actor actor(RequestEnvelope request) {
    return new SessionContext.Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  static UUID uuidParam(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : UUID.fromString(value);
  }

  static LocalDate dateParam(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : LocalDate.parse(value);
  }

  static boolean arabic(RequestEnvelope request) {
    return request.locale() != null && request.locale().startsWith("ar");
  }

  static Tuple tuple(Object... values) {
    return Tuple.from(Arrays.asList(values));
  }

  static Optional<Row> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
  }

  static UUID uuid(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null ? null : UUID.fromString(value);
  }

  static Numeric decimal(JsonObject body, String field) {
    Object value = body.getValue(field);
    return value == null ? null : Numeric.create(new BigDecimal(String.valueOf(value)));
  }

  static LocalTime time(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null ? null : LocalTime.parse(value);
  }

  static LocalDate date(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null ? null : LocalDate.parse(value);
  }

  static Short shortValue(JsonObject body, String field) {
    Integer value = body.getInteger(field);
    return value == null ? null : value.shortValue();
  }

  /** Public catalogue answers: cheap to revalidate, fine to cache for a minute. The body is already localized. */
  static Reply cached(Object body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(io.vertx.core.json.Json.encode(body).getBytes(StandardCharsets.UTF_8));
      return Reply.of(body)
          .withHeader("ETag", "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"")
          .withHeader("Cache-Control", "public, max-age=60");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
