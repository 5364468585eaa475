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
    fact(out, lang, "documents.label.patient", values.get("patient.name"));
    fact(out, lang, "documents.label.mrn", values.get("patient.mrn"));
    fact(out, lang, "documents.label.age", values.get("patient.age"));
    fact(out, lang, "documents.label.date", values.get("date.gregorian") + " — " + values.get("date.hijri"));
    fact(out, lang, "documents.label.doctor", values.get("doctor.name") + " — " + values.get("doctor.specialty"));
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
          .append(cell(values.ltr(line.getString("drug"))))
          .append(cell(values.ltr(line.getString("dose"))))
          .append(cell(messages.format(lang, "documents.route." + line.getString("route"))))
          .append(cell(values.ltr(line.getString("frequency"))))
          .append(cell(days == null ? DocumentValues.MISSING : messages.format(lang, "documents.days", java.util.Map.of("days", days))))
          .append(cell(quantity == null ? DocumentValues.MISSING : String.valueOf(quantity)))
          .append(cell(values.ltr(line.getString("instructions"))))
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

  private void fact(StringBuilder out, SupportedLocale lang, String key, String value) {
    out.append("<tr><th>").append(escape(messages.format(lang, key))).append("</th><td>").append(escape(value)).append("</td></tr>");
  }

  private static String cell(String text) {
    return "<td>" + escape(text == null ? DocumentValues.MISSING : text) + "</td>";
  }

  private static String header(DocumentValues values) {
    return "<div class=\"head\"><div class=\"clinic\">" + escape(values.get("clinic.name")) + "</div><div class=\"small\">"
        + escape(values.get("clinic.address")) + " · " + escape(values.get("clinic.phone")) + "</div></div>";
  }

  private String signature(DocumentValues values) {
    SupportedLocale lang = values.ar() ? SupportedLocale.AR : SupportedLocale.EN;
    return "<div class=\"sign\">" + escape(messages.format(lang, "documents.label.signature")) + ": "
        + escape(values.get("doctor.name")) + "<br/><span class=\"small\">" + escape(values.get("doctor.specialty"))
        + " · " + escape(messages.format(lang, "documents.label.license")) + " " + escape(values.get("doctor.license"))
        + "</span></div>";
  }
}
