package io.moeen.billing.invoices;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.PersonNames;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The one JSON representation of an invoice (or note), its lines and its notes; money as decimal strings. */
public final class InvoiceView {
  private InvoiceView() {
  }

  static JsonObject of(Row i, RowSet<Row> lines, RowSet<Row> notes, SupportedLocale lang, Messages messages) {
    boolean ar = lang == SupportedLocale.AR;
    JsonArray items = new JsonArray();
    String exemption = null;
    for (Row l : lines) {
      if (l.getString("exemption_code") != null) {
        exemption = l.getString("exemption_code");
      }
      items.add(new JsonObject()
          .put("lineNo", l.getInteger("line_no"))
          .put("sourceKind", l.getString("source_kind"))
          .put("sourceRef", l.getString("source_ref"))
          .put("serviceId", id(l.getUUID("service_id")))
          .put("description", ar ? l.getString("description_ar") : l.getString("description_en"))
          .put("descriptionAr", l.getString("description_ar"))
          .put("descriptionEn", l.getString("description_en"))
          .put("quantity", l.getBigDecimal("quantity").stripTrailingZeros().toPlainString())
          .put("unitPrice", money(l, "unit_price"))
          .put("discount", money(l, "discount"))
          .put("netAmount", money(l, "net"))
          .put("vatCategory", l.getString("vat_category"))
          .put("vatRate", l.getBigDecimal("vat_rate").stripTrailingZeros().toPlainString())
          .put("vatAmount", money(l, "vat"))
          .put("totalAmount", money(l, "total"))
          .put("exemptionCode", l.getString("exemption_code")));
    }
    JsonArray corrections = new JsonArray();
    for (Row n : notes) {
      corrections.add(new JsonObject().put("id", n.getUUID("id").toString()).put("kind", n.getString("kind"))
          .put("number", n.getString("number")).put("issuedAt", time(n.getOffsetDateTime("issued_at")))
          .put("reason", n.getString("note_reason")).put("total", money(n, "total")));
    }
    JsonObject buyer = new JsonObject()
        .put("name", i.getString("buyer_name") != null ? i.getString("buyer_name") : ar
            ? PersonNames.full(i.getString("first_name_ar"), i.getString("last_name_ar"))
            : PersonNames.full(i.getString("first_name_en"), i.getString("last_name_en")))
        .put("nationalId", i.getString("buyer_national_id"))
        .put("vatNumber", i.getString("buyer_vat_number"));
    return new JsonObject()
        .put("id", i.getUUID("id").toString())
        .put("kind", i.getString("kind"))
        .put("number", i.getString("number"))
        .put("status", i.getString("status"))
        .put("originalInvoiceId", id(i.getUUID("original_invoice_id")))
        .put("originalNumber", i.getString("original_number"))
        .put("noteReason", i.getString("note_reason"))
        .put("patientId", i.getUUID("patient_id").toString())
        .put("medicalRecordNumber", i.getString("medical_record_number"))
        .put("appointmentId", id(i.getUUID("appointment_id")))
        .put("locationId", i.getUUID("location_id").toString())
        .put("locationName", ar ? i.getString("location_ar") : i.getString("location_en"))
        .put("buyer", buyer)
        .put("vatExemption", exemption == null ? null : new JsonObject().put("code", exemption)
            .put("reason", messages.format(lang, "billing.vat_exemption." + exemption, Map.of())))
        .put("currency", i.getString("currency"))
        .put("lines", items)
        .put("totals", new JsonObject()
            .put("gross", money(i, "gross")).put("discount", money(i, "discount")).put("net", money(i, "net"))
            .put("vat", money(i, "vat")).put("total", money(i, "total")))
        .put("paid", money(i, "paid"))
        .put("refunded", money(i, "refunded"))
        .put("balanceDue", money(i, "balance"))
        .put("notes", corrections)
        .put("qr", i.getString("qr"))
        .put("issuedAt", time(i.getOffsetDateTime("issued_at")))
        .put("cancelledAt", time(i.getOffsetDateTime("cancelled_at")))
        .put("note", i.getString("notes"))
        .put("version", i.getInteger("version"))
        .put("createdAt", time(i.getOffsetDateTime("created_at")))
        .put("updatedAt", time(i.getOffsetDateTime("updated_at")));
  }

  /** A line of a list: no lines, the totals that matter at the desk. */
  static JsonObject summary(Row i, SupportedLocale lang) {
    boolean ar = lang == SupportedLocale.AR;
    return new JsonObject()
        .put("id", i.getUUID("id").toString())
        .put("kind", i.getString("kind"))
        .put("number", i.getString("number"))
        .put("status", i.getString("status"))
        .put("patientId", i.getUUID("patient_id").toString())
        .put("patientName", ar ? PersonNames.full(i.getString("first_name_ar"), i.getString("last_name_ar"))
            : PersonNames.full(i.getString("first_name_en"), i.getString("last_name_en")))
        .put("appointmentId", id(i.getUUID("appointment_id")))
        .put("locationId", i.getUUID("location_id").toString())
        .put("total", money(i, "total"))
        .put("vat", money(i, "vat"))
        .put("balanceDue", money(i, "balance"))
        .put("issuedAt", time(i.getOffsetDateTime("issued_at")))
        .put("createdAt", time(i.getOffsetDateTime("created_at")));
  }

  static String money(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? null : Money.text(value);
  }

  private static String id(UUID id) {
    return id == null ? null : id.toString();
  }

  private static String time(OffsetDateTime at) {
    return at == null ? null : at.toString();
  }
}
