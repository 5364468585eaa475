package io.moeen.hospital.reports;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.time.ReportPeriod;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalCsv;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The hospital's figures over the clinic's days ({@code from}, {@code to}, both inclusive; the last 7 days by
 * default): occupancy by ward and day, average length of stay, ambulance response times, cleaning turnaround.
 * Each as JSON and as CSV, from one query; none names a patient.
 */
final class HospitalReports {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/reports.sql");
  private static final UnaryOperator<LocalDate> LAST_7_DAYS = last -> last.minusDays(6);

  /** One report: its statement, its columns (name → type), and its CSV file name. */
  record Report(String statement, String file, Map<String, String> columns) {
  }

  static final Report OCCUPANCY = new Report("occupancy", "occupancy.csv", ordered(
      "day", "day", "ward_code", "text", "ward_name", "name", "beds", "long", "bed_hours", "number", "occupied_hours", "number",
      "occupancy_percent", "percent", "patients", "long"));
  static final Report LENGTH_OF_STAY = new Report("length_of_stay", "length-of-stay.csv", ordered(
      "ward_code", "text", "ward_name", "name", "discharges", "long", "average_days", "number", "longest_days", "number"));
  static final Report AMBULANCE_RESPONSE = new Report("ambulance_response", "ambulance-response.csv", ordered(
      "plate", "text", "runs", "long", "average_dispatch_minutes", "number", "average_response_minutes", "number",
      "median_response_minutes", "number", "p90_response_minutes", "number", "longest_response_minutes", "number",
      "average_run_minutes", "number"));
  static final Report CLEANING_TURNAROUND = new Report("cleaning_turnaround", "cleaning-turnaround.csv", ordered(
      "kind", "text", "tasks", "long", "average_minutes", "number", "longest_minutes", "number", "late", "long"));

  private final HospitalDatabase db;
  private final ClinicTimes times;

  HospitalReports(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  Future<Reply> json(RequestEnvelope request, Report report) {
    ReportPeriod period = period(request);
    return rows(request, report, period).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row row : rows) {
        JsonObject item = new JsonObject();
        report.columns().forEach((column, type) -> item.put(camel(column), value(row, column, type, request.locale())));
        items.add(item);
      }
      return Reply.of(new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
          .put("timeZone", times.zone().getId()).put("items", items));
    });
  }

  Future<Reply> csv(RequestEnvelope request, Report report) {
    ReportPeriod period = period(request);
    return rows(request, report, period).map(rows -> {
      List<List<String>> lines = new ArrayList<>();
      for (Row row : rows) {
        List<String> cells = new ArrayList<>();
        report.columns().forEach((column, type) -> {
          Object value = value(row, column, type, request.locale());
          cells.add(value == null ? "" : value instanceof Double d ? HospitalCsv.number(d) : String.valueOf(value));
        });
        lines.add(cells);
      }
      return HospitalCsv.reply(report.file(), List.copyOf(report.columns().keySet()), lines);
    });
  }

  private Future<List<Row>> rows(RequestEnvelope request, Report report, ReportPeriod period) {
    Tuple args = Tuple.of(period.from(), period.to(), times.zone().getId());
    if (report == OCCUPANCY) {
      args.addOffsetDateTime(times.now()); // today counts up to now
    }
    return db.as(request, conn -> conn.preparedQuery(SQL.get(report.statement())).execute(args)).map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  /** The clinic's days asked for: the last 7 up to {@code to} (today) by default; a bad date is a localized 400. */
  private ReportPeriod period(RequestEnvelope request) {
    return ReportPeriod.of(request.param("from"), request.param("to"), times.zone(), times.clock(), LAST_7_DAYS);
  }

  private static Object value(Row row, String column, String type, String locale) {
    return switch (type) {
      case "day" -> row.getLocalDate(column).toString();
      case "text" -> row.getString(column);
      case "long" -> row.getLong(column);
      case "name" -> row.getString(column + ("ar".equals(locale) ? "_ar" : "_en"));
      case "number" -> round(row.getValue(column));
      case "percent" -> {
        double hours = ((Number) row.getValue("bed_hours")).doubleValue();
        yield hours <= 0 ? 0.0 : round(((Number) row.getValue("occupied_hours")).doubleValue() * 100.0 / hours);
      }
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static Double round(Object value) {
    return value == null ? null : Math.round(((Number) value).doubleValue() * 10.0) / 10.0;
  }

  private static String camel(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
