package io.moeen.billing.online;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * One webhook delivery as the gateway sends it (Moyasar-shaped): {@code {id, type, created_at, data: {id, status,
 * amount, currency, source: {type, company}, metadata: {checkout_id}, message}}}. The signature over the raw body was
 * checked by the API before this is read; here the delivery must be recent (its signed {@code created_at} within
 * {@link #WINDOW} of now, a little ahead allowed for clock skew), so an old signed body sent again is refused.
 */
record GatewayEvent(String eventId, Instant createdAt, String paymentId, Outcome outcome, long amountHalalas,
                    String currency, String method, UUID checkoutId, String message) {
  /** How old a delivery may be; older ones are replays (or a gateway whose clock is off) and are refused. */
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final Duration AHEAD = Duration.ofMinutes(1);

  enum Outcome { PAID, FAILED, CANCELLED, EXPIRED, PENDING }

  static GatewayEvent from(JsonObject body, Instant now) {
    String created = body.getString("created_at");
    Instant at;
    try {
      at = OffsetDateTime.parse(created).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw Problem.invalid("invalid_webhook", "created_at", Map.of("field", "created_at"));
    }
    if (at.isBefore(now.minus(WINDOW)) || at.isAfter(now.plus(AHEAD))) {
      throw OnlineFailures.stale(created);
    }
    JsonObject data = body.getJsonObject("data");
    JsonObject metadata = data.getJsonObject("metadata", new JsonObject());
    UUID checkout;
    try {
      checkout = UUID.fromString(metadata.getString("checkout_id"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Problem.invalid("invalid_webhook", "data.metadata.checkout_id", Map.of("field", "data.metadata.checkout_id"));
    }
    JsonObject source = data.getJsonObject("source", new JsonObject());
    boolean mada = "mada".equalsIgnoreCase(source.getString("type")) || "mada".equalsIgnoreCase(source.getString("company"));
    Object amount = data.getValue("amount");
    long halalas = amount instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : -1;
    return new GatewayEvent(body.getString("id"), at, data.getString("id"), outcome(data.getString("status")), halalas,
        data.getString("currency"), mada ? "mada" : "card", checkout, data.getString("message"));
  }

  private static Outcome outcome(String status) {
    return switch (status == null ? "" : status.toLowerCase(java.util.Locale.ROOT)) {
      case "paid", "captured" -> Outcome.PAID;
      case "failed", "declined" -> Outcome.FAILED;
      case "canceled", "cancelled", "voided" -> Outcome.CANCELLED;
      case "expired" -> Outcome.EXPIRED;
      default -> Outcome.PENDING;
    };
  }
}
