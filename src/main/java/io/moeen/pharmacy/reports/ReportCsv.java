package io.moeen.pharmacy.reports;

import io.moeen.common.bus.Reply;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A report's rows as CSV that Excel opens correctly: a UTF-8 byte-order mark (or Arabic shows as
 * mojibake), RFC 4180 by Commons CSV, the JSON list's own fields as columns, and no cell a spreadsheet
 * would run as a formula (a leading = + - @, tab or CR gets a ' in front; negative quantities
 * included, which is why moves print them as numbers only after the guard for text).
 */
final class ReportCsv {
  static final String BOM = "\uFEFF";

  private ReportCsv() {
  }

  static Reply reply(String filename, List<String> columns, List<JsonObject> rows) {
    return new Reply(write(columns, rows), Map.of(
        "Content-Type", "text/csv; charset=utf-8",
        "Content-Disposition", "attachment; filename=\"" + filename + "\""));
  }

  static String write(List<String> columns, List<JsonObject> rows) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(columns);
      for (JsonObject row : rows) {
        printer.printRecord(columns.stream().map(c -> cell(row.getValue(c))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails
    }
    return out.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString(); // a number is data, never a formula, even when negative
    }
    String v = value.toString();
    return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }
}
