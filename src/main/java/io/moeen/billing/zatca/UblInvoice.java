package io.moeen.billing.zatca;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invoice (or note) as ZATCA's UBL 2.1 XML. Written without whitespace between elements, so that taking the
 * signature, the UBL extensions and the QR out again (as the hash rule does) leaves exactly the document that was
 * hashed. Types: 388 invoice, 381 credit note, 383 debit note; the name flags 0200000 simplified (B2C: no buyer
 * VAT number) or 0100000 standard. Amounts from the invoice's one JSON representation (decimal strings).
 */
public final class UblInvoice {
  static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
  static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
  static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
  private static final Map<String, String> TYPES = Map.of("invoice", "388", "credit_note", "381", "debit_note", "383");

  /** The seller as ZATCA knows it. */
  public record Seller(String name, String vatNumber, String commercialRegistration, String street,
                       String buildingNumber, String district, String city, String postalCode) {
  }

  private UblInvoice() {
  }

  public static boolean simplified(JsonObject invoice) {
    return invoice.getJsonObject("buyer", new JsonObject()).getString("vatNumber") == null;
  }

  /**
   * The document; {@code extensions} and {@code qr} empty for the unsigned form that is hashed. {@code uuid} is
   * the invoice's id, {@code icv} the device's counter, {@code pih} the previous invoice's hash (base64).
   */
  public static String xml(JsonObject invoice, Seller seller, long icv, String pih, String extensions, String qr) {
    Instant issued = java.time.OffsetDateTime.parse(invoice.getString("issuedAt")).toInstant();
    String kind = invoice.getString("kind");
    JsonObject buyer = invoice.getJsonObject("buyer", new JsonObject());
    JsonObject totals = invoice.getJsonObject("totals");
    StringBuilder x = new StringBuilder(4_096);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice xmlns=\"").append(INVOICE_NS)
        .append("\" xmlns:cac=\"").append(CAC).append("\" xmlns:cbc=\"").append(CBC).append("\" xmlns:ext=\"")
        .append(EXT).append("\">");
    x.append(extensions);
    el(x, "cbc:ProfileID", "reporting:1.0");
    el(x, "cbc:ID", invoice.getString("number"));
    el(x, "cbc:UUID", invoice.getString("id"));
    el(x, "cbc:IssueDate", DateTimeFormatter.ISO_LOCAL_DATE.format(issued.atOffset(ZoneOffset.UTC)));
    el(x, "cbc:IssueTime", DateTimeFormatter.ofPattern("HH:mm:ss").format(issued.atOffset(ZoneOffset.UTC)));
    x.append("<cbc:InvoiceTypeCode name=\"").append(simplified(invoice) ? "0200000" : "0100000").append("\">")
        .append(TYPES.get(kind)).append("</cbc:InvoiceTypeCode>");
    el(x, "cbc:DocumentCurrencyCode", "SAR");
    el(x, "cbc:TaxCurrencyCode", "SAR");
    if (invoice.getString("originalNumber") != null) {
      x.append("<cac:BillingReference><cac:InvoiceDocumentReference>");
      el(x, "cbc:ID", invoice.getString("originalNumber"));
      x.append("</cac:InvoiceDocumentReference></cac:BillingReference>");
    }
    x.append("<cac:AdditionalDocumentReference><cbc:ID>ICV</cbc:ID>");
    el(x, "cbc:UUID", Long.toString(icv));
    x.append("</cac:AdditionalDocumentReference>");
    x.append("<cac:AdditionalDocumentReference><cbc:ID>PIH</cbc:ID><cac:Attachment>"
        + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">").append(esc(pih))
        .append("</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>");
    if (!qr.isEmpty()) {
      x.append("<cac:AdditionalDocumentReference><cbc:ID>QR</cbc:ID><cac:Attachment>"
          + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">").append(esc(qr))
          .append("</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>");
      x.append("<cac:Signature><cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>"
          + "<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod>"
          + "</cac:Signature>");
    }
    x.append("<cac:AccountingSupplierParty><cac:Party>");
    if (seller.commercialRegistration() != null) {
      x.append("<cac:PartyIdentification><cbc:ID schemeID=\"CRN\">").append(esc(seller.commercialRegistration()))
          .append("</cbc:ID></cac:PartyIdentification>");
    }
    x.append("<cac:PostalAddress>");
    el(x, "cbc:StreetName", seller.street());
    el(x, "cbc:BuildingNumber", seller.buildingNumber());
    el(x, "cbc:CitySubdivisionName", seller.district());
    el(x, "cbc:CityName", seller.city());
    el(x, "cbc:PostalZone", seller.postalCode());
    x.append("<cac:Country><cbc:IdentificationCode>SA</cbc:IdentificationCode></cac:Country></cac:PostalAddress>");
    x.append("<cac:PartyTaxScheme>");
    el(x, "cbc:CompanyID", seller.vatNumber());
    x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>");
    el(x, "cbc:RegistrationName", seller.name());
    x.append("</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>");
    x.append("<cac:AccountingCustomerParty><cac:Party>");
    if (buyer.getString("nationalId") != null) {
      // a Saudi national id (NAT) for citizens, an iqama (IQA) for residents
      x.append("<cac:PartyIdentification><cbc:ID schemeID=\"")
          .append(buyer.getString("nationalId").startsWith("1") ? "NAT" : "IQA").append("\">")
          .append(esc(buyer.getString("nationalId"))).append("</cbc:ID></cac:PartyIdentification>");
    }
    if (buyer.getString("vatNumber") != null) {
      x.append("<cac:PartyTaxScheme>");
      el(x, "cbc:CompanyID", buyer.getString("vatNumber"));
      x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
    }
    x.append("<cac:PartyLegalEntity>");
    el(x, "cbc:RegistrationName", buyer.getString("name"));
    x.append("</cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>");
    if (invoice.getString("noteReason") != null) {
      x.append("<cac:PaymentMeans><cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>");
      el(x, "cbc:InstructionNote", invoice.getString("noteReason"));
      x.append("</cac:PaymentMeans>");
    }
    x.append("<cac:TaxTotal>").append(amount("cbc:TaxAmount", totals.getString("vat"))).append("</cac:TaxTotal>");
    x.append("<cac:TaxTotal>").append(amount("cbc:TaxAmount", totals.getString("vat")));
    for (Map.Entry<String, BigDecimal[]> sub : subtotals(invoice).entrySet()) {
      String[] key = sub.getKey().split("\\|", -1);
      x.append("<cac:TaxSubtotal>").append(amount("cbc:TaxableAmount", sub.getValue()[0].toPlainString()))
          .append(amount("cbc:TaxAmount", sub.getValue()[1].toPlainString()));
      category(x, "cac:TaxCategory", key[0], key[1], key[2].isEmpty() ? null : key[2]);
      x.append("</cac:TaxSubtotal>");
    }
    x.append("</cac:TaxTotal>");
    x.append("<cac:LegalMonetaryTotal>").append(amount("cbc:LineExtensionAmount", totals.getString("net")))
        .append(amount("cbc:TaxExclusiveAmount", totals.getString("net")))
        .append(amount("cbc:TaxInclusiveAmount", totals.getString("total")))
        .append(amount("cbc:AllowanceTotalAmount", "0.00"))
        .append(amount("cbc:PayableAmount", totals.getString("total"))).append("</cac:LegalMonetaryTotal>");
    for (Object o : invoice.getJsonArray("lines")) {
      JsonObject l = (JsonObject) o;
      x.append("<cac:InvoiceLine>");
      el(x, "cbc:ID", String.valueOf(l.getInteger("lineNo")));
      x.append("<cbc:InvoicedQuantity unitCode=\"PCE\">").append(esc(l.getString("quantity")))
          .append("</cbc:InvoicedQuantity>").append(amount("cbc:LineExtensionAmount", l.getString("netAmount")));
      if (new BigDecimal(l.getString("discount")).signum() > 0) {
        x.append("<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>"
            + "<cbc:AllowanceChargeReason>discount</cbc:AllowanceChargeReason>")
            .append(amount("cbc:Amount", l.getString("discount"))).append("</cac:AllowanceCharge>");
      }
      x.append("<cac:TaxTotal>").append(amount("cbc:TaxAmount", l.getString("vatAmount")))
          .append(amount("cbc:RoundingAmount", l.getString("totalAmount"))).append("</cac:TaxTotal><cac:Item>");
      el(x, "cbc:Name", l.getString("descriptionAr") != null ? l.getString("descriptionAr") : l.getString("description"));
      category(x, "cac:ClassifiedTaxCategory", l.getString("vatCategory"), l.getString("vatRate"), null);
      x.append("</cac:Item><cac:Price>").append(amount("cbc:PriceAmount", l.getString("unitPrice")))
          .append("</cac:Price></cac:InvoiceLine>");
    }
    x.append("</Invoice>");
    return x.toString();
  }

  /** Taxable amount and VAT per category, rate and exemption, in a stable order. */
  private static Map<String, BigDecimal[]> subtotals(JsonObject invoice) {
    Map<String, BigDecimal[]> out = new TreeMap<>();
    for (Object o : invoice.getJsonArray("lines")) {
      JsonObject l = (JsonObject) o;
      String key = l.getString("vatCategory") + "|" + l.getString("vatRate") + "|"
          + (l.getString("exemptionCode") == null ? "" : l.getString("exemptionCode"));
      BigDecimal[] sums = out.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
      sums[0] = sums[0].add(new BigDecimal(l.getString("netAmount")));
      sums[1] = sums[1].add(new BigDecimal(l.getString("vatAmount")));
    }
    return out;
  }

  private static void category(StringBuilder x, String tag, String id, String rate, String exemption) {
    x.append('<').append(tag).append("><cbc:ID>").append(esc(id)).append("</cbc:ID><cbc:Percent>")
        .append(new BigDecimal(rate).setScale(2).toPlainString()).append("</cbc:Percent>");
    if (exemption != null) {
      el(x, "cbc:TaxExemptionReasonCode", exemption);
      el(x, "cbc:TaxExemptionReason", "Private healthcare to citizen");
    }
    x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></").append(tag).append('>');
  }

  private static String amount(String tag, String value) {
    return "<" + tag + " currencyID=\"SAR\">" + esc(value) + "</" + tag + ">";
  }

  private static void el(StringBuilder x, String tag, String value) {
    if (value != null) {
      x.append('<').append(tag).append('>').append(esc(value)).append("</").append(tag).append('>');
    }
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
