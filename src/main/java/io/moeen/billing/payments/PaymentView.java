package io.moeen.billing.payments;

import io.moeen.billing.invoices.Money;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** The one JSON representation of a payment or refund, with where it left the invoice. */
final class PaymentView {
  private PaymentView() {
  }

  static JsonObject of(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("invoiceId", row.getUUID("invoice_id").toString())
        .put("invoiceNumber", row.getString("invoice_number"))
        .put("kind", row.getString("kind"))
        .put("method", row.getString("method"))
        .put("amount", Money.text(row.getBigDecimal("amount")))
        .put("reference", row.getString("reference"))
        .put("reason", row.getString("reason"))
        .put("receivedBy", row.getUUID("received_by").toString())
        .put("receivedAt", row.getOffsetDateTime("received_at").toString())
        .put("invoiceStatus", row.getString("invoice_status"))
        .put("balanceDue", Money.text(row.getBigDecimal("balance")));
  }
}
