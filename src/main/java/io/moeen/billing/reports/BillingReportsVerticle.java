package io.moeen.billing.reports;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.Money;
import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.time.ReportPeriod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The accountant's reports: revenue by day (in the clinic's zone), service, doctor or payment method (JSON and
 * CSV), the VAT return's totals by category, and receivables by age.
 */
public final class BillingReportsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/reports.sql");
  private static final String BOM = "\uFEFF";

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final ReportCsv csv;

  public BillingReportsVerticle(Pool pool, ZoneId zone, Clock clock, Messages messages) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.csv = new ReportCsv(messages);
  }

  @Override
  public Future<?> start() {
    List<String> readers = anyOf("billing.reports.read");
    serve(BillingAddresses.REVENUE_SUMMARIZE, readers, request -> revenue(request).map(Reply::of));
    serve(BillingAddresses.REVENUE_EXPORT, readers, request -> revenue(request).map(report -> Reply.of(csv(report))
        .withHeader("Content-Type", "text/csv; charset=utf-8")
        .withHeader("Content-Disposition", "attachment; filename=\"revenue-" + report.getString("by") + ".csv\"")));
    serve(BillingAddresses.VAT_RETURNS_SUMMARIZE, readers, request -> vatReturn(request).map(Reply::of));
    serve(BillingAddresses.RECEIVABLES_AGE, readers, request -> aging(request).map(Reply::of));
    serve(BillingAddresses.VAT_RETURNS_EXPORT, readers, request -> vatReturn(request).map(report ->
        csvReply(csv.vatReturn(report, lang(request)), "vat-return-" + report.getString("from") + "-"
            + report.getString("to") + ".csv")));
    serve(BillingAddresses.RECEIVABLES_EXPORT, readers, request -> aging(request).map(report ->
        csvReply(csv.aging(report, lang(request)), "receivables-aging-" + report.getString("asOf").substring(0, 10) + ".csv")));
    return SQL.verify(pool).compose(verified -> registered());
  }

  private static SupportedLocale lang(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
  }

  private static Reply csvReply(String text, String filename) {
    return Reply.of(text).withHeader("Content-Type", "text/csv; charset=utf-8")
        .withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }

  private static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  private Future<RowSet<Row>> query(RequestEnvelope request, String name, Tuple args) {
    return SessionContext.inTransaction(pool, actor(request), conn -> conn.preparedQuery(SQL.get(name)).execute(args));
  }

  private Future<JsonObject> revenue(RequestEnvelope request) {
    ReportPeriod period = ReportPeriod.of(request.param("from"), request.param("to"), zone, clock, ReportPeriod.MONTH_SO_FAR);
    String by = request.param("by") == null ? "day" : request.param("by");
    boolean ar = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR) == SupportedLocale.AR;
    boolean method = "method".equals(by);
    Tuple args = Tuple.of(period.start(), period.end(), zone.getId());
    return query(request, method ? "revenue_by_method" : "revenue", method ? args : args.addString(by)).map(rows -> {
      JsonArray items = new JsonArray();
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal net = BigDecimal.ZERO;
      BigDecimal vat = BigDecimal.ZERO;
      for (Row row : rows) {
        JsonObject item = new JsonObject().put("key", row.getString("key")).put("documents", row.getLong("documents"))
            .put("total", Money.text(row.getBigDecimal("total")));
        if (method) {
          item.put("taken", Money.text(row.getBigDecimal("taken"))).put("refunded", Money.text(row.getBigDecimal("refunded")));
        } else {
          item.put("label", ar ? row.getString("label_ar") : row.getString("label_en"))
              .put("net", Money.text(row.getBigDecimal("net"))).put("vat", Money.text(row.getBigDecimal("vat")));
          net = net.add(row.getBigDecimal("net"));
          vat = vat.add(row.getBigDecimal("vat"));
        }
        total = total.add(row.getBigDecimal("total"));
        items.add(item);
      }
      JsonObject totals = new JsonObject().put("total", Money.text(total));
      if (!method) {
        totals.put("net", Money.text(net)).put("vat", Money.text(vat));
      }
      return header(period).put("by", by).put("items", items).put("totals", totals);
    });
  }

  private JsonObject header(ReportPeriod period) {
    return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
        .put("timeZone", zone.getId());
  }

  private Future<JsonObject> vatReturn(RequestEnvelope request) {
    ReportPeriod period = ReportPeriod.of(request.param("from"), request.param("to"), zone, clock, ReportPeriod.MONTH_SO_FAR);
    return query(request, "vat_return", Tuple.of(period.start(), period.end(), zone.getId())).map(rows -> {
      JsonArray categories = new JsonArray();
      BigDecimal due = BigDecimal.ZERO;
      for (Row row : rows) {
        BigDecimal netVat = row.getBigDecimal("sales_vat").subtract(row.getBigDecimal("adjustments_vat"));
        due = due.add(netVat);
        categories.add(new JsonObject().put("category", row.getString("category"))
            .put("sales", Money.text(row.getBigDecimal("sales"))).put("salesVat", Money.text(row.getBigDecimal("sales_vat")))
            .put("adjustments", Money.text(row.getBigDecimal("adjustments")))
            .put("adjustmentsVat", Money.text(row.getBigDecimal("adjustments_vat")))
            .put("netVat", Money.text(netVat)));
      }
      return header(period).put("categories", categories).put("vatDue", Money.text(due));
    });
  }

  private Future<JsonObject> aging(RequestEnvelope request) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return query(request, "aging", Tuple.of(now, zone.getId())).map(rows -> {
      JsonArray buckets = new JsonArray();
      BigDecimal owed = BigDecimal.ZERO;
      for (String bucket : List.of("0-30", "31-60", "61-90", "91+")) {
        JsonObject item = new JsonObject().put("bucket", bucket).put("invoices", 0L).put("owed", "0.00");
        for (Row row : rows) {
          if (bucket.equals(row.getString("bucket"))) {
            item.put("invoices", row.getLong("invoices")).put("owed", Money.text(row.getBigDecimal("owed")));
            owed = owed.add(row.getBigDecimal("owed"));
          }
        }
        buckets.add(item);
      }
      return new JsonObject().put("asOf", now.atZoneSameInstant(zone).toOffsetDateTime().toString())
          .put("timeZone", zone.getId()).put("buckets", buckets).put("owed", Money.text(owed));
    });
  }

  /** UTF-8 with a byte-order mark (Excel shows Arabic); a label that looks like a formula is quoted with '. */
  static String csv(JsonObject report) {
    boolean method = "method".equals(report.getString("by"));
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(method ? List.of("key", "documents", "taken", "refunded", "total")
          : List.of("key", "label", "documents", "net", "vat", "total"));
      for (Object o : report.getJsonArray("items")) {
        JsonObject i = (JsonObject) o;
        if (method) {
          printer.printRecord(i.getString("key"), i.getLong("documents"), i.getString("taken"), i.getString("refunded"),
              i.getString("total"));
        } else {
          printer.printRecord(i.getString("key"), safe(i.getString("label")), i.getLong("documents"), i.getString("net"),
              i.getString("vat"), i.getString("total"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String safe(String text) {
    return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
