package io.moeen.crm.leads;

import io.vertx.sqlclient.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Leads as CSV that Excel opens correctly: a UTF-8 byte-order mark first (or Arabic shows as
 * mojibake), then Commons CSV's RFC 4180 (CRLF lines, quotes only where needed), times in the
 * clinic's zone, and no cell a spreadsheet would run as a formula (a leading {@code = + - @}, tab
 * or CR gets a {@code '} in front; Commons CSV has no such guard).
 */
final class LeadCsv {
  static final String BOM = "\uFEFF";
  static final List<String> HEADER = List.of("id", "full_name", "phone", "email", "preferred_language", "source",
      "status", "lost_reason", "owner_id", "score", "utm_campaign", "utm_medium", "utm_source", "tags",
      "interested_in", "first_contacted_at", "last_activity_at", "created_at");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private LeadCsv() {
  }

  static String write(List<Row> rows, ZoneId zone) {
    return print(rows.stream().map(r -> cells(r, zone)).toList());
  }

  /** The header and one line a lead, every cell defused. */
  static String print(List<List<String>> leads) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(HEADER);
      for (List<String> cells : leads) {
        printer.printRecord(cells.stream().map(LeadCsv::defused));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails
    }
    return out.toString();
  }

  private static List<String> cells(Row r, ZoneId zone) {
    String[] tags = r.getArrayOfStrings("tags");
    return List.of(r.getUUID("id").toString(), text(r.getString("full_name")), text(r.getString("phone")),
        text(r.getString("email")), r.getString("preferred_language"), r.getString("source"), r.getString("status"),
        text(r.getString("lost_reason")), r.getUUID("owner_id") == null ? "" : r.getUUID("owner_id").toString(),
        String.valueOf(r.getInteger("score")), text(r.getString("utm_campaign")), text(r.getString("utm_medium")),
        text(r.getString("utm_source")), tags == null ? "" : String.join(";", tags), text(r.getString("interested_in")),
        time(r.getOffsetDateTime("first_contacted_at"), zone), time(r.getOffsetDateTime("last_activity_at"), zone),
        time(r.getOffsetDateTime("created_at"), zone));
  }

  /** A cell a spreadsheet shows as text, never runs: OWASP's CSV-injection advice. */
  static String defused(String value) {
    String v = value == null ? "" : value;
    return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(OffsetDateTime t, ZoneId zone) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }
}
