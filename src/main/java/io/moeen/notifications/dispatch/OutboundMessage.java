package io.moeen.notifications.dispatch;

import java.util.UUID;

/** A claimed outbox row, already put into words, on its way to a channel. */
public record OutboundMessage(UUID id, String channel, String eventType, UUID recipientUserId, String phone,
                              String email, String subject, String body, String idempotencyKey) {
}
