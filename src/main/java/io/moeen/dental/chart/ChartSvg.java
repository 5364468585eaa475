package io.moeen.dental.chart;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart as an SVG picture: both arches as the dentist faces the patient (the patient's right on the
 * viewer's left, upper arch on top), each tooth a five-surface square under its FDI number, coloured by
 * its state, caries and fillings on their surfaces; primary rows only when the chart has primary teeth.
 * Titles and the legend are in the reader's language and, in Arabic, set right to left; the arches
 * themselves are never mirrored (that would put teeth on the wrong side of the mouth).
 */
public final class ChartSvg {
  static final int TOOTH = 40;
  static final int GAP = 6;
  static final int LEFT = 40;
  static final int WIDTH = LEFT * 2 + 16 * TOOTH + 15 * GAP + 14;

  static final String SOUND = "#ffffff";
  static final String CARIES = "#d32f2f";
  static final String FILLING = "#1e6fd9";
  static final String CROWN = "#f2c94c";
  static final String IMPLANT = "#8e44ad";
  static final String PONTIC = "#f39c12";
  static final String ABSENT = "#cfd4da";
  static final String ROOT_CANAL = "#6d1b1b";

  private final Messages messages;

  public ChartSvg(Messages messages) {
    this.messages = messages;
  }

  public String render(JsonObject chart, SupportedLocale locale, String patientName, String dateText) {
    Map<Integer, JsonObject> teeth = new HashMap<>();
    for (Object o : chart.getJsonArray("teeth", new JsonArray())) {
      JsonObject tooth = (JsonObject) o;
      teeth.put(tooth.getInteger("tooth"), tooth);
    }
    boolean primaryRows = teeth.keySet().stream().anyMatch(Fdi::primary);
    boolean rtl = locale.isRightToLeft();
    int rowHeight = TOOTH + 34;
    int top = 70;
    int rows = primaryRows ? 4 : 2;
    int legendTop = top + rows * rowHeight + 30;
    int height = legendTop + 110;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" direction=\"")
        .append(rtl ? "rtl" : "ltr").append("\" xml:lang=\"").append(locale.tag())
        .append("\" font-family=\"'Noto Naskh Arabic','Noto Sans Arabic','DejaVu Sans',Tahoma,Arial,sans-serif\" role=\"img\">\n");
    // the title names the day in both calendars: the Gregorian date and, beside it, the Hijri (Umm al-Qura) one
    svg.append("<title>").append(escape(text(locale, "dental.svg.title") + " — " + dateText)).append("</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfcfe\"/>\n");
    int start = rtl ? WIDTH - LEFT : LEFT;
    // text-anchor is by writing direction: in an RTL text "start" is the right edge
    svg.append(textAt(start, 30, "start", 18, "700", text(locale, "dental.svg.title") + " — " + patientName, rtl));
    svg.append(textAt(start, 52, "start", 13, "400", text(locale, "dental.svg.as_of") + " " + dateText
        + " · " + text(locale, "dental.svg.version") + " " + chart.getInteger("version", 0), rtl));
    // the sides of the mouth, in the reader's language; right and left are the patient's
    svg.append(textAt(LEFT, top - 4, rtl ? "end" : "start", 11, "400", text(locale, "dental.svg.patient_right"), rtl));
    svg.append(textAt(WIDTH - LEFT, top - 4, rtl ? "start" : "end", 11, "400", text(locale, "dental.svg.patient_left"), rtl));

    int y = top;
    svg.append(row(Fdi.row(true, false), teeth, y, true, false));
    y += rowHeight;
    if (primaryRows) {
      svg.append(row(Fdi.row(true, true), teeth, y, true, true));
      y += rowHeight;
      svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y - 8).append("\" x2=\"").append(WIDTH - LEFT)
          .append("\" y2=\"").append(y - 8).append("\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>\n");
      svg.append(row(Fdi.row(false, true), teeth, y, false, true));
      y += rowHeight;
    } else {
      svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y - 8).append("\" x2=\"").append(WIDTH - LEFT)
          .append("\" y2=\"").append(y - 8).append("\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>\n");
    }
    svg.append(row(Fdi.row(false, false), teeth, y, false, false));
    int mid = WIDTH / 2;
    svg.append("<line x1=\"").append(mid).append("\" y1=\"").append(top).append("\" x2=\"").append(mid).append("\" y2=\"")
        .append(top + rows * rowHeight - 20).append("\" stroke=\"#9aa5b1\"/>\n");
    svg.append(legend(locale, legendTop, rtl));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private String row(List<Integer> numbers, Map<Integer, JsonObject> teeth, int y, boolean upper, boolean primary) {
    StringBuilder out = new StringBuilder();
    int count = numbers.size();
    int size = primary ? TOOTH - 8 : TOOTH;
    int span = count * size + (count - 1) * GAP + 14;
    int x = (WIDTH - span) / 2;
    for (int i = 0; i < count; i++) {
      if (i == count / 2) {
        x += 14;
      }
      int number = numbers.get(i);
      out.append(tooth(number, teeth.get(number), x, y + (primary ? 4 : 0), size, upper));
      x += size + GAP;
    }
    return out.toString();
  }

  /** One tooth: number, five-surface square, marks for its state. */
  private String tooth(int number, JsonObject state, int x, int y, int size, boolean upper) {
    StringBuilder out = new StringBuilder();
    String status = state == null ? "present" : state.getString("status", "present");
    boolean absent = status.equals("missing") || status.equals("extracted");
    int numberY = upper ? y + 12 : y + size + 26;
    int boxY = upper ? y + 18 : y + 8;
    out.append("<g class=\"tooth\" data-tooth=\"").append(number).append("\" data-status=\"").append(status).append("\">");
    out.append("<text x=\"").append(x + size / 2).append("\" y=\"").append(numberY)
        .append("\" text-anchor=\"middle\" direction=\"ltr\" font-size=\"12\" fill=\"#37474f\">").append(number).append("</text>");
    String base = absent ? ABSENT : status.equals("implant") ? IMPLANT : status.equals("bridge_pontic") ? PONTIC
        : state != null && state.getBoolean("crown", false) ? CROWN : SOUND;
    String border = state != null && state.getBoolean("bridgeAbutment", false) ? PONTIC : "#455a64";
    int b = boxY;
    int s = size;
    int inner = s / 4;
    // five regions: outer (buccal/labial) top for upper teeth, bottom for lower; mesial towards the midline
    Map<String, String> fill = new HashMap<>();
    for (String surface : Fdi.surfaces(number)) {
      fill.put(surface, base);
    }
    if (state != null && !absent) {
      for (Object o : state.getJsonArray("fillings", new JsonArray())) {
        fill.put(((JsonObject) o).getString("surface"), FILLING);
      }
      for (Object o : state.getJsonArray("caries", new JsonArray())) {
        fill.put((String) o, CARIES);
      }
    }
    String outer = Fdi.anterior(number) ? "labial" : "buccal";
    String innerFace = Fdi.upper(number) ? "palatal" : "lingual";
    String centre = Fdi.anterior(number) ? "incisal" : "occlusal";
    String topFace = upper ? outer : innerFace;
    String bottomFace = upper ? innerFace : outer;
    // on the viewer's left half (the patient's right) the midline is to the right
    String rightFace = Fdi.right(number) ? "mesial" : "distal";
    String leftFace = Fdi.right(number) ? "distal" : "mesial";
    int x0 = x;
    int x1 = x + s;
    int y0 = b;
    int y1 = b + s;
    int ix0 = x + inner;
    int ix1 = x + s - inner;
    int iy0 = b + inner;
    int iy1 = b + s - inner;
    out.append(poly(fill.get(topFace), border, x0, y0, x1, y0, ix1, iy0, ix0, iy0, topFace));
    out.append(poly(fill.get(rightFace), border, x1, y0, x1, y1, ix1, iy1, ix1, iy0, rightFace));
    out.append(poly(fill.get(bottomFace), border, x1, y1, x0, y1, ix0, iy1, ix1, iy1, bottomFace));
    out.append(poly(fill.get(leftFace), border, x0, y1, x0, y0, ix0, iy0, ix0, iy1, leftFace));
    out.append(poly(fill.get(centre), border, ix0, iy0, ix1, iy0, ix1, iy1, ix0, iy1, centre));
    if (absent) {
      String colour = status.equals("extracted") ? CARIES : "#607d8b";
      out.append("<path d=\"M").append(x0 + 3).append(' ').append(y0 + 3).append(" L").append(x1 - 3).append(' ').append(y1 - 3)
          .append(" M").append(x1 - 3).append(' ').append(y0 + 3).append(" L").append(x0 + 3).append(' ').append(y1 - 3)
          .append("\" stroke=\"").append(colour).append("\" stroke-width=\"3\"/>");
    }
    if (state != null && state.getBoolean("rootCanalTreated", false)) {
      int rootY = upper ? y0 - 5 : y1 + 1;
      out.append("<rect x=\"").append(x + s / 2 - 2).append("\" y=\"").append(rootY).append("\" width=\"4\" height=\"5\" fill=\"")
          .append(ROOT_CANAL).append("\"/>");
    }
    if (state != null && state.getBoolean("fracture", false)) {
      out.append("<path d=\"M").append(x0 + 4).append(' ').append(y0 + 6).append(" l8 8 l-4 6 l10 10\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>");
    }
    if (state != null && state.getInteger("mobility", 0) > 0) {
      out.append("<text x=\"").append(x1 - 2).append("\" y=\"").append(y1 - 2)
          .append("\" text-anchor=\"end\" direction=\"ltr\" font-size=\"9\" font-weight=\"700\" fill=\"#000\">M")
          .append(state.getInteger("mobility")).append("</text>");
    }
    out.append("</g>\n");
    return out.toString();
  }

  private static String poly(String fill, String stroke, int... points) {
    StringBuilder p = new StringBuilder("<polygon points=\"");
    for (int i = 0; i < points.length; i += 2) {
      p.append(points[i]).append(',').append(points[i + 1]).append(i + 2 < points.length ? " " : "");
    }
    return p.append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>").toString();
  }

  private static String poly(String fill, String stroke, int a, int b, int c, int d, int e, int f, int g, int h, String surface) {
    return poly(fill, stroke, a, b, c, d, e, f, g, h).replace("<polygon ", "<polygon data-surface=\"" + surface + "\" ");
  }

  private String legend(SupportedLocale locale, int y, boolean rtl) {
    List<String[]> items = List.of(
        new String[] {SOUND, "dental.legend.sound"}, new String[] {CARIES, "dental.legend.caries"},
        new String[] {FILLING, "dental.legend.filling"}, new String[] {CROWN, "dental.legend.crown"},
        new String[] {IMPLANT, "dental.legend.implant"}, new String[] {PONTIC, "dental.legend.bridge"},
        new String[] {ABSENT, "dental.legend.missing"}, new String[] {ROOT_CANAL, "dental.legend.root_canal"});
    StringBuilder out = new StringBuilder("<g class=\"legend\">");
    int start = rtl ? WIDTH - LEFT : LEFT;
    out.append(textAt(start, y, "start", 13, "700", text(locale, "dental.legend.title"), rtl));
    int columnWidth = (WIDTH - 2 * LEFT) / 4;
    for (int i = 0; i < items.size(); i++) {
      int column = i % 4;
      int line = i / 4;
      int cy = y + 18 + line * 26;
      int cx = rtl ? WIDTH - LEFT - column * columnWidth - 16 : LEFT + column * columnWidth;
      out.append("<rect x=\"").append(cx).append("\" y=\"").append(cy).append("\" width=\"16\" height=\"16\" fill=\"")
          .append(items.get(i)[0]).append("\" stroke=\"#455a64\"/>");
      int tx = rtl ? cx - 8 : cx + 24;
      out.append(textAt(tx, cy + 13, "start", 12, "400", text(locale, items.get(i)[1]), rtl));
    }
    out.append(textAt(start, y + 84, "start", 11, "400", text(locale, "dental.legend.marks"), rtl));
    return out.append("</g>\n").toString();
  }

  private static String textAt(int x, int y, String anchor, int size, String weight, String text, boolean rtl) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" direction=\"" + (rtl ? "rtl" : "ltr")
        + "\" font-size=\"" + size + "\" font-weight=\"" + weight + "\" fill=\"#263238\">" + escape(text) + "</text>\n";
  }

  private String text(SupportedLocale locale, String key) {
    return messages.format(locale, key);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
