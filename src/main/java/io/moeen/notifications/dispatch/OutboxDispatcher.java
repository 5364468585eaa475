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
 * (SKIP LOCKED, so several dispatchers may run), then renders, holds for quiet hours, sends and
 * records each. Channels without a {@link Channel} here (WhatsApp, e-mail for now) are never claimed.
 */
public final class OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/dispatch.sql");

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
        .compose(rows -> {
          List<Future<?>> deliveries = new ArrayList<>();
          for (Row row : rows) {
            deliveries.add(deliver(row, now.toInstant()).recover(e -> {
              LOG.warn("notification {} not recorded: {}", row.getUUID("id"), e.toString());
              return Future.succeededFuture();
            }));
          }
          return Future.join(deliveries).map(done -> rows.size());
        });
  }

  /** Dispatches until a round claims nothing (used by tests and at shutdown-free catch-up). */
  public Future<Integer> drain() {
    return dispatchOnce().compose(n -> n == 0 ? Future.succeededFuture(0) : drain().map(m -> n + m));
  }

  private Future<Void> deliver(Row row, Instant now) {
    UUID id = row.getUUID("id");
    var hold = quietHours.holdUntil(now, row.getString("priority"));
    if (hold.isPresent()) {
      return update("hold", Tuple.of(id, hold.get().atOffset(ZoneOffset.UTC)));
    }
    String channel = row.getString("channel");
    JsonObject payload = (JsonObject) row.getValue("payload");
    RenderedNotification text = renderer.render(row.getString("event_type"), channel, row.getString("locale"),
        payload == null ? new JsonObject() : payload, settings.zone());
    if (text.body() == null) {
      return update("record_failed", Tuple.of(id, "failed", text.fallbackReason()));
    }
    OutboundMessage message = new OutboundMessage(id, channel, row.getString("event_type"),
        row.getUUID("recipient_user_id"), row.getString("phone"), row.getString("recipient_email"),
        text.title(), text.body(), row.getString("idempotency_key"));
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
