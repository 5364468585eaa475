package io.moeen.billing.online;

import io.moeen.billing.invoices.Money;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.Map;

/** The one JSON representation of a checkout, with where it left the invoice and, when it ended unpaid, why. */
final class CheckoutView {
  private CheckoutView() {
  }

  static JsonObject of(Row row, Messages messages, SupportedLocale lang) {
    JsonObject view = new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("invoiceId", row.getUUID("invoice_id").toString())
        .put("invoiceNumber", row.getString("invoice_number"))
        .put("amount", Money.text(row.getBigDecimal("amount")))
        .put("currency", row.getString("currency"))
        .put("status", row.getString("status"))
        .put("statusLabel", messages.format(lang, "billing.checkout.status." + row.getString("status"), Map.of()))
        .put("paymentUrl", row.getString("payment_url"))
        .put("method", row.getString("method"))
        .put("gatewayPaymentId", row.getString("gateway_payment_id"))
        .put("paymentId", row.getUUID("payment_id") == null ? null : row.getUUID("payment_id").toString())
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("completedAt", row.getOffsetDateTime("completed_at") == null ? null
            : row.getOffsetDateTime("completed_at").toString())
        .put("invoiceStatus", row.getString("invoice_status"))
        .put("balanceDue", Money.text(row.getBigDecimal("balance")));
    String code = row.getString("failure_code");
    if (code != null) {
      view.put("failure", new JsonObject().put("code", code)
          .put("reason", messages.format(lang, "billing.checkout.failure." + known(code), Map.of()))
          .put("gatewayMessage", row.getString("failure_message")));
    } else {
      view.putNull("failure");
    }
    return view;
  }

  /** The failure codes with a text of their own; the gateway's other codes read as a decline. */
  private static String known(String code) {
    return switch (code) {
      case "failed", "cancelled", "gateway_unavailable", "invoice_not_payable", "exceeds_due", "expired" -> code;
      default -> "failed";
    };
  }
}
