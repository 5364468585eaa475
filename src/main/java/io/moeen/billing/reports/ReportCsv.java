package io.moeen.billing.reports;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The VAT return and the receivables aging as CSV for Excel: the figures of the JSON reports (built from the
 * same JSON), headers in the caller's language, UTF-8 with a byte-order mark so Excel reads Arabic right.
 */
final class ReportCsv {
  static final String BOM = "\uFEFF";

  private final Messages messages;

  ReportCsv(Messages messages) {
    this.messages = messages;
  }

  private List<String> headers(SupportedLocale locale, String... keys) {
    return java.util.Arrays.stream(keys).map(k -> messages.format(locale, "billing.csv." + k)).toList();
  }

  /** One row per VAT category, then the VAT due. */
  String vatReturn(JsonObject report, SupportedLocale locale) {
    return print(printer -> {
      printer.printRecord(headers(locale, "category", "category_name", "sales", "sales_vat", "adjustments",
          "adjustments_vat", "net_vat"));
      for (Object o : report.getJsonArray("categories")) {
        JsonObject c = (JsonObject) o;
        printer.printRecord(c.getString("category"), messages.format(locale, "billing.vat_category." + c.getString("category")),
            c.getString("sales"), c.getString("salesVat"), c.getString("adjustments"), c.getString("adjustmentsVat"),
            c.getString("netVat"));
      }
      printer.printRecord(messages.format(locale, "billing.csv.vat_due"), "", "", "", "", "", report.getString("vatDue"));
    });
  }

  /** One row per age bucket, then what is owed in all. */
  String aging(JsonObject report, SupportedLocale locale) {
    return print(printer -> {
      printer.printRecord(headers(locale, "age_days", "invoices", "owed"));
      long invoices = 0;
      for (Object o : report.getJsonArray("buckets")) {
        JsonObject b = (JsonObject) o;
        invoices += b.getLong("invoices");
        printer.printRecord(b.getString("bucket"), b.getLong("invoices"), b.getString("owed"));
      }
      printer.printRecord(messages.format(locale, "billing.csv.total"), invoices, report.getString("owed"));
    });
  }

  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String print(Rows rows) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
