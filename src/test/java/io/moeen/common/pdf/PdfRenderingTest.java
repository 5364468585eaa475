package io.moeen.common.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRenderingTest {

  @Test
  void a_transliterated_hijri_month_prints_with_an_apostrophe_not_a_missing_glyph() throws Exception {
    // ICU's English name of the fourth Hijri month carries U+02BB, which the embedded fonts lack
    byte[] pdf = PdfRendering.render("<html><body><p>26 Rabi\u02BB II 1448 AH</p></body></html>", false);
    try (var document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Rabi' II").doesNotContain("#");
    }
  }
}
