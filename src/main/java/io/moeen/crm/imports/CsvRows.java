package io.moeen.crm.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields split by commas, quoted fields may hold commas, line breaks and doubled
 * quotes; lines end in CRLF or LF. A leading byte-order mark is dropped. Lines with nothing on
 * them are skipped.
 */
final class CsvRows {
  private CsvRows() {
  }

  static List<List<String>> parse(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        end(rows, row, field, fieldStarted);
        row = new ArrayList<>();
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    end(rows, row, field, fieldStarted);
    return rows;
  }

  private static void end(List<List<String>> rows, List<String> row, StringBuilder field, boolean fieldStarted) {
    if (fieldStarted || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    field.setLength(0);
  }
}
