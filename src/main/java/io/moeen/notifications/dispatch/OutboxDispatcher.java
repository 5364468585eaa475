package io.moeen.notifications.dispatch;

import io.moeen.common.db.SqlStatements;
import io.moeen.notifications.NotificationRenderer;
import io.moeen.notifications.RenderedNotification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers the outbox: reclaims rows stuck in 'sending', claims a small batch of due rows
 * (SKIP LOCKED, so several dispatchers may run), then, with each recipient's preferences and
 * consent loaded for the batch in one query, drops what they switched off or never agreed to,
 * holds for their quiet hours, renders in their zone, sends and records each. Channels without a
 * {@link Channel} here (e-mail without an SMTP host; WhatsApp and SMS when not configured) are
 * never claimed. Rows that arrive with {@code rendered_body} are sent as written.
 */
public final class OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/dispatch.sql");
  /** Reasons recorded in last_error when a recipient's own choices stop a message. */
  public static final String CHANNEL_OFF = "channel_off_by_recipient";
  public static final String NO_CONSENT = "no_marketing_consent";

  public record Settings(int batchSize, Duration sendingTimeout, RetryPolicy retry, ZoneId zone) {
  }

  private final Pool pool;
  private final NotificationRenderer renderer;
  private final Map<String, Channel> channels;
  private final QuietHours quietHours;
  private final Clock clock;
  private final Settings settings;
  private final DeliveryEvents events;

  public OutboxDispatcher(Pool pool, NotificationRenderer renderer, Map<String, Channel> channels,
                          QuietHours quietHours, Clock clock, Settings settings) {
    this(pool, renderer, channels, quietHours, clock, settings, DeliveryEvents.NONE);
  }

  public OutboxDispatcher(Pool pool, NotificationRenderer renderer, Map<String, Channel> channels,
                          QuietHours quietHours, Clock clock, Settings settings, DeliveryEvents events) {
    this.events = events;
    this.pool = pool;
    this.renderer = renderer;
    this.channels = Map.copyOf(channels);
    this.quietHours = quietHours;
    this.clock = clock;
    this.settings = settings;
  }

  /** One round: reclaim, claim one batch, deliver it. Answers how many rows were claimed. */
  public Future<Integer> dispatchOnce() {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return pool.preparedQuery(SQL.get("reclaim_stuck"))
        .execute(Tuple.of(now, now.minus(settings.sendingTimeout())))
        .compose(reclaimed -> pool.preparedQuery(SQL.get("claim_due"))
            .execute(Tuple.of(now, channels.keySet().toArray(String[]::new), settings.batchSize())))
        .compose(rows -> RecipientChoices.load(pool, rows).compose(choices -> {
          List<Future<?>> deliveries = new ArrayList<>();
          for (Row row : rows) {
            RecipientChoices chosen = choices.getOrDefault(row.getUUID("id"), RecipientChoices.NONE);
            deliveries.add(deliver(row, chosen, now.toInstant()).recover(e -> {
              LOG.warn("notification {} not recorded: {}", row.getUUID("id"), e.toString());
              return Future.succeededFuture();
            }));
          }
          return Future.join(deliveries).map(done -> rows.size());
        }));
  }

  /** Dispatches until a round claims nothing (used by tests and at shutdown-free catch-up). */
  public Future<Integer> drain() {
    return dispatchOnce().compose(n -> n == 0 ? Future.succeededFuture(0) : drain().map(m -> n + m));
  }

  private Future<Void> deliver(Row row, RecipientChoices chosen, Instant now) {
    UUID id = row.getUUID("id");
    String channel = row.getString("channel");
    String eventType = row.getString("event_type");
    if (chosen.channelOff(eventType, channel)) {
      return update("record_failed", Tuple.of(id, "failed", CHANNEL_OFF));
    }
    if (!chosen.mayMarket()) {
      return update("record_failed", Tuple.of(id, "failed", NO_CONSENT));
    }
    // quiet hours keep phones quiet; an inbox entry makes no sound, and holding it would hide, until the
    // morning, the confirmation of what the person just did in the portal at night
    var hold = "in_app".equals(channel) ? java.util.Optional.<Instant>empty()
        : chosen.quietHours(quietHours).holdUntil(now, row.getString("priority"));
    if (hold.isPresent()) {
      return update("hold", Tuple.of(id, hold.get().atOffset(ZoneOffset.UTC)));
    }
    JsonObject payload = (JsonObject) row.getValue("payload");
    // free-form rows (chatbot and staff replies) arrive with their text: no template for them
    String written = row.getString("rendered_body");
    RenderedNotification text = written != null
        ? new RenderedNotification(row.getString("rendered_subject"), written, row.getString("locale"), null)
        : renderer.render(eventType, channel, row.getString("locale"),
            payload == null ? new JsonObject() : payload, chosen.zoneOr(settings.zone()));
    if (text.body() == null) {
      return update("record_failed", Tuple.of(id, "failed", text.fallbackReason()));
    }
    OutboundMessage message = new OutboundMessage(id, channel, eventType,
        row.getUUID("recipient_user_id"), row.getString("phone"),
        chosen.email() != null ? chosen.email() : row.getString("recipient_email"),
        text.title(), text.body(), row.getString("idempotency_key"),
        payload == null ? new JsonObject() : payload, text.locale());
    int attempt = row.getInteger("attempts") + 1;
    return update("record_rendered", Tuple.of(id, text.body(), text.title()))
        .compose(rendered -> channels.get(channel).send(message))
        .compose(delivery -> pool.preparedQuery(SQL.get("record_sent"))
                .execute(Tuple.of(id, delivery.status(), delivery.providerMessageId()))
                .<Void>map(recorded -> {
                  if (recorded.rowCount() == 1) {
                    events.recorded(message, delivery); // publish-after-delivery hook (live inbox streams)
                  }
                  return null;
                }),
            failure -> failed(id, attempt, failure, now));
  }

  private Future<Void> failed(UUID id, int attempt, Throwable failure, Instant now) {
    String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (failure instanceof DeliveryFailure f && f.isPermanent()) {
      return update("record_failed", Tuple.of(id, "failed", reason));
    }
    if (settings.retry().exhausted(attempt)) {
      return update("record_failed", Tuple.of(id, "dead", reason));
    }
    Instant next = now.plus(settings.retry().delayAfter(attempt));
    return update("record_retry", Tuple.of(id, next.atOffset(ZoneOffset.UTC), reason));
  }

  private Future<Void> update(String statement, Tuple args) {
    return pool.preparedQuery(SQL.get(statement)).execute(args).mapEmpty();
  }
}
