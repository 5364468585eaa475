package io.moeen.notifications.admin;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** Running the outbox: list and inspect notifications, retry failed ones, list and preview templates. */
public final class NotificationAdminVerticle extends ServiceVerticle {
  /** The dispatcher's wake-up address: a retried row goes out now, not at the next tick. */
  public static final String WAKE = NotificationsAddresses.OUTBOX_WAKE;

  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/admin.sql");

  private final Pool pool;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;
  private final Clock clock;

  public NotificationAdminVerticle(Pool pool, SupportedLocale defaultLocale, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    OutboxAdmin outbox = new OutboxAdmin(pool, SQL, clock);
    TemplatePreview templates = new TemplatePreview(pool, SQL, defaultLocale, zone, clock);
    return SQL.verify(pool).compose(verified -> {
      serve(NotificationsAddresses.OUTBOX_LIST, anyOf("notifications.manage"), request -> outbox.page(request).map(Reply::of));
      serve(NotificationsAddresses.OUTBOX_GET, anyOf("notifications.manage"), request -> outbox.one(request).map(Reply::of));
      serve(NotificationsAddresses.OUTBOX_RETRY, anyOf("notifications.manage"), request -> outbox.retry(request)
          .onSuccess(retried -> vertx.eventBus().send(WAKE, null))
          .map(Reply::of));
      serve(NotificationsAddresses.TEMPLATES_LIST, anyOf("notifications.manage"), request -> templates.list(request).map(Reply::of));
      serve(NotificationsAddresses.TEMPLATES_PREVIEW, anyOf("notifications.manage"), request -> templates.preview(request).map(Reply::of));
      return registered();
    });
  }
}
