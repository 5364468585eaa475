package io.moeen.hospital.cleaning;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.time.ReportPeriod;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Cleaning as a calendar: for each of the clinic's days in {@code [from, to]} (a week from today by default), the
 * tasks due that day, in due order, and the days open daily rounds will come back on ({@code planned: true}, no
 * task yet: the round is created again when the one before it is done). Rooms, beds and tasks only.
 */
final class CleaningCalendar {
  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final CleaningTasks tasks;

  CleaningCalendar(HospitalDatabase db, ClinicTimes times, CleaningTasks tasks) {
    this.db = db;
    this.times = times;
    this.tasks = tasks;
  }

  Future<Reply> calendar(RequestEnvelope request) {
    ReportPeriod period = period(request.param("from"), request.param("to"));
    String room = request.param("roomId");
    Tuple args = Tuple.of(period.start(), period.end(), room == null ? null : UUID.fromString(room));
    return db.as(request, conn -> conn.preparedQuery(CleaningTasks.SQL.get("calendar")).execute(args)).map(rows -> {
      Map<LocalDate, JsonArray> days = new LinkedHashMap<>();
      for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
        days.put(day, new JsonArray());
      }
      for (Row row : rows) {
        OffsetDateTime at = row.getOffsetDateTime("occurs_at");
        boolean planned = row.getBoolean("planned");
        JsonObject item = tasks.json(row).put("planned", planned);
        if (planned) {
          // id stays the open round this one repeats
          item.put("dueAt", times.format(at)).put("status", "planned").put("overdue", false);
        }
        days.get(at.atZoneSameInstant(times.zone()).toLocalDate()).add(item);
      }
      JsonArray list = new JsonArray();
      days.forEach((day, items) -> list.add(new JsonObject().put("date", day.toString()).put("items", items)));
      return Reply.of(new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
          .put("timeZone", times.zone().getId()).put("days", list));
    });
  }

  /** {@code from} today and {@code to} six days after {@code from} when left out; a bad date is a localized 400. */
  private ReportPeriod period(String from, String to) {
    if (to == null) {
      LocalDate first = from == null ? times.today() : ReportPeriod.of(from, from, times.zone(), times.clock(), d -> d).from();
      return ReportPeriod.of(first.toString(), first.plusDays(6).toString(), times.zone(), times.clock(), d -> d);
    }
    return ReportPeriod.of(from, to, times.zone(), times.clock(), last -> last.minusDays(6));
  }
}
