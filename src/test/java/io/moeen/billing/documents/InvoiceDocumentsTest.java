package io.moeen.billing.documents;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;

import static io.moeen.billing.BillingApi.AHMED_PAID_INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice as HTML and PDF. The Arabic PDF is also written to target/invoice-documents/ and turned into a PNG
 * with pdftoppm (poppler) when it is installed, to be looked at; the test itself reads the PDF back: its text
 * (Arabic letters shaped, then normalised back), and the QR decoded from the rendered page equals the invoice's.
 */
class InvoiceDocumentsTest {
  static RunningApp app;
  static BillingApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-documents");
    api = new BillingApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_arabic_pdf_is_shaped_right_to_left_and_carries_the_invoices_qr() throws Exception {
    String token = app.loginAs(DemoAccounts.PATIENT_AHMED);
    JsonObject invoice = api.call("GET", "/v1/invoices/" + AHMED_PAID_INVOICE, "ar", token, null).bodyAsJsonObject();
    var response = api.call("GET", "/v1/invoices/" + AHMED_PAID_INVOICE + "/pdf", "ar", token, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/pdf");
    byte[] pdf = response.bodyAsBuffer().getBytes();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path dir = Files.createDirectories(Path.of("target", "invoice-documents"));
    Path file = dir.resolve("invoice-ar.pdf");
    Files.write(file, pdf);
    pdftoppm(file, dir.resolve("invoice-ar"));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
      // joined letters (presentation forms) come back as the letters themselves
      assertThat(text).contains("فاتورة ضريبية مبسطة").contains("الرقم الضريبي").contains(invoice.getString("number"));
      assertThat(text).contains(invoice.getJsonObject("totals").getString("total"));
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300);
      assertThat(decodeQr(page)).isEqualTo(invoice.getString("qr"));
    }
  }

  @Test
  void the_page_is_rtl_in_arabic_ltr_in_english_and_as_private_as_the_invoice() throws Exception {
    String token = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var ar = api.call("GET", "/v1/invoices/" + AHMED_PAID_INVOICE + "/page", "ar", token, null);
    var en = api.call("GET", "/v1/invoices/" + AHMED_PAID_INVOICE + "/page", "en", token, null);
    var enPdf = api.call("GET", "/v1/invoices/" + AHMED_PAID_INVOICE + "/pdf", "en", token, null);

    assertThat(ar.statusCode()).isEqualTo(200);
    assertThat(ar.getHeader("Content-Type")).startsWith("text/html");
    assertThat(ar.bodyAsString()).contains("dir=\"rtl\"").contains("فاتورة ضريبية مبسطة")
        .contains("data:image/png;base64,").contains("هـ").contains("الإجمالي شامل الضريبة");
    assertThat(en.bodyAsString()).contains("dir=\"ltr\"").contains("Simplified tax invoice").contains("AH");
    Files.write(Path.of("target", "invoice-documents", "invoice-en.pdf"), enPdf.bodyAsBuffer().getBytes());
    pdftoppm(Path.of("target", "invoice-documents", "invoice-en.pdf"), Path.of("target", "invoice-documents", "invoice-en"));
    try (PDDocument doc = Loader.loadPDF(enPdf.bodyAsBuffer().getBytes())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Simplified tax invoice").contains("Total with VAT");
    }

    String path = "/v1/invoices/" + AHMED_PAID_INVOICE + "/pdf";
    assertThat(api.call("GET", path, "en", app.loginAs(DemoAccounts.PATIENT_FATIMAH), null).statusCode()).isEqualTo(404);
    assertThat(api.call("GET", path, "en", app.loginAs(DemoAccounts.DOCTOR), null).statusCode()).isEqualTo(403);
  }

  private static String decodeQr(BufferedImage image) throws Exception {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    return new QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }

  /** For a person to look at: target/invoice-documents/*.png (skipped where poppler is not installed). */
  private static void pdftoppm(Path pdf, Path prefix) throws Exception {
    try {
      Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-singlefile", pdf.toString(), prefix.toString())
          .redirectErrorStream(true).start();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (java.io.IOException notInstalled) {
      // nothing to look at; the assertions above do not depend on it
    }
  }
}
