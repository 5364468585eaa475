package io.moeen.notifications.dispatch;

import io.moeen.common.cluster.RunOnce;
import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.ClinicDigits;
import io.moeen.notifications.InboxEvents;
import io.moeen.notifications.NotificationRenderer;
import io.moeen.notifications.NotificationTemplate;
import io.moeen.notifications.NotificationsAddresses;
import io.moeen.notifications.channels.whatsapp.WhatsAppChannel;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link OutboxDispatcher} on a periodic timer, and at once when woken on
 * {@value NotificationsAddresses#OUTBOX_WAKE} (a chatbot reply should not wait for the next tick); one round at a time, never
 * overlapping: a wake during a round runs one more round after it. Interval 0 turns both off.
 */
public final class DispatchVerticle extends VerticleBase {
  private static final Duration SMS_TIMEOUT = Duration.ofSeconds(10);
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private final Pool pool;
  private final AppConfig.Sms sms;
  private final AppConfig.WhatsApp whatsapp;
  private final AppConfig.Smtp smtp;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;
  private final Duration interval;
  private final Clock clock;
  private final Duration sendingTimeout;
  private WebClient client;
  private long timer = -1;
  private long purgeTimer = -1;
  private boolean running;
  private boolean again;
  private OutboxDispatcher dispatcher;

  public DispatchVerticle(Pool pool, AppConfig.Sms sms, AppConfig.WhatsApp whatsapp, AppConfig.Smtp smtp,
                          SupportedLocale defaultLocale, ZoneId zone, Duration interval, Clock clock,
                          Duration sendingTimeout) {
    this.sendingTimeout = sendingTimeout;
    this.pool = pool;
    this.sms = sms;
    this.whatsapp = whatsapp;
    this.smtp = smtp;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx);
    ExpiredKeysPurge purge = new ExpiredKeysPurge(pool, clock, 1000);
    return ExpiredKeysPurge.SQL.verify(pool)
        .onSuccess(verified -> {
          // the dispatch runs on every node (rows claimed with SKIP LOCKED); the purge on one (docs/cluster.md)
          RunOnce.Lease lease = RunOnce.of(vertx).lease("notifications.expired-keys-purge");
          purgeTimer = vertx.setPeriodic(PURGE_INTERVAL.toMillis(), tick -> {
            if (lease.held()) {
              purge.run();
            }
          });
        })
        .compose(verified -> create(vertx, pool, client, sms, whatsapp, smtp, defaultLocale, zone, clock, SMS_TIMEOUT,
            new OutboxDispatcher.Settings(20, sendingTimeout, RetryPolicy.DEFAULT, zone)))
        .compose(created -> {
          dispatcher = created;
          if (interval.isZero()) {
            return Future.succeededFuture();
          }
          timer = vertx.setPeriodic(interval.toMillis(), tick -> {
            if (!running) {
              round();
            }
          });
          return vertx.eventBus().consumer(NotificationsAddresses.OUTBOX_WAKE, wake -> round()).completion();
        });
  }

  /** One round now, or, while one runs, one more right after it. */
  private void round() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    dispatcher.dispatchOnce().onComplete(done -> {
      running = false;
      if (again) {
        again = false;
        round();
      }
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    vertx.cancelTimer(purgeTimer);
    client.close();
    return Future.succeededFuture();
  }

  public static OutboxDispatcher.Settings defaultSettings(ZoneId zone) {
    return new OutboxDispatcher.Settings(20, Duration.ofMinutes(2), RetryPolicy.DEFAULT, zone);
  }

  /** Live inbox streams learn of each in-app row once its 'delivered' is in the database. */
  static DeliveryEvents publishInAppDeliveries(Vertx vertx) {
    return (message, delivery) -> {
      if ("in_app".equals(message.channel()) && message.recipientUserId() != null) {
        InboxEvents.delivered(vertx.eventBus(), message.recipientUserId(), message.id(), message.eventType());
      }
    };
  }

  /** Without WhatsApp and e-mail. */
  public static Future<OutboxDispatcher> create(Vertx vertx, Pool pool, WebClient client, AppConfig.Sms sms,
                                                SupportedLocale defaultLocale, ZoneId zone, Clock clock,
                                                Duration smsTimeout, OutboxDispatcher.Settings settings) {
    return create(vertx, pool, client, sms, AppConfig.WhatsApp.none(), AppConfig.Smtp.none(), defaultLocale, zone,
        clock, smsTimeout, settings);
  }

  /** Reads templates and quiet hours, then wires the channels this deployment can deliver. */
  public static Future<OutboxDispatcher> create(Vertx vertx, Pool pool, WebClient client, AppConfig.Sms sms,
                                                AppConfig.WhatsApp whatsapp, AppConfig.Smtp smtp,
                                                SupportedLocale defaultLocale, ZoneId zone, Clock clock, Duration smsTimeout,
                                                OutboxDispatcher.Settings settings) {
    var sql = OutboxDispatcher.SQL;
    // without URL, number id and token WhatsApp rows are not claimed: they wait, untouched
    return sql.verify(pool).compose(v -> ClinicDigits.load(pool, sql)).compose(digits -> (whatsapp.canSend()
        ? WhatsAppChannel.create(client, whatsapp, pool, defaultLocale, zone, digits, clock, smsTimeout)
        : Future.<WhatsAppChannel>succeededFuture(null)).compose(wa -> pool.query(sql.get("active_templates")).execute()
        .compose(rows -> {
          List<NotificationTemplate> templates = new ArrayList<>();
          for (Row r : rows) {
            templates.add(new NotificationTemplate(r.getString("event_type"), r.getString("channel"),
                r.getString("locale"), r.getString("subject"), r.getString("body")));
          }
          return pool.query(sql.get("quiet_hours")).execute().map(setting -> {
            JsonObject value = setting.size() == 0 ? new JsonObject()
                : (JsonObject) setting.iterator().next().getValue("value");
            Map<String, Channel> channels = new HashMap<>();
            channels.put("in_app", new InAppChannel());
            // without a provider URL SMS rows are not claimed: they wait, untouched, until one is set
            sms.url().ifPresent(url -> channels.put("sms",
                new SmsChannel(client, url, sms.authHeader(), sms.bodyTemplate(), smsTimeout)));
            if (wa != null) {
              channels.put(wa.name(), wa);
            }
            // likewise e-mail rows wait until an SMTP host is set
            smtp.host().ifPresent(host -> channels.put("email", EmailChannel.create(vertx, smtp)));
            return new OutboxDispatcher(pool, new NotificationRenderer(templates, defaultLocale, digits), channels,
                QuietHours.of(value, zone), clock, settings, publishInAppDeliveries(vertx));
          });
        })));
  }
}
