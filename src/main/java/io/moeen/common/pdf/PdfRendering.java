package io.moeen.common.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * XHTML to PDF (openhtmltopdf on PDFBox 3) with the Arabic font that ships with the web pages, the bidi
 * algorithm and Arabic shaping from ICU. Blocking: call it on a worker.
 */
public final class PdfRendering {
  /** The Arabic font, shared with the web pages (served from there too; one copy). */
  static final String FONT = "/web/assets/fonts/NotoNaskhArabic-Regular.ttf";
  public static final String FONT_FAMILY = "Moeen Naskh";

  private PdfRendering() {
  }

  /**
   * The modifier letters ICU writes in transliterated Hijri month names ("Rabiʻ II", "Shaʻban") have no
   * glyph in the embedded fonts and printed as "#": an apostrophe reads the same.
   */
  static String withGlyphsWeHave(String xhtml) {
    return xhtml.replace('\u02BB', '\'').replace('\u02BC', '\'');
  }

  public static byte[] render(String xhtml, boolean rtl) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(PdfRendering::font, FONT_FAMILY);
      builder.useUnicodeBidiSplitter(IcuBidi.SPLITTERS);
      builder.useUnicodeBidiReorderer(new IcuBidi.Reorderer());
      builder.defaultTextDirection(rtl ? TextDirection.RTL : TextDirection.LTR);
      builder.withHtmlContent(withGlyphsWeHave(xhtml), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream font() {
    return Objects.requireNonNull(PdfRendering.class.getResourceAsStream(FONT), FONT);
  }
}
