package io.moeen.documents;

import io.moeen.common.pdf.PdfRendering;

/** The small pieces of XHTML the documents are made of (openhtmltopdf reads XHTML, not HTML). */
final class Xhtml {
  private Xhtml() {
  }

  static String escape(String text) {
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

  /** A whole page: A4, the Arabic font, right to left in Arabic. */
  static String page(boolean ar, String title, String body) {
    String start = ar ? "right" : "left";
    String css = "@page{size:A4;margin:16mm}"
        + "body{font-family:'" + PdfRendering.FONT_FAMILY + "',sans-serif;font-size:11pt;color:#111}"
        + "table{border-collapse:collapse;width:100%}"
        + ".clinic{font-size:16pt;font-weight:bold;color:#0a6e5c}.small{font-size:9pt;color:#555}"
        + "div.head{border-bottom:2px solid #0a6e5c;padding-bottom:6px;margin-bottom:10px;text-align:" + start + "}"
        + "h1{font-size:16pt;text-align:center;margin:12px 0}"
        + "p{text-align:" + start + ";line-height:1.6;margin:6px 0}"
        + "table.facts th{text-align:" + start + ";width:30%;padding:2px 6px}table.facts td{text-align:" + start + ";padding:2px 6px}"
        + "table.lines{margin-top:12px}table.lines th{background:#0a6e5c;color:#fff;padding:4px;font-size:9pt}"
        + "table.lines td{border-bottom:1px solid #ccc;padding:4px;text-align:" + start + ";font-size:10pt}"
        + "div.sign{margin-top:30px;text-align:" + start + "}";
    return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + (ar ? "ar" : "en") + "\" dir=\""
        + (ar ? "rtl" : "ltr") + "\"><head><meta charset=\"utf-8\"/><title>" + escape(title) + "</title><style>" + css
        + "</style></head><body dir=\"" + (ar ? "rtl" : "ltr") + "\">" + body + "</body></html>";
  }

  /** Text with blank lines between paragraphs and single line breaks inside them, already escaped. */
  static String paragraphs(String escaped) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : escaped.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!paragraph.isBlank()) {
        out.append("<p>").append(paragraph.strip().replace("\n", "<br/>")).append("</p>");
      }
    }
    return out.toString();
  }
}
