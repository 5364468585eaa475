package io.moeen.notifications.admin;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** Running the outbox: list and inspect notifications, retry failed ones, list and preview templates. */
public final class NotificationAdminVerticle extends ServiceVerticle {
  public static final String LIST = "notifications.admin.list";
  public static final String GET = "notifications.admin.get";
  public static final String RETRY = "notifications.admin.retry";
  public static final String TEMPLATES = "notifications.templates.list";
  public static final String PREVIEW = "notifications.templates.preview";
  /** The dispatcher's wake-up address: a retried row goes out now, not at the next tick. */
  public static final String WAKE = io.moeen.notifications.dispatch.DispatchVerticle.WAKE;

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
      serve(LIST, anyOf("notifications.manage"), request -> outbox.page(request).map(Reply::of));
      serve(GET, anyOf("notifications.manage"), request -> outbox.one(request).map(Reply::of));
      serve(RETRY, anyOf("notifications.manage"), request -> outbox.retry(request)
          .onSuccess(retried -> vertx.eventBus().send(WAKE, null))
          .map(Reply::of));
      serve(TEMPLATES, anyOf("notifications.manage"), request -> templates.list(request).map(Reply::of));
      serve(PREVIEW, anyOf("notifications.manage"), request -> templates.preview(request).map(Reply::of));
      return registered();
    });
  }
}
