package io.moeen.billing.insurance;

import io.moeen.billing.invoices.Money;
import io.moeen.common.time.ReportPeriod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** Claims by payer and status, created in a period of the clinic's days: JSON, and CSV for Excel. */
final class ClaimsReport {
  private static final String BOM = "\uFEFF";

  private ClaimsReport() {
  }

  static JsonObject of(RowSet<Row> rows, ReportPeriod period) {
    JsonArray items = new JsonArray();
    BigDecimal claimed = BigDecimal.ZERO;
    BigDecimal approved = BigDecimal.ZERO;
    BigDecimal remitted = BigDecimal.ZERO;
    long count = 0;
    for (Row row : rows) {
      items.add(new JsonObject().put("payerId", row.getUUID("payer_id").toString()).put("payerName", row.getString("payer_name"))
          .put("status", row.getString("status")).put("claims", row.getLong("claims"))
          .put("claimed", Money.text(row.getBigDecimal("claimed"))).put("approved", Money.text(row.getBigDecimal("approved")))
          .put("remitted", Money.text(row.getBigDecimal("remitted"))));
      count += row.getLong("claims");
      claimed = claimed.add(row.getBigDecimal("claimed"));
      approved = approved.add(row.getBigDecimal("approved"));
      remitted = remitted.add(row.getBigDecimal("remitted"));
    }
    return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
        .put("timeZone", period.zone().getId()).put("items", items)
        .put("totals", new JsonObject().put("claims", count).put("claimed", Money.text(claimed))
            .put("approved", Money.text(approved)).put("remitted", Money.text(remitted)));
  }

  /** UTF-8 with a byte-order mark (Excel shows Arabic); a name that looks like a formula is quoted with '. */
  static String csv(JsonObject report) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(List.of("payer_id", "payer", "status", "claims", "claimed", "approved", "remitted"));
      for (Object o : report.getJsonArray("items")) {
        JsonObject i = (JsonObject) o;
        String name = i.getString("payerName");
        printer.printRecord(i.getString("payerId"), name != null && !name.isEmpty() && "=+-@".indexOf(name.charAt(0)) >= 0
            ? "'" + name : name, i.getString("status"), i.getLong("claims"), i.getString("claimed"), i.getString("approved"),
            i.getString("remitted"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
