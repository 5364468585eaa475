package io.moeen.notifications.preferences;

import io.moeen.common.auth.Access;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The caller's own notification preferences: read them, replace them. Only ever the caller's row. */
final class Preferences {
  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId clinicZone;
  private final PrincipalInvalidations principals;

  /** {@code principals}: the language preference is part of a principal. */
  Preferences(Pool pool, SqlStatements sql, ZoneId clinicZone, PrincipalInvalidations principals) {
    this.pool = pool;
    this.sql = sql;
    this.clinicZone = clinicZone;
    this.principals = principals;
  }

  Future<JsonObject> get(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    return eventTypes().compose(events -> read(me, events));
  }

  /** Replaces channels, quiet hours and zone (a field left out means the clinic's default); language if sent. */
  Future<JsonObject> update(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    JsonObject body = request.bodyAsObject();
    return eventTypes()
        .compose(events -> {
          PreferencesInput input = PreferencesInput.parse(body, events);
          return pool.withTransaction(conn -> conn.preparedQuery(sql.get("save_preferences"))
                  .execute(Tuple.of(me, input.channels(), input.quietStart(), input.quietEnd(), input.timeZone()))
                  .compose(saved -> conn.preparedQuery(sql.get("save_language")).execute(Tuple.of(me, input.language()))))
              .map(saved -> input.language() == null ? saved : principals.user(me, saved))
              .compose(saved -> read(me, events));
        });
  }

  private Future<Set<String>> eventTypes() {
    return pool.query(sql.get("event_types")).execute().map(rows -> {
      Set<String> events = new HashSet<>();
      rows.forEach(row -> events.add(row.getString("event_type")));
      return events;
    });
  }

  private Future<JsonObject> read(UUID me, Set<String> events) {
    return pool.preparedQuery(sql.get("preferences")).execute(Tuple.of(me)).map(rows -> {
      if (rows.size() == 0) {
        throw new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token");
      }
      return toJson(rows.iterator().next(), events);
    });
  }

  private JsonObject toJson(Row row, Set<String> events) {
    JsonObject clinic = row.getJsonObject("clinic_quiet_hours");
    JsonObject clinicQuiet = new JsonObject()
        .put("start", clinic == null ? "22:00" : clinic.getString("start", "22:00"))
        .put("end", clinic == null ? "08:00" : clinic.getString("end", "08:00"));
    JsonObject own = row.getLocalTime("quiet_start") == null ? null : new JsonObject()
        .put("start", hhmm(row.getLocalTime("quiet_start"))).put("end", hhmm(row.getLocalTime("quiet_end")));
    String zone = row.getString("time_zone");
    JsonObject channels = row.getJsonObject("channels");
    return new JsonObject()
        .put("channels", channels == null ? new JsonObject() : channels)
        .put("quietHours", own)
        .put("timeZone", zone)
        .put("language", row.getString("language_preference"))
        .put("effective", new JsonObject()
            .put("quietHours", own != null ? own : clinicQuiet)
            .put("timeZone", zone != null ? zone : clinicZone.getId()))
        .put("eventTypes", new JsonArray(events.stream().filter(e -> !PreferencesInput.NOT_SWITCHABLE.contains(e))
            .sorted().toList()))
        .put("channelNames", new JsonArray(PreferencesInput.CHANNELS));
  }

  private static String hhmm(LocalTime time) {
    return String.format("%02d:%02d", time.getHour(), time.getMinute());
  }
}
