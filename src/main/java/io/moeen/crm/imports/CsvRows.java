package io.moeen.crm.imports;

import io.moeen.common.errors.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of an uploaded CSV, read by Commons CSV: RFC 4180 quoting (commas, line breaks and
 * doubled quotes inside quotes), lines ending in CRLF, LF or CR, empty lines skipped. Rows keep
 * their own length, so a ragged row is reported by the import, not here. The UTF-8 byte-order
 * mark Excel writes is dropped. A file that is not CSV at all (a quote never closed, text after a
 * closing quote) is refused whole, naming the row it stopped at.
 */
final class CsvRows {
  private static final String BOM = "\uFEFF";
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private CsvRows() {
  }

  static List<List<String>> parse(String text) {
    String s = text.startsWith(BOM) ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(s, FORMAT)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    } catch (IOException | UncheckedIOException e) {
      // rows are numbered as in the import's report: the header is row 0
      throw Problem.invalid("import_malformed", null, Map.of("row", rows.size()));
    }
    return rows;
  }
}
