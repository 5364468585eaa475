package io.moeen.crm.leads;

import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Leads as CSV that Excel opens correctly: a UTF-8 byte-order mark first (or Arabic shows as
 * mojibake), CRLF lines, RFC 4180 quoting, times in the clinic's zone, and no cell a spreadsheet
 * would run as a formula (a leading {@code = + - @}, tab or CR gets a {@code '} in front).
 */
final class LeadCsv {
  static final String BOM = "\uFEFF";
  static final List<String> HEADER = List.of("id", "full_name", "phone", "email", "preferred_language", "source",
      "status", "lost_reason", "owner_id", "score", "utm_campaign", "utm_medium", "utm_source", "tags",
      "interested_in", "first_contacted_at", "last_activity_at", "created_at");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private LeadCsv() {
  }

  static String write(List<Row> rows, ZoneId zone) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, HEADER);
    for (Row r : rows) {
      String[] tags = r.getArrayOfStrings("tags");
      line(out, List.of(r.getUUID("id").toString(), text(r.getString("full_name")), text(r.getString("phone")),
          text(r.getString("email")), r.getString("preferred_language"), r.getString("source"), r.getString("status"),
          text(r.getString("lost_reason")), r.getUUID("owner_id") == null ? "" : r.getUUID("owner_id").toString(),
          String.valueOf(r.getInteger("score")), text(r.getString("utm_campaign")), text(r.getString("utm_medium")),
          text(r.getString("utm_source")), tags == null ? "" : String.join(";", tags), text(r.getString("interested_in")),
          time(r.getOffsetDateTime("first_contacted_at"), zone), time(r.getOffsetDateTime("last_activity_at"), zone),
          time(r.getOffsetDateTime("created_at"), zone)));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(OffsetDateTime t, ZoneId zone) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }
}
