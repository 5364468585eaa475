package io.moeen.notifications.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * One outbox row as administrators see it. What a message says (subject, body, payload) only
 * with {@code notifications.content.read}; messages that carry a secret (a password reset
 * code) never, not even to an administrator.
 */
final class OutboxView {
  static final String CONTENT_PERMISSION = "notifications.content.read";
  /** Events whose text is a credential: showing it would let a reader take over the account. */
  static final Set<String> SECRET_EVENTS = Set.of("password_reset", "signup_code");

  private OutboxView() {
  }

  static JsonObject of(Row row, boolean mayReadContent) {
    String eventType = row.getString("event_type");
    String hidden = SECRET_EVENTS.contains(eventType) ? "secret" : mayReadContent ? null : "permission";
    UUID user = row.getUUID("recipient_user_id");
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("channel", row.getString("channel"))
        .put("eventType", eventType)
        .put("locale", row.getString("locale"))
        .put("status", row.getString("status"))
        .put("priority", row.getString("priority"))
        .put("recipient", new JsonObject()
            .put("userId", user == null ? null : user.toString())
            .put("phone", row.getString("recipient_phone"))
            .put("email", row.getString("recipient_email")))
        .put("attempts", row.getInteger("attempts"))
        .put("retries", row.getLong("retries"))
        .put("nextAttemptAt", instant(row.getOffsetDateTime("next_attempt_at")))
        .put("notBefore", instant(row.getOffsetDateTime("not_before")))
        .put("lastError", row.getString("last_error"))
        .put("providerMessageId", row.getString("provider_message_id"))
        .put("idempotencyKey", row.getString("idempotency_key"))
        .put("isRead", row.getBoolean("is_read"))
        .put("createdAt", instant(row.getOffsetDateTime("created_at")))
        .put("updatedAt", instant(row.getOffsetDateTime("updated_at")))
        .put("deliveredAt", instant(row.getOffsetDateTime("delivered_at")))
        .put("contentHidden", hidden)
        .put("subject", hidden == null ? row.getString("rendered_subject") : null)
        .put("body", hidden == null ? row.getString("rendered_body") : null)
        .put("payload", hidden == null ? row.getJsonObject("payload") : null);
  }

  static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }
}
