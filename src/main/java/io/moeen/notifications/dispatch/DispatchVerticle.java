package io.moeen.notifications.dispatch;

import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.NotificationRenderer;
import io.moeen.notifications.NotificationTemplate;
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

/** Runs an {@link OutboxDispatcher} on a periodic timer; one round at a time, never overlapping. */
public final class DispatchVerticle extends VerticleBase {
  private static final Duration SMS_TIMEOUT = Duration.ofSeconds(10);

  private final Pool pool;
  private final AppConfig.Sms sms;
  private final AppConfig.Smtp smtp;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;
  private final Duration interval;
  private final Clock clock;
  private WebClient client;
  private long timer = -1;
  private boolean running;

  public DispatchVerticle(Pool pool, AppConfig.Sms sms, AppConfig.Smtp smtp, SupportedLocale defaultLocale,
                          ZoneId zone, Duration interval, Clock clock) {
    this.pool = pool;
    this.sms = sms;
    this.smtp = smtp;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx);
    return create(vertx, pool, client, sms, smtp, defaultLocale, zone, clock, SMS_TIMEOUT, defaultSettings(zone))
        .onSuccess(dispatcher -> {
          if (!interval.isZero()) {
            timer = vertx.setPeriodic(interval.toMillis(), tick -> {
              if (!running) {
                running = true;
                dispatcher.dispatchOnce().onComplete(done -> running = false);
              }
            });
          }
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    client.close();
    return Future.succeededFuture();
  }

  public static OutboxDispatcher.Settings defaultSettings(ZoneId zone) {
    return new OutboxDispatcher.Settings(20, Duration.ofMinutes(2), RetryPolicy.DEFAULT, zone);
  }

  /** As below, without e-mail. */
  public static Future<OutboxDispatcher> create(Vertx vertx, Pool pool, WebClient client, AppConfig.Sms sms,
                                                SupportedLocale defaultLocale, ZoneId zone, Clock clock,
                                                Duration smsTimeout, OutboxDispatcher.Settings settings) {
    return create(vertx, pool, client, sms, AppConfig.Smtp.none(), defaultLocale, zone, clock, smsTimeout, settings);
  }

  /** Reads templates and quiet hours, then wires the channels this deployment can deliver. */
  public static Future<OutboxDispatcher> create(Vertx vertx, Pool pool, WebClient client, AppConfig.Sms sms,
                                                AppConfig.Smtp smtp, SupportedLocale defaultLocale, ZoneId zone,
                                                Clock clock, Duration smsTimeout,
                                                OutboxDispatcher.Settings settings) {
    var sql = OutboxDispatcher.SQL;
    return sql.verify(pool)
        .compose(v -> pool.query(sql.get("active_templates")).execute())
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
            // likewise e-mail rows wait until an SMTP host is set
            smtp.host().ifPresent(host -> channels.put("email", EmailChannel.create(vertx, smtp)));
            return new OutboxDispatcher(pool, new NotificationRenderer(templates, defaultLocale), channels,
                QuietHours.of(value, zone), clock, settings);
          });
        });
  }
}
