package io.moeen.notifications;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The in-app inbox of the signed-in caller; templates are read once at start. */
public final class NotificationsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/notifications.sql");

  private final Pool pool;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;

  public NotificationsVerticle(Pool pool, SupportedLocale defaultLocale, ZoneId zone) {
    this.pool = pool;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
  }

  @Override
  public Future<?> start() {
    return SQL.verify(pool)
        .compose(verified -> ClinicDigits.load(pool, SQL))
        .compose(digits -> pool.query(SQL.get("active_templates")).execute().map(rows -> {
          List<NotificationTemplate> templates = new ArrayList<>();
          for (Row r : rows) {
            templates.add(new NotificationTemplate(r.getString("event_type"), r.getString("channel"),
                r.getString("locale"), r.getString("subject"), r.getString("body")));
          }
          Inbox inbox = new Inbox(pool, SQL, new NotificationRenderer(templates, defaultLocale, digits), zone);
          serve(NotificationsAddresses.INBOX_LIST, request -> inbox.page(request).map(Reply::of));
          serve(NotificationsAddresses.INBOX_COUNT_UNREAD, request -> inbox.unreadCount(request).map(Reply::of));
          serve(NotificationsAddresses.INBOX_MARK_READ, request -> inbox.markRead(request).onSuccess(read -> readBy(request)).map(x -> Reply.empty()));
          serve(NotificationsAddresses.INBOX_MARK_ALL_READ, request -> inbox.markAllRead(request).onSuccess(read -> readBy(request)).map(Reply::of));
          LiveInbox live = new LiveInbox(pool, SQL, inbox);
          serve(NotificationsAddresses.INBOX_STREAM, request -> live.handle(request).map(Reply::of));
          return registered();
        })).compose(registered -> registered);
  }

  /** Live streams of this person update their unread count. */
  private void readBy(RequestEnvelope request) {
    InboxEvents.read(vertx.eventBus(), Access.principal(request).userId());
  }
}
