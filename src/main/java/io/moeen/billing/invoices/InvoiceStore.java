package io.moeen.billing.invoices;

import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** The invoice statements ({@code invoices.sql}), run on the caller's transaction. */
public final class InvoiceStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/invoices.sql");

  /** An invoice locked for change. */
  public record Locked(UUID id, String kind, String status, String number, UUID patientId, UUID locationId,
                       ZoneId zone, BigDecimal balance) {
    public boolean issued() {
      return number != null;
    }
  }

  private final Messages messages;

  public InvoiceStore(Messages messages) {
    this.messages = messages;
  }

  Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple args) {
    return conn.preparedQuery(SQL.get(name)).execute(args);
  }

  static <T> Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /** The invoice, locked; 404 when it does not exist or the caller may not see it. */
  public static Future<Locked> lock(SqlConnection conn, UUID id) {
    return run(conn, "lock_invoice", Tuple.of(id)).compose(rows -> {
      Row r = first(rows).orElseThrow(() -> InvoiceFailures.notFound(id));
      return run(conn, "balance", Tuple.of(id)).map(owed -> new Locked(r.getUUID("id"), r.getString("kind"),
          r.getString("status"), r.getString("number"), r.getUUID("patient_id"), r.getUUID("location_id"),
          ZoneId.of(r.getString("time_zone")), owed.iterator().next().getBigDecimal("balance")));
    });
  }

  Future<Void> insert(SqlConnection conn, UUID id, String kind, UUID original, String reason, UUID patient,
                      UUID appointment, UUID location, String notes, UUID by) {
    return run(conn, "insert_invoice", Tuple.of(id, kind, original, reason, patient, appointment, location, notes)
        .addValue(by)).mapEmpty();
  }

  Future<Void> addLine(SqlConnection conn, UUID invoice, LineInput line) {
    Tuple args = Tuple.of(invoice, line.sourceKind(), line.sourceRef(), line.serviceId(), line.descriptionAr(),
        line.descriptionEn()).addValue(line.quantity()).addValue(line.unitPrice()).addValue(line.discount());
    return run(conn, "add_line", args).compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
        : Future.failedFuture(InvoiceFailures.unknownService()));
  }

  Future<Void> removeLine(SqlConnection conn, UUID invoice, int lineNo) {
    return run(conn, "remove_line", Tuple.of(invoice, lineNo))
        .compose(rows -> rows.size() == 1 ? run(conn, "renumber_lines", Tuple.of(invoice, lineNo)).<Void>mapEmpty()
            : Future.failedFuture(InvoiceFailures.lineNotFound(lineNo)));
  }

  Future<BigDecimal> total(SqlConnection conn, UUID invoice) {
    return run(conn, "totals", Tuple.of(invoice)).map(rows -> rows.iterator().next().getBigDecimal("total"));
  }

  public static Future<String> refreshStatus(SqlConnection conn, UUID invoice) {
    return run(conn, "refresh_status", Tuple.of(invoice)).map(rows -> rows.iterator().next().getString("status"));
  }

  /** The invoice as every operation answers it. */
  public Future<JsonObject> read(SqlConnection conn, UUID id, SupportedLocale lang) {
    Future<RowSet<Row>> invoice = run(conn, "invoice", Tuple.of(id));
    Future<RowSet<Row>> lines = run(conn, "lines", Tuple.of(id));
    Future<RowSet<Row>> notes = run(conn, "notes_of", Tuple.of(id));
    return Future.all(invoice, lines, notes).map(all -> first(invoice.result())
        .map(row -> InvoiceView.of(row, lines.result(), notes.result(), lang, messages))
        .orElseThrow(() -> InvoiceFailures.notFound(id)));
  }
}
