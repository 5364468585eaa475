package io.moeen.billing.invoices;

import io.moeen.billing.zatca.QrCode;
import io.moeen.common.i18n.PersonNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.moeen.billing.invoices.InvoiceStore.first;
import static io.moeen.billing.invoices.InvoiceStore.run;

/**
 * Issuing a draft, in the caller's transaction: the VAT rule applied once more, the next gapless number of the
 * branch, kind and year (the clinic's year, in the branch's zone), the buyer as printed, the ZATCA QR.
 * Nothing of it is visible to anyone until the transaction commits; a rollback gives the number back.
 */
final class Issuing {
  private static final Map<String, String> KIND_CODES = Map.of("invoice", "INV", "credit_note", "CRN", "debit_note", "DBN");

  private Issuing() {
  }

  /** The issued invoice's event body. */
  static Future<JsonObject> issue(SqlConnection conn, InvoiceStore.Locked draft, UUID by, Instant clock) {
    Instant now = clock.truncatedTo(ChronoUnit.SECONDS);
    Future<?> repriced = run(conn, "reprice", Tuple.of(draft.id(), draft.patientId()));
    return repriced
        .compose(done -> Future.all(run(conn, "totals", Tuple.of(draft.id())),
            run(conn, "seller", Tuple.of(draft.locationId())), run(conn, "buyer", Tuple.of(draft.patientId()))))
        .compose(all -> {
          Row totals = all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0).iterator().next();
          if (totals.getLong("lines") == 0) {
            return Future.failedFuture(InvoiceFailures.empty());
          }
          Row seller = first(all.resultAt(1)).orElseThrow(InvoiceFailures::sellerMissing);
          Row buyer = all.<io.vertx.sqlclient.RowSet<Row>>resultAt(2).iterator().next();
          int year = now.atZone(draft.zone()).getYear();
          return run(conn, "next_number", Tuple.of(draft.locationId(), draft.kind(), year)).compose(counted -> {
            int seq = counted.iterator().next().getInteger("last_no");
            String number = "%s-%s-%d-%06d".formatted(seller.getString("invoice_prefix"), KIND_CODES.get(draft.kind()),
                year, seq);
            String total = Money.text(totals.getBigDecimal("total"));
            String vat = Money.text(totals.getBigDecimal("vat"));
            String qr = QrCode.phaseOne(seller.getString("name_ar"), seller.getString("vat_number"), now, total, vat);
            String name = PersonNames.full(buyer.getString("first_name_ar"), buyer.getString("last_name_ar"));
            if (name == null) {
              name = PersonNames.full(buyer.getString("first_name_en"), buyer.getString("last_name_en"));
            }
            Tuple args = Tuple.of(draft.id(), number, year, seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), by,
                name, buyer.getString("national_id")).addValue(qr);
            return run(conn, "mark_issued", args).map(updated -> new JsonObject()
                .put("invoiceId", draft.id().toString()).put("kind", draft.kind()).put("number", number)
                .put("patientId", draft.patientId().toString()).put("locationId", draft.locationId().toString())
                .put("total", total).put("vat", vat).put("issuedAt", now.toString()));
          });
        });
  }
}
