package io.moeen.clinical;

import io.moeen.testing.Scratch;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files through the whole path: a real multipart and a raw upload streamed to the store under
 * MOEEN_DATA_DIR, the type sniffed from the bytes, the size limit, and downloads by the right and the
 * wrong people, each download audited. Refused uploads leave neither a row nor a file behind.
 */
class ClinicalFilesTest {
  static final String MOHAMMED = DemoAccounts.MOHAMMED_PATIENT_ID.toString();
  static RunningApp app;
  static ClinicalFixtures fx;
  static Path dataDir;
  static String khalid;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Scratch.dir("moeen-files-test");
    app = RunningApp.start("clinical-files", Map.of("MOEEN_DATA_DIR", dataDir.toString()));
    fx = new ClinicalFixtures(app);
    khalid = app.loginAs(DemoAccounts.DOCTOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static byte[] png() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0x00ff00);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static long storedFiles() throws IOException {
    Path root = dataDir.resolve("files");
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  static int rows() {
    return fx.count("SELECT 1 FROM clinical_files");
  }

  HttpResponse<Buffer> multipart(String token, String lang, MultipartForm form) {
    return app.client().post("/v1/patients/" + MOHAMMED + "/files")
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", lang)
        .sendMultipartForm(form).await();
  }

  HttpResponse<Buffer> raw(String token, String query, String contentType, byte[] bytes, String disposition) {
    var request = app.client().post("/v1/patients/" + MOHAMMED + "/files" + query)
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", "en")
        .putHeader("Content-Type", contentType);
    if (disposition != null) {
      request.putHeader("Content-Disposition", disposition);
    }
    return request.sendBuffer(Buffer.buffer(bytes)).await();
  }

  HttpResponse<Buffer> download(String token, String fileId) {
    return app.client().get("/v1/files/" + fileId + "/content")
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", "en").send().await();
  }

  @Test
  void a_multipart_png_is_stored_outside_the_database_and_comes_back_byte_for_byte_with_an_audit_row() throws Exception {
    byte[] png = png();
    var created = multipart(khalid, "en", MultipartForm.create()
        .attribute("category", "photo").attribute("title", "Rash, left forearm")
        .binaryFileUpload("file", "rash.png", Buffer.buffer(png), "image/png"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject file = created.bodyAsJsonObject();
    assertThat(file.getString("contentType")).isEqualTo("image/png");
    assertThat(file.getString("category")).isEqualTo("photo");
    assertThat(file.getString("title")).isEqualTo("Rash, left forearm");
    assertThat(file.getString("fileName")).isEqualTo("rash.png");
    assertThat(file.getLong("size")).isEqualTo(png.length);
    assertThat(file.getString("sha256")).isEqualTo(sha256(png));
    String key = fx.one("SELECT storage_key FROM clinical_files WHERE id = '" + file.getString("id") + "'");
    assertThat(Files.readAllBytes(dataDir.resolve("files").resolve(key))).isEqualTo(png);

    String audits = "SELECT 1 FROM audit_logs WHERE entity_type = 'clinical_files' AND action = 'read' AND entity_id = '"
        + file.getString("id") + "'";
    var back = download(khalid, file.getString("id"));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat(back.getHeader("Content-Disposition")).contains("rash.png");
    assertThat(back.getHeader("X-Moeen-File")).isNull();
    assertThat(back.getHeader("ETag")).isEqualTo("\"" + sha256(png) + "\"");
    assertThat(back.bodyAsBuffer().getBytes()).isEqualTo(png);
    assertThat(fx.count(audits)).isEqualTo(1);

    // the patient reads their own file; the listing is audited too
    String mohammed = app.loginAs(DemoAccounts.PATIENT_MOHAMMED);
    assertThat(download(mohammed, file.getString("id")).bodyAsBuffer().getBytes()).isEqualTo(png);
    assertThat(fx.count(audits)).isEqualTo(2);
    var listed = fx.get("/v1/patients/" + MOHAMMED + "/files", khalid);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(file.getString("id"));
  }

  @Test
  void a_raw_pdf_body_with_its_name_in_content_disposition() throws Exception {
    byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    var created = raw(khalid, "?category=report&title=Lab%20report", "application/pdf", pdf,
        "attachment; filename=\"cbc-2026.pdf\"");
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("contentType")).isEqualTo("application/pdf");
    assertThat(created.bodyAsJsonObject().getString("category")).isEqualTo("report");
    assertThat(created.bodyAsJsonObject().getString("fileName")).isEqualTo("cbc-2026.pdf");
    assertThat(created.bodyAsJsonObject().getString("sha256")).isEqualTo(sha256(pdf));
    var back = download(khalid, created.bodyAsJsonObject().getString("id"));
    assertThat(back.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(back.bodyAsBuffer().getBytes()).isEqualTo(pdf);
  }

  @Test
  void a_png_that_is_really_text_is_refused_and_nothing_is_kept() throws Exception {
    long files = storedFiles();
    int rows = rows();
    byte[] text = "I am not a picture, just text with a .png name\n".getBytes(StandardCharsets.UTF_8);
    var fake = multipart(khalid, "ar", MultipartForm.create()
        .binaryFileUpload("file", "xray.png", Buffer.buffer(text), "image/png"));
    assertThat(fake.statusCode()).isEqualTo(400);
    assertThat(fake.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(fake.bodyAsJsonObject().getString("code")).isEqualTo("file_type_mismatch");
    assertThat(fake.bodyAsJsonObject().getString("title")).isEqualTo("محتوى الملف لا يطابق نوعه");
    // said to be nothing in particular: the bytes decide, and text is not on the list
    var octets = raw(khalid, "", "application/octet-stream", text, null);
    assertThat(octets.statusCode()).isEqualTo(415);
    assertThat(octets.bodyAsJsonObject().getString("code")).isEqualTo("file_type_not_allowed");
    assertThat(rows()).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  void an_upload_over_the_limit_is_413_whether_announced_or_streamed_and_leaves_nothing() throws Exception {
    long files = storedFiles();
    int rows = rows();
    // announced: refused before a byte of the body is read
    String announced = rawExchange("Content-Length: " + (30L * 1024 * 1024) + "\r\n", 0);
    assertThat(announced).startsWith("HTTP/1.1 413").contains("upload_too_large").containsIgnoringCase("connection: close");
    // streamed (chunked, no length): counted as it arrives, cut at the limit
    String streamed = rawExchange("Transfer-Encoding: chunked\r\n", 24);
    assertThat(streamed).startsWith("HTTP/1.1 413").contains("upload_too_large");
    Thread.sleep(300); // the partial file is deleted as the refusal is written
    assertThat(rows()).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
  }

  /** A POST of a PDF over a plain socket: the head, then {@code megabytes} 1 MiB chunks while the answer is awaited. */
  String rawExchange(String framing, int megabytes) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/patients/" + MOHAMMED + "/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + khalid
          + "\r\nContent-Type: application/pdf\r\n" + framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread writer = new Thread(() -> {
        byte[] chunk = new byte[1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 9);
        try {
          for (int i = 0; i < megabytes; i++) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closed) {
          // the server answered and closed the connection: expected
        }
      });
      writer.start();
      byte[] answer = socket.getInputStream().readNBytes(600);
      writer.join(60_000);
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      image.setRGB(x, height / 2, 0xff0000);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static io.vertx.ext.web.client.HttpResponse<Buffer> thumbnail(String token, String fileId) {
    return app.client().get("/v1/files/" + fileId + "/thumbnail")
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", "en").send().await();
  }

  @Test
  void a_jpeg_or_png_gets_a_small_jpeg_thumbnail_read_and_audited_like_the_file() throws Exception {
    for (String format : java.util.List.of("png", "jpeg")) {
      var created = multipart(khalid, "en", MultipartForm.create().attribute("category", "photo")
          .binaryFileUpload("file", "wide." + format, Buffer.buffer(image(format, 1600, 900)), "image/" + format));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getBoolean("hasThumbnail")).isTrue();
      String id = created.bodyAsJsonObject().getString("id");
      String audits = "SELECT 1 FROM audit_logs WHERE entity_type = 'clinical_files' AND action = 'read' AND entity_id = '" + id + "'";
      var small = thumbnail(khalid, id);
      assertThat(small.statusCode()).as(small.bodyAsString()).isEqualTo(200);
      assertThat(small.getHeader("Content-Type")).isEqualTo("image/jpeg");
      assertThat(small.getHeader("X-Moeen-File")).isNull();
      BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(small.bodyAsBuffer().getBytes()));
      assertThat(read.getWidth()).isEqualTo(256);
      assertThat(read.getHeight()).isEqualTo(144);
      assertThat(fx.count(audits)).isEqualTo(1);
      // the patient reads it; a doctor outside the care and another patient do not, and leave no audit row
      assertThat(thumbnail(app.loginAs(DemoAccounts.PATIENT_MOHAMMED), id).statusCode()).isEqualTo(200);
      assertThat(fx.count(audits)).isEqualTo(2);
      var maha = thumbnail(app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS), id);
      assertThat(maha.statusCode()).isEqualTo(403);
      assertThat(maha.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
      assertThat(thumbnail(app.loginAs(DemoAccounts.PATIENT_AHMED), id).statusCode()).isEqualTo(404);
      assertThat(fx.count(audits)).isEqualTo(2);
      String key = fx.one("SELECT thumbnail_key FROM clinical_files WHERE id = '" + id + "'");
      assertThat(Files.size(dataDir.resolve("files").resolve(key))).isLessThan(20_000);
    }
    // a PDF has none
    var pdf = multipart(khalid, "en", MultipartForm.create()
        .binaryFileUpload("file", "letter.pdf", Buffer.buffer("%PDF-1.4\n%%EOF\n"), "application/pdf"));
    assertThat(pdf.bodyAsJsonObject().getBoolean("hasThumbnail")).isFalse();
    var none = thumbnail(khalid, pdf.bodyAsJsonObject().getString("id"));
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.bodyAsJsonObject().getString("code")).isEqualTo("thumbnail_not_found");
  }

  @Test
  void someone_elses_file_is_not_found_or_forbidden_and_no_download_is_audited() {
    byte[] png = png();
    String id = multipart(khalid, "en", MultipartForm.create()
        .binaryFileUpload("file", "ecg.png", Buffer.buffer(png), "image/png")).bodyAsJsonObject().getString("id");
    String audits = "SELECT 1 FROM audit_logs WHERE entity_type = 'clinical_files' AND entity_id = '" + id + "' AND action <> 'create'";
    int before = fx.count(audits);

    var ahmed = download(app.loginAs(DemoAccounts.PATIENT_AHMED), id);
    assertThat(ahmed.statusCode()).isEqualTo(404);
    assertThat(ahmed.bodyAsJsonObject().getString("code")).isEqualTo("file_not_found");
    var maha = download(app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS), id);
    assertThat(maha.statusCode()).isEqualTo(403);
    assertThat(maha.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    assertThat(download(app.loginAs(DemoAccounts.MARKETER), id).statusCode()).isEqualTo(403);
    assertThat(download(app.loginAs(DemoAccounts.NURSE), id).statusCode()).isEqualTo(403);
    assertThat(download(khalid, java.util.UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
    assertThat(fx.count(audits)).isEqualTo(before);

    // a doctor outside the patient's care may break the glass, and it is flagged
    var glass = app.client().get("/v1/files/" + id + "/content?emergencyReason=Unconscious%20in%20the%20ER")
        .putHeader("Authorization", "Bearer " + app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS)).send().await();
    assertThat(glass.statusCode()).isEqualTo(200);
    assertThat(fx.count(audits + " AND action = 'emergency_read'")).isEqualTo(1);

    // and a stranger cannot upload to the patient either
    var upload = multipart(app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS), "en", MultipartForm.create()
        .binaryFileUpload("file", "x.png", Buffer.buffer(png), "image/png"));
    assertThat(upload.statusCode()).isEqualTo(403);
  }
}
