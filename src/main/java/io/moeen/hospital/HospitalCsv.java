package io.moeen.hospital;

import io.moeen.common.bus.Reply;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The hospital's views as CSV that Excel opens right: a UTF-8 byte-order mark, RFC 4180, times as the clinic's
 * wall clock, and no cell a spreadsheet would run as a formula (OWASP's CSV-injection advice).
 */
public final class HospitalCsv {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private HospitalCsv() {
  }

  public static Reply reply(String filename, List<String> header, List<List<String>> lines) {
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (List<String> cells : lines) {
        printer.printRecord(cells.stream().map(HospitalCsv::defused));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails
    }
    return new Reply(out.toString(), Map.of("Content-Type", "text/csv; charset=utf-8",
        "Content-Disposition", "attachment; filename=\"" + filename + "\""));
  }

  public static String time(OffsetDateTime t, ZoneId zone) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }

  public static String number(Double value) {
    return value == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  static String defused(String value) {
    String v = value == null ? "" : value;
    return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }
}
