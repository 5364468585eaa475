package io.moeen.documents;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates (placeholders refused when saved, versions), a document filled for a patient and kept as their
 * clinical file, and the printed prescription. The PDFs are read back with PDFBox: their text (Arabic letters
 * in their joined presentation forms, i.e. shaped), and a rasterised page that is not blank. They are also
 * written to target/documents/ and turned into PNGs with pdftoppm, to be looked at.
 */
class DocumentsTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static final String AHMED_ENCOUNTER = "00000000-0000-4018-8000-000000000001";
  static final String AHMED_PRESCRIPTION = "00000000-0000-4018-8000-000000000401";
  static final String SICK_LEAVE = "00000000-0000-4053-8000-000000000002";
  static final String MEDICAL_REPORT = "00000000-0000-4053-8000-000000000001";
  static RunningApp app;
  static String doctor;

  @BeforeAll
  static void start() {
    app = RunningApp.start("documents");
    doctor = app.loginAs(DemoAccounts.DOCTOR);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.encode());
  }

  static String queryOne(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject template(String kind, String bodyAr) {
    return new JsonObject().put("kind", kind).put("nameAr", "تقرير مختصر").put("nameEn", "Short report")
        .put("bodyAr", bodyAr).put("bodyEn", "Patient {{patient.name}} seen on {{date.gregorian}}.");
  }

  @Test
  void a_template_naming_an_unknown_placeholder_is_refused_when_saved_and_nothing_is_written() {
    String before = queryOne("SELECT count(*) FROM document_templates");
    var refused = call("POST", "/v1/document-templates", "ar", doctor, template("medical_report", "المريض {{patient.nmae}} بتاريخ {{date.hijri}}"));
    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(422);
    JsonObject problem = refused.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo("template_placeholder_unknown");
    assertThat(problem.getString("detail")).contains("{{patient.nmae}}").contains("ليس من الحقول المتاحة");
    var unclosed = call("POST", "/v1/document-templates", "en", doctor, template("medical_report", "المريض {{patient.name"));
    assertThat(unclosed.statusCode()).isEqualTo(422);
    assertThat(unclosed.bodyAsJsonObject().getString("code")).isEqualTo("template_placeholder_unclosed");
    assertThat(queryOne("SELECT count(*) FROM document_templates")).isEqualTo(before);

    // the marketer never; a doctor may not write a global one
    assertThat(call("GET", "/v1/document-templates", "en", app.loginAs(DemoAccounts.MARKETER), null).statusCode()).isEqualTo(403);
    var global = call("POST", "/v1/document-templates", "en", doctor, template("referral", "{{patient.name}}").put("scope", "global"));
    assertThat(global.statusCode()).isEqualTo(403);
  }

  @Test
  void a_specialists_own_template_is_versioned_and_the_admin_keeps_the_global_ones() {
    var created = call("POST", "/v1/document-templates", "en", doctor, template("medical_report", "المريض {{patient.name}}"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject own = created.bodyAsJsonObject();
    assertThat(own.getString("scope")).isEqualTo("own");
    assertThat(own.getInteger("version")).isEqualTo(1);
    String id = own.getString("id");

    JsonObject revision = new JsonObject().put("nameAr", "تقرير مختصر").put("nameEn", "Short report")
        .put("bodyAr", "المريض {{patient.name}} — {{patient.mrn}}").put("bodyEn", "{{patient.name}} — {{patient.mrn}}").put("baseVersion", 1);
    var revised = call("PUT", "/v1/document-templates/" + id, "en", doctor, revision);
    assertThat(revised.statusCode()).as(revised.bodyAsString()).isEqualTo(200);
    assertThat(revised.bodyAsJsonObject().getInteger("version")).isEqualTo(2);
    // a stale edit is refused; version 1 is still there as it was
    assertThat(call("PUT", "/v1/document-templates/" + id, "en", doctor, revision).statusCode()).isEqualTo(409);
    assertThat(call("GET", "/v1/document-templates/" + id + "?version=1", "en", doctor, null).bodyAsJsonObject()
        .getString("bodyAr")).isEqualTo("المريض {{patient.name}}");

    // another specialist does not see it; the doctor may not revise a global template
    String maha = app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS);
    assertThat(call("GET", "/v1/document-templates/" + id, "en", maha, null).statusCode()).isEqualTo(404);
    revision.remove("baseVersion");
    var notYours = call("PUT", "/v1/document-templates/" + SICK_LEAVE, "en", doctor, revision);
    assertThat(notYours.statusCode()).isEqualTo(403);
    assertThat(notYours.bodyAsJsonObject().getString("code")).isEqualTo("template_not_yours");
    String admin = app.loginAs(DemoAccounts.ADMIN);
    JsonObject list = call("GET", "/v1/document-templates", "en", admin, null).bodyAsJsonObject();
    assertThat(list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("kind")).toList())
        .contains("medical_report", "sick_leave", "referral", "consent", "prescription");
    assertThat(list.getJsonArray("placeholders").getList()).contains("patient.name", "date.hijri", "encounter.diagnoses");
  }

  @Test
  void a_filled_template_becomes_the_patients_pdf_shaped_right_to_left_and_audited() throws Exception {
    JsonObject request = new JsonObject().put("templateId", SICK_LEAVE).put("encounterId", AHMED_ENCOUNTER)
        .put("language", "ar").put("notes", "إجازة لمدة ثلاثة أيام");
    var rendered = call("POST", "/v1/patients/" + AHMED + "/documents", "en", doctor, request);
    assertThat(rendered.statusCode()).as(rendered.bodyAsString()).isEqualTo(201);
    JsonObject document = rendered.bodyAsJsonObject();
    assertThat(document.getInteger("templateVersion")).isEqualTo(1);
    assertThat(document.getString("kind")).isEqualTo("sick_leave");

    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var pdf = call("GET", document.getString("contentUrl"), "ar", ahmed, null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.getHeader("Content-Type")).isEqualTo("application/pdf");
    byte[] bytes = pdf.bodyAsBuffer().getBytes();
    save(bytes, "sick-leave-ar");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      // shaped: the glyphs drawn are the joined (initial, medial, final) forms of the letters, U+FB50–U+FEFF
      assertThat(shapedGlyphs(doc)).isGreaterThan(100);
      String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
      assertThat(text).contains("أحمد الغامدي").contains("MRN-0000001").contains("إجازة لمدة ثلاثة أيام").contains("هـ");
      assertNotBlank(new PDFRenderer(doc).renderImageWithDPI(0, 60));
    }
    assertThat(queryOne("SELECT count(*) FROM audit_logs WHERE entity_type = 'patient_documents' AND entity_id = '"
        + document.getString("id") + "' AND action = 'insert'")).isEqualTo("1");
    assertThat(queryOne("SELECT count(*) FROM audit_logs WHERE entity_type = 'clinical_files' AND entity_id = '"
        + document.getString("fileId") + "' AND action = 'insert'")).isEqualTo("1");
    // and the download above was audited as a read of the file
    assertThat(queryOne("SELECT count(*) FROM audit_logs WHERE entity_type = 'clinical_files' AND entity_id = '"
        + document.getString("fileId") + "' AND action = 'read'")).isEqualTo("1");

    // the patient lists it; another patient and the marketer do not; the clinical files list has it too
    var mine = call("GET", "/v1/patients/" + AHMED + "/documents", "en", ahmed, null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(document.getString("id"));
    assertThat(call("GET", "/v1/patients/" + AHMED + "/documents", "en", app.loginAs(DemoAccounts.PATIENT_FATIMAH), null)
        .statusCode()).isEqualTo(404);
    assertThat(call("GET", "/v1/patients/" + AHMED + "/documents", "en", app.loginAs(DemoAccounts.MARKETER), null)
        .statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/patients/" + AHMED + "/files", "en", ahmed, null).bodyAsString()).contains(document.getString("fileId"));
    // a patient cannot render; a template that does not exist is 404, a foreign encounter 404
    assertThat(call("POST", "/v1/patients/" + AHMED + "/documents", "en", ahmed, request).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/patients/" + AHMED + "/documents", "en", doctor,
        request.copy().put("templateId", "00000000-0000-4053-8000-0000000000ff")).statusCode()).isEqualTo(404);

    // English, left to right, the report with the encounter's diagnoses
    var english = call("POST", "/v1/patients/" + AHMED + "/documents", "en", doctor,
        new JsonObject().put("templateId", MEDICAL_REPORT).put("encounterId", AHMED_ENCOUNTER));
    assertThat(english.statusCode()).as(english.bodyAsString()).isEqualTo(201);
    byte[] en = call("GET", english.bodyAsJsonObject().getString("contentUrl"), "en", doctor, null).bodyAsBuffer().getBytes();
    save(en, "medical-report-en");
    try (PDDocument doc = Loader.loadPDF(en)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Medical report").contains("Ahmed Al-Ghamdi").contains("AH");
    }
  }

  @Test
  void the_prescription_prints_with_the_clinic_header_in_arabic_or_english() throws Exception {
    var ar = call("GET", "/v1/prescriptions/" + AHMED_PRESCRIPTION + "/pdf", "ar", doctor, null);
    assertThat(ar.statusCode()).as(ar.bodyAsString()).isEqualTo(200);
    assertThat(ar.getHeader("Content-Type")).isEqualTo("application/pdf");
    save(ar.bodyAsBuffer().getBytes(), "prescription-ar");
    try (PDDocument doc = Loader.loadPDF(ar.bodyAsBuffer().getBytes())) {
      String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
      assertThat(text).contains("وصفة طبية").contains("Amlodipine 5 mg tablet").contains("أحمد الغامدي").contains("عن طريق الفم");
      assertNotBlank(new PDFRenderer(doc).renderImageWithDPI(0, 60));
    }
    var en = call("GET", "/v1/prescriptions/" + AHMED_PRESCRIPTION + "/pdf", "en", app.loginAs(DemoAccounts.PATIENT_AHMED), null);
    assertThat(en.statusCode()).isEqualTo(200);
    save(en.bodyAsBuffer().getBytes(), "prescription-en");
    try (PDDocument doc = Loader.loadPDF(en.bodyAsBuffer().getBytes())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Prescription").contains("Amlodipine 5 mg tablet").contains("Oral").contains("Ahmed Al-Ghamdi");
    }
    assertThat(call("GET", "/v1/prescriptions/" + AHMED_PRESCRIPTION + "/pdf", "en", app.loginAs(DemoAccounts.PATIENT_FATIMAH), null)
        .statusCode()).isEqualTo(404);
    assertThat(call("GET", "/v1/prescriptions/00000000-0000-4018-8000-0000000004ff/pdf", "en", doctor, null).statusCode()).isEqualTo(404);
    assertThat(queryOne("SELECT count(*) FROM audit_logs WHERE entity_type = 'prescriptions' AND entity_id = '"
        + AHMED_PRESCRIPTION + "' AND action = 'read'")).isEqualTo("2");
  }

  /**
   * How many letters the page draws as Arabic presentation forms (U+FB50–U+FEFF: the initial, medial, final
   * and ligature glyphs of shaped text), read glyph by glyph before the text stripper normalises them back.
   */
  static long shapedGlyphs(PDDocument doc) throws Exception {
    long[] shaped = {0};
    PDFTextStripper glyphs = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
          String u = p.getUnicode();
          if (u != null && u.codePoints().anyMatch(c -> c >= 0xFB50 && c <= 0xFEFF)) {
            shaped[0]++;
          }
        }
      }
    };
    glyphs.getText(doc);
    return shaped[0];
  }

  /** A page with ink on it: more than 1% of its pixels are not white. */
  static void assertNotBlank(BufferedImage page) {
    long ink = 0;
    for (int y = 0; y < page.getHeight(); y++) {
      for (int x = 0; x < page.getWidth(); x++) {
        if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    assertThat(ink).isGreaterThan((long) page.getWidth() * page.getHeight() / 100);
  }

  static void save(byte[] pdf, String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "documents"));
    Path file = dir.resolve(name + ".pdf");
    Files.write(file, pdf);
    try {
      Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-singlefile", file.toString(), dir.resolve(name).toString())
          .redirectErrorStream(true).start();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (java.io.IOException notInstalled) {
      // nothing to look at; the assertions do not depend on it
    }
  }
}
