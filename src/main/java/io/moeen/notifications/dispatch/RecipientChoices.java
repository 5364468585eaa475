package io.moeen.notifications.dispatch;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a recipient chose for one claimed row: channels switched off, their own quiet hours and
 * time zone, the e-mail address to use, and (for marketing outside the app) whether they consent.
 * Rows without a user, or users without preferences, get the clinic's defaults.
 */
record RecipientChoices(JsonObject channels, LocalTime quietStart, LocalTime quietEnd, ZoneId zone, String email,
                        Boolean marketingConsent) {
  /** Messages the person asked for themselves; no preference can stop them. */
  static final Set<String> ALWAYS_DELIVERED = Set.of("password_reset", "signup_code");

  static final RecipientChoices NONE = new RecipientChoices(new JsonObject(), null, null, null, null, null);

  /** One query for the whole batch. */
  static Future<Map<UUID, RecipientChoices>> load(Pool pool, RowSet<Row> claimed) {
    UUID[] ids = new UUID[claimed.size()];
    int i = 0;
    for (Row row : claimed) {
      ids[i++] = row.getUUID("id");
    }
    if (ids.length == 0) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(OutboxDispatcher.SQL.get("recipient_choices")).execute(Tuple.of(ids)).map(rows -> {
      Map<UUID, RecipientChoices> choices = new HashMap<>();
      for (Row row : rows) {
        choices.put(row.getUUID("id"), of(row));
      }
      return choices;
    });
  }

  private static RecipientChoices of(Row row) {
    JsonObject channels = (JsonObject) row.getValue("channels");
    String zone = row.getString("time_zone");
    ZoneId zoneId = null;
    if (zone != null) {
      try {
        zoneId = ZoneId.of(zone);
      } catch (RuntimeException e) {
        zoneId = null; // validated on the way in; an id a later JDK dropped falls back to the clinic's
      }
    }
    return new RecipientChoices(channels == null ? new JsonObject() : channels, row.getLocalTime("quiet_start"),
        row.getLocalTime("quiet_end"), zoneId, row.getString("email"), row.getBoolean("marketing_consent"));
  }

  /** Off for this event when the event says so, or when the '*' default says so and the event is silent. */
  boolean channelOff(String eventType, String channel) {
    if (ALWAYS_DELIVERED.contains(eventType)) {
      return false;
    }
    Boolean forEvent = setting(eventType, channel);
    Boolean byDefault = setting("*", channel);
    return Boolean.FALSE.equals(forEvent != null ? forEvent : byDefault);
  }

  /** False only for a marketing row outside the app whose contact has not (or no longer) consented. */
  boolean mayMarket() {
    return !Boolean.FALSE.equals(marketingConsent);
  }

  ZoneId zoneOr(ZoneId clinic) {
    return zone != null ? zone : clinic;
  }

  /** The person's quiet hours in their zone; else the clinic's hours, in the person's zone if they set one. */
  QuietHours quietHours(QuietHours clinic) {
    return quietStart != null && quietEnd != null
        ? new QuietHours(quietStart, quietEnd, zoneOr(clinic.zone()))
        : new QuietHours(clinic.start(), clinic.end(), zoneOr(clinic.zone()));
  }

  private Boolean setting(String key, String channel) {
    JsonObject perChannel = channels.getJsonObject(key);
    Object value = perChannel == null ? null : perChannel.getValue(channel);
    return value instanceof Boolean b ? b : null;
  }
}
