package io.moeen.billing.documents;

import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.pdf.PdfRendering;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.FormatLength;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * The invoice (or note) as one XHTML document, for the browser and for the PDF alike: the clinic's header
 * with its VAT number, the title ZATCA asks (tax invoice, simplified tax invoice, credit or debit note),
 * Gregorian and Hijri (Umm al-Qura) dates in the branch's zone, the buyer, the lines, the totals, the
 * zero-rate explanation and the QR image. Built from the invoice's one JSON representation. Pure: no I/O.
 */
public final class InvoiceDocument {
  private final Messages messages;

  public InvoiceDocument(Messages messages) {
    this.messages = messages;
  }

  /** For the browser: its table layout follows {@code dir="rtl"} by itself. */
  public String xhtml(JsonObject invoice, Seller seller, SupportedLocale lang) {
    return new Writer(lang, false).document(invoice, seller);
  }

  /**
   * For the PDF renderer, which shapes and orders text right to left but lays table columns out left to right
   * whatever the direction: in Arabic the cells are written in mirrored order, each one right to left.
   */
  public String xhtmlForPdf(JsonObject invoice, Seller seller, SupportedLocale lang) {
    return new Writer(lang, lang == SupportedLocale.AR).document(invoice, seller);
  }

  private final class Writer {
    private final SupportedLocale lang;
    private final boolean ar;
    private final boolean mirror;
    private final StringBuilder h = new StringBuilder(8_192);

    Writer(SupportedLocale lang, boolean mirror) {
      this.lang = lang;
      this.ar = lang == SupportedLocale.AR;
      this.mirror = mirror;
    }

    String document(JsonObject invoice, Seller seller) {
      h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang.tag())
          .append("\" dir=\"").append(ar ? "rtl" : "ltr").append("\"><head><meta charset=\"utf-8\"/><title>")
          .append(esc(title(invoice, lang))).append(' ').append(esc(or(invoice.getString("number"), "")))
          .append("</title><style>").append(css(ar)).append("</style></head><body>");

      StringBuilder sellerCell = new StringBuilder("<div class=\"name\">")
          .append(esc(ar ? seller.nameAr() : seller.nameEn())).append("</div><div>")
          .append(esc(ar ? seller.nameEn() : seller.nameAr())).append("</div><div dir=\"rtl\" class=\"arabic\">")
          .append(esc(seller.address()))
          .append("</div>");
      line(sellerCell, t("vat_number"), seller.vatNumber());
      line(sellerCell, t("cr"), seller.commercialRegistration());
      StringBuilder qrCell = new StringBuilder();
      String qr = invoice.getString("qr");
      if (qr != null) {
        qrCell.append("<img src=\"").append(QrImage.dataUri(qr)).append("\" width=\"160\" height=\"160\" alt=\"")
            .append(esc(t("qr_note"))).append("\"/><div class=\"small\">").append(esc(t("qr_note"))).append("</div>");
      }
      h.append("<table class=\"head\">");
      tr(null, new String[] {"td", "seller", sellerCell.toString()}, new String[] {"td", "qr", qrCell.toString()});
      h.append("</table>");

      h.append("<h1>").append(esc(title(invoice, lang))).append("</h1>");
      if ("draft".equals(invoice.getString("status"))) {
        h.append("<p class=\"draft\">").append(esc(t("draft"))).append("</p>");
      }
      h.append("<table class=\"facts\">");
      fact(t("number"), invoice.getString("number"));
      String issued = invoice.getString("issuedAt");
      if (issued != null) {
        Instant at = java.time.OffsetDateTime.parse(issued).toInstant();
        fact(t("issued"), DateTimeText.format(at, seller.zone(), lang, CalendarSystem.GREGORIAN,
            DigitStyle.LATIN, FormatLength.DATE_TIME));
        fact(t("hijri"), DateTimeText.format(at, seller.zone(), lang, CalendarSystem.HIJRI,
            DigitStyle.LATIN, FormatLength.DATE));
      }
      if (invoice.getString("originalNumber") != null) {
        fact(t("original"), invoice.getString("originalNumber"));
        fact(t("reason"), invoice.getString("noteReason"));
      }
      JsonObject buyer = invoice.getJsonObject("buyer", new JsonObject());
      fact(t("buyer"), buyer.getString("name"));
      fact(t("national_id"), buyer.getString("nationalId"));
      fact(t("buyer_vat_number"), buyer.getString("vatNumber"));
      fact(t("mrn"), invoice.getString("medicalRecordNumber"));
      fact(t("branch"), invoice.getString("locationName"));
      h.append("</table>");

