package io.moeen.notifications.dispatch;

import java.util.UUID;

/** A claimed outbox row, already put into words (in {@code locale}), on its way to a channel. */
public record OutboundMessage(UUID id, String channel, String eventType, UUID recipientUserId, String phone,
                              String email, String subject, String body, String idempotencyKey, String locale) {
}
