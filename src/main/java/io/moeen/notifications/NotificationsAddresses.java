package io.moeen.notifications;

/**
 * Every event-bus address of the notifications feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>The in-app inbox and its live events, preferences and consents, the outbox and its dispatcher, and the
 * channel adapters (WhatsApp) that turn provider traffic into channel-neutral inbound messages.
 */
public final class NotificationsAddresses {
  // Contract operations (see contract/notifications.yaml).
  public static final String INBOX_LIST = "notifications.inbox.list";
  public static final String INBOX_COUNT_UNREAD = "notifications.inbox.count_unread";
  public static final String INBOX_MARK_READ = "notifications.inbox.mark_read";
  public static final String INBOX_MARK_ALL_READ = "notifications.inbox.mark_all_read";
  public static final String INBOX_STREAM = "notifications.inbox.stream";
  public static final String WHATSAPP_WEBHOOK_VERIFY = "notifications.whatsapp_webhook.verify";
  public static final String WHATSAPP_WEBHOOK_RECEIVE = "notifications.whatsapp_webhook.receive";
  public static final String PREFERENCES_GET = "notifications.preferences.get";
  public static final String PREFERENCES_UPDATE = "notifications.preferences.update";
  public static final String CONSENTS_LIST = "notifications.consents.list";
  public static final String CONSENTS_RECORD = "notifications.consents.record";
  public static final String OUTBOX_LIST = "notifications.outbox.list";
  public static final String OUTBOX_GET = "notifications.outbox.get";
  public static final String OUTBOX_RETRY = "notifications.outbox.retry";
  public static final String TEMPLATES_LIST = "notifications.templates.list";
  public static final String TEMPLATES_PREVIEW = "notifications.templates.preview";

  // Internal requests, served to other verticles only.
  /** Internal, point-to-point: a channel-neutral inbound message {@code {channel, messageId, phone, type, text,
   * replyId?, replyTitle?, profileName?, receivedAt}}, sent once after the channel adapter committed it; the chatbot
   * consumes it and answers {@code {replies}}. */
  public static final String INBOUND_RECEIVED = "notifications.inbound.received";
  /** Internal, fire-and-forget (body null): run a dispatch round now. Anyone who wrote urgent outbox rows may send it. */
  public static final String OUTBOX_WAKE = "notifications.outbox.wake";

  // Events this feature publishes.
  /** Event prefix: {@code <prefix><userId>}, an in-app notification was delivered, body {@code {id, userId, eventType}}. */
  public static final String INBOX_DELIVERED = "notifications.inbox.delivered.";
  /** Event prefix: {@code <prefix><userId>}, notifications were marked read, body {@code {userId}}. */
  public static final String INBOX_READ = "notifications.inbox.read.";

  private NotificationsAddresses() {
  }
}
