package io.moeen.notifications.preferences;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.ConsentRecorder;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.ZoneId;

/** The signed-in person's own notification preferences and marketing consent. */
public final class PreferencesVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/preferences/preferences.sql");

  private final Pool pool;
  private final Messages messages;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;

  public PreferencesVerticle(Pool pool, Messages messages, SupportedLocale defaultLocale, ZoneId zone) {
    this.pool = pool;
    this.messages = messages;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
  }

  @Override
  public Future<?> start() {
    Preferences preferences = new Preferences(pool, SQL, zone, new PrincipalInvalidations(vertx.eventBus()));
    Consents consents = new Consents(pool, SQL, messages, defaultLocale);
    serve(NotificationsAddresses.PREFERENCES_GET, anyOf("notifications.read.own"), request -> preferences.get(request).map(Reply::of));
    serve(NotificationsAddresses.PREFERENCES_UPDATE, anyOf("notifications.read.own"), request -> preferences.update(request).map(Reply::of));
    serve(NotificationsAddresses.CONSENTS_LIST, anyOf("notifications.read.own"), request -> consents.list(request).map(Reply::of));
    serve(NotificationsAddresses.CONSENTS_RECORD, anyOf("notifications.read.own"), request -> consents.record(request).map(Reply::of));
    return SQL.verify(pool).compose(verified -> ConsentRecorder.verify(pool)).compose(verified -> registered());
  }
}