      h.append("<table class=\"lines\"><thead>");
      String[] columns = {"no", "description", "quantity", "unit_price", "discount", "net", "vat_rate", "vat", "total"};
      String[][] head = new String[columns.length][];
      for (int i = 0; i < columns.length; i++) {
        head[i] = new String[] {"th", null, esc(t("line." + columns[i]))};
      }
      tr(null, head);
      h.append("</thead><tbody>");
      for (Object o : invoice.getJsonArray("lines")) {
        JsonObject l = (JsonObject) o;
        tr(null, num(String.valueOf(l.getInteger("lineNo"))), new String[] {"td", "text", esc(l.getString("description"))},
            num(l.getString("quantity")), num(l.getString("unitPrice")), num(l.getString("discount")),
            num(l.getString("netAmount")), num(l.getString("vatRate") + "% (" + l.getString("vatCategory") + ")"),
            num(l.getString("vatAmount")), num(l.getString("totalAmount")));
      }
      h.append("</tbody></table>");

      JsonObject totals = invoice.getJsonObject("totals");
      h.append("<table class=\"totals\">");
      fact(t("totals.discount"), money(totals.getString("discount")));
      fact(t("totals.net"), money(totals.getString("net")));
      fact(t("totals.vat"), money(totals.getString("vat")));
      tr("grand", new String[] {"th", null, esc(t("totals.total"))}, new String[] {"td", null, esc(money(totals.getString("total")))});
      if ("invoice".equals(invoice.getString("kind")) && invoice.getString("number") != null) {
        fact(t("paid"), money(invoice.getString("paid")));
        fact(t("balance"), money(invoice.getString("balanceDue")));
      }
      h.append("</table>");
      JsonObject exemption = invoice.getJsonObject("vatExemption");
      if (exemption != null) {
        h.append("<p class=\"exemption\">").append(esc(exemption.getString("reason"))).append("</p>");
      }
      h.append("</body></html>");
      return h.toString();
    }

    private String money(String amount) {
      return amount + " " + t("currency");
    }

    private String t(String key) {
      return messages.format(lang, "billing.document." + key);
    }

    private void fact(String label, String value) {
      if (value != null) {
        tr(null, new String[] {"th", null, esc(label)}, new String[] {"td", null, esc(value)});
      }
    }

    /** One row; each cell {tag, class or null, inner XHTML}. Mirrored for the PDF in Arabic. */
    private void tr(String cls, String[]... cells) {
      h.append(cls == null ? "<tr>" : "<tr class=\"" + cls + "\">");
      for (int i = 0; i < cells.length; i++) {
        String[] c = cells[mirror ? cells.length - 1 - i : i];
        h.append('<').append(c[0]);
        if (c[1] != null) {
          h.append(" class=\"").append(c[1]).append('"');
        }
        if (mirror) {
          h.append(" dir=\"rtl\"");
        }
        h.append('>').append(c[2]).append("</").append(c[0]).append('>');
      }
      h.append("</tr>");
    }

    private String[] num(String text) {
      return new String[] {"td", "num", esc(text)};
    }

    private void line(StringBuilder out, String label, String value) {
      if (value != null) {
        out.append("<div>").append(esc(label)).append(": <span>").append(esc(value)).append("</span></div>");
      }
    }
  }

  String title(JsonObject invoice, SupportedLocale lang) {
    String kind = invoice.getString("kind");
    boolean standard = invoice.getJsonObject("buyer", new JsonObject()).getString("vatNumber") != null;
    String key = !"invoice".equals(kind) ? "title." + kind : standard ? "title.standard" : "title.simplified";
    return messages.format(lang, "billing.document." + key);
  }

  private static String or(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  /** XML text: the page is XHTML, and nothing a patient typed may become markup. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static String css(boolean ar) {
    String start = ar ? "right" : "left";
    String end = ar ? "left" : "right";
    return "@page{size:A4;margin:14mm}"
        + "body{font-family:'" + PdfRendering.FONT_FAMILY + "',sans-serif;font-size:10pt;color:#111}"
        + "table{border-collapse:collapse;width:100%}"
        + "table.head td{vertical-align:top}td.qr{text-align:" + end + ";width:150px}"
        + "div.arabic{text-align:" + start + "}"
        + ".name{font-size:15pt;font-weight:bold}.small{font-size:8pt;color:#555}"
        + "h1{font-size:16pt;text-align:center;margin:10px 0;border-top:2px solid #0a6e5c;padding-top:6px}"
        + ".draft{color:#b00020;text-align:center;font-weight:bold}"
        + "table.facts th,table.totals th{text-align:" + start + ";font-weight:bold;padding:2px 6px;width:40%}"
        + "table.facts td,table.totals td{text-align:" + start + ";padding:2px 6px}"
        + "table.lines{margin-top:10px}table.lines th{background:#0a6e5c;color:#fff;padding:4px;font-size:9pt}"
        + "table.lines td{border-bottom:1px solid #ccc;padding:4px;text-align:center}"
        + "table.lines td.text{text-align:" + start + "}"
        + "table.totals{margin-top:10px;width:60%}tr.grand th,tr.grand td{font-size:12pt;border-top:2px solid #111}"
        + ".exemption{margin-top:10px;padding:6px;border:1px solid #0a6e5c}";
  }
}
