package io.moeen.documents;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import static io.moeen.documents.Xhtml.escape;

/**
 * The XHTML of a document: the clinic's header (name, address, phone), the title, then either a template's
 * body with its placeholders filled, or a prescription's facts and drug lines followed by the prescription
 * layout's text; the doctor's signature block at the foot. Right to left in Arabic.
 */
final class DocumentPages {
  private final Messages messages;

  DocumentPages(Messages messages) {
    this.messages = messages;
  }

  /** A template version's body filled for the patient. */
  String fromTemplate(String title, String body, DocumentValues values) {
    String filled = filledBody(body, values);
    return Xhtml.page(values.ar(), title, header(values) + "<h1>" + escape(title) + "</h1>" + filled + signature(values));
  }

  /** The prescription: who, when, the drug lines, then the layout's text (may be empty). */
  String prescription(String title, String layoutBody, JsonArray lines, DocumentValues values) {
    SupportedLocale lang = values.ar() ? SupportedLocale.AR : SupportedLocale.EN;
    StringBuilder out = new StringBuilder(header(values)).append("<h1>").append(escape(title)).append("</h1>");
    out.append("<table class=\"facts\">");
    fact(out, lang, "documents.label.patient", values.get("patient.name"), values);
    fact(out, lang, "documents.label.mrn", values.get("patient.mrn"), values);
    fact(out, lang, "documents.label.age", values.get("patient.age"), values);
    fact(out, lang, "documents.label.date", values.get("date.gregorian") + " — " + values.get("date.hijri"), values);
    fact(out, lang, "documents.label.doctor", values.get("doctor.name") + " — " + values.get("doctor.specialty"), values);
    out.append("</table><table class=\"lines\"><tr>");
    for (String column : new String[] {"drug", "dose", "route", "frequency", "duration", "quantity", "instructions"}) {
      out.append("<th>").append(escape(messages.format(lang, "documents.label." + column))).append("</th>");
    }
    out.append("</tr>");
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      Integer days = line.getInteger("durationDays");
      Integer quantity = line.getInteger("quantity");
      out.append("<tr>")
          .append(cell(values, line.getString("drug")))
          .append(cell(values, line.getString("dose")))
          .append(cell(values, messages.format(lang, "documents.route." + line.getString("route"))))
          .append(cell(values, line.getString("frequency")))
          .append(cell(values, days == null ? DocumentValues.MISSING : messages.format(lang, "documents.days", java.util.Map.of("days", days))))
          .append(cell(values, quantity == null ? DocumentValues.MISSING : String.valueOf(quantity)))
          .append(cell(values, line.getString("instructions")))
          .append("</tr>");
    }
    out.append("</table>");
    if (layoutBody != null) {
      out.append(filledBody(layoutBody, values));
    }
    return Xhtml.page(values.ar(), title, out.append(signature(values)).toString());
  }

  private static String filledBody(String body, DocumentValues values) {
    return Xhtml.paragraphs(Placeholders.fill(escape(body), name -> escape(values.get(name))));
  }

  private void fact(StringBuilder out, SupportedLocale lang, String key, String value, DocumentValues values) {
    out.append("<tr><th>").append(escape(messages.format(lang, key))).append("</th>").append(cell(values, value)).append("</tr>");
  }

  private static String cell(DocumentValues values, String text) {
    String value = text == null ? DocumentValues.MISSING : text;
    return (values.ltrInArabic(value) ? "<td" + LTR + ">" : "<td>") + escape(value) + "</td>";
  }

  /** A block set left to right, still against the right margin of an Arabic page. */
  private static final String LTR = " dir=\"ltr\" style=\"direction:ltr;text-align:right\"";

  private static String header(DocumentValues values) {
    String phone = values.get("clinic.phone");
    return "<div class=\"head\"><div class=\"clinic\">" + escape(values.get("clinic.name")) + "</div><div class=\"small\">"
        + escape(values.get("clinic.address")) + "</div><div class=\"small\"" + (values.ltrInArabic(phone) ? LTR : "") + ">"
        + escape(phone) + "</div></div>";
  }

  private String signature(DocumentValues values) {
    SupportedLocale lang = values.ar() ? SupportedLocale.AR : SupportedLocale.EN;
    return "<div class=\"sign\">" + escape(messages.format(lang, "documents.label.signature")) + ": "
        + escape(values.get("doctor.name")) + "<br/><span class=\"small\">" + escape(values.get("doctor.specialty"))
        + " · " + escape(messages.format(lang, "documents.label.license")) + " " + escape(values.get("doctor.license"))
        + "</span></div>";
  }
}
