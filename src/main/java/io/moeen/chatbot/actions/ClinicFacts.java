package io.moeen.chatbot.actions;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opening hours and branches, read from the public catalogue tables (nothing about patients). */
final class ClinicFacts {
  /** The week as the clinic's staff say it: Sunday first. */
  private static final List<Integer> WEEK = List.of(7, 1, 2, 3, 4, 5, 6);

  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId zone;
  private final Clock clock;

  ClinicFacts(Pool pool, SqlStatements sql, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.zone = zone;
    this.clock = clock;
  }

  Future<JsonObject> hours(String locale) {
    return pool.preparedQuery(sql.get("clinic_hours")).execute(Tuple.of(LocalDate.now(clock.withZone(zone))))
        .map(rows -> {
          Map<String, Map<String, List<Integer>>> byLocation = new LinkedHashMap<>();
          for (Row row : rows) {
            String name = row.getString("ar".equals(locale) ? "name_ar" : "name_en");
            String hours = hhmm(row.getLocalTime("opens")) + "–" + hhmm(row.getLocalTime("closes"));
            byLocation.computeIfAbsent(name, n -> new LinkedHashMap<>())
                .computeIfAbsent(hours, h -> new ArrayList<>()).add((int) row.getShort("day_of_week"));
          }
          StringBuilder text = new StringBuilder();
          byLocation.forEach((location, hours) -> {
            text.append(text.isEmpty() ? "" : "\n").append("📍 ").append(location);
            hours.forEach((range, days) -> text.append("\n• ").append(days(days, locale)).append(": ‎").append(range));
          });
          return new JsonObject().put("hoursText", text.toString());
        });
  }

  Future<JsonObject> locations(String locale) {
    boolean ar = "ar".equals(locale);
    return pool.preparedQuery(sql.get("clinic_locations")).execute().map(rows -> {
      StringBuilder text = new StringBuilder();
      for (Row row : rows) {
        text.append(text.isEmpty() ? "" : "\n").append("📍 ").append(row.getString(ar ? "name_ar" : "name_en"));
        String address = row.getString(ar ? "address_ar" : "address_en");
        if (address != null) {
          text.append(" — ").append(address);
        }
        if (row.getString("phone") != null) {
          text.append(" ☎ ‎").append(row.getString("phone"));
        }
      }
      return new JsonObject().put("locationsText", text.toString());
    });
  }

  private static String days(List<Integer> isoDays, String locale) {
    Locale language = Locale.forLanguageTag("ar".equals(locale) ? "ar" : "en");
    List<String> names = new ArrayList<>();
    for (int day : WEEK) {
      if (isoDays.contains(day)) {
        names.add(DayOfWeek.of(day).getDisplayName(TextStyle.FULL, language));
      }
    }
    return String.join("ar".equals(locale) ? "، " : ", ", names);
  }

  private static String hhmm(LocalTime time) {
    return time.toString().substring(0, 5);
  }
}
