package io.moeen.notifications.dispatch;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * A claimed outbox row, already put into words, on its way to a channel. {@code payload} (never
 * null) and {@code locale} are the row's own: WhatsApp reads buttons, lists and template
 * parameters from them.
 */
public record OutboundMessage(UUID id, String channel, String eventType, UUID recipientUserId, String phone,
                              String email, String subject, String body, String idempotencyKey,
                              JsonObject payload, String locale) {
}
