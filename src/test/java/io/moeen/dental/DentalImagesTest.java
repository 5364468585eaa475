package io.moeen.dental;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Teeth images through clinical's file storage: the "latest image" rule of seed 003 kept by the database under
 * concurrent uploads, who may upload and read, and refusals that leave nothing behind.
 */
class DentalImagesTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static RunningApp app;
  static String dentist;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dental-images");
    dentist = app.loginAs(DemoAccounts.DENTIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] png(int colour) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, colour);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Future<HttpResponse<Buffer>> raw(String token, String query, String type, byte[] bytes) {
    return app.client().post("/v1/patients/" + AHMED + "/dental-images?" + query)
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept-Language", "en")
        .putHeader("Content-Type", type).sendBuffer(Buffer.buffer(bytes));
  }

  @Test
  void concurrent_uploads_of_one_tooth_leave_exactly_one_latest_image_the_last_committed() {
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> sent.add(raw(dentist, "tooth=36&kind=xray", "image/png", png(0x100000 * (i + 1)))));
    List<String> ids = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> f : sent) {
      HttpResponse<Buffer> r = f.await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
      JsonObject image = r.bodyAsJsonObject();
      assertThat(image.getBoolean("latest")).isTrue();
      assertThat(image.getInteger("tooth")).isEqualTo(36);
      ids.add(image.getString("id"));
    }
    String where = "patient_id = '" + AHMED + "' AND tooth = 36 AND kind = 'xray'";
    assertThat(one("SELECT count(*) FROM dental_images WHERE " + where)).isEqualTo("10");
    assertThat(one("SELECT count(*) FROM dental_images WHERE " + where + " AND is_latest")).isEqualTo("1");
    assertThat(one("SELECT id FROM dental_images WHERE " + where + " AND is_latest"))
        .isEqualTo(one("SELECT id FROM dental_images WHERE " + where + " ORDER BY created_at DESC LIMIT 1"));
    // each is a patient file of clinical's, category xray
    assertThat(one("SELECT count(*) FROM dental_images i JOIN clinical_files f ON f.id = i.file_id WHERE i." + where.replace(" AND ", " AND i.")
        + " AND f.category = 'xray' AND f.content_type = 'image/png'")).isEqualTo("10");
    // the listing of the latest shows that one; a photo of the same tooth is latest on its own
    HttpResponse<Buffer> photo = raw(dentist, "tooth=36&kind=photo", "image/png", png(0x00ff00)).await();
    assertThat(photo.statusCode()).isEqualTo(201);
    JsonObject latest = ApiCalls.call(app, "GET", "/v1/patients/" + AHMED + "/dental-images?tooth=36&latest=true", "en", dentist, null)
        .bodyAsJsonObject();
    assertThat(latest.getJsonArray("items")).hasSize(2);
    assertThat(one("SELECT count(*) FROM dental_images WHERE " + where + " AND is_latest")).isEqualTo("1");

    // the rule is the database's: a second latest is refused whoever writes
    assertThatThrownBy(() -> app.asOwner("UPDATE dental_images SET is_latest = true WHERE " + where))
        .hasStackTraceContaining("dental_images_one_latest");
  }

  @Test
  void assistants_upload_patients_read_their_own_bytes_and_bad_uploads_leave_nothing() {
    String assistant = app.loginAs(DemoAccounts.DENTAL_ASSISTANT);
    byte[] bytes = png(0x123456);
    HttpResponse<Buffer> uploaded = app.client().post("/v1/patients/" + AHMED + "/dental-images")
        .putHeader("Authorization", "Bearer " + assistant)
        .sendMultipartForm(MultipartForm.create().attribute("tooth", "11").attribute("kind", "photo").attribute("note", "قبل التبييض")
            .binaryFileUpload("file", "front.png", Buffer.buffer(bytes), "image/png"))
        .await();
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
    String id = uploaded.bodyAsJsonObject().getString("id");

    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    HttpResponse<Buffer> mine = ApiCalls.call(app, "GET", "/v1/dental-images/" + id + "/content", "en", ahmed, null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.getHeader("Content-Type")).startsWith("image/png");
    assertThat(mine.bodyAsBuffer().getBytes()).isEqualTo(bytes);
    assertThat(ApiCalls.call(app, "GET", "/v1/patients/" + AHMED + "/dental-images", "en", ahmed, null).bodyAsJsonObject()
        .getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id"))).contains(id);

    String fatimah = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    HttpResponse<Buffer> hidden = ApiCalls.call(app, "GET", "/v1/dental-images/" + id + "/content", "en", fatimah, null);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.bodyAsJsonObject().getString("code")).isEqualTo("dental_image_not_found");
    assertThat(ApiCalls.call(app, "GET", "/v1/patients/" + AHMED + "/dental-images", "en", app.loginAs(DemoAccounts.MARKETER), null)
        .statusCode()).isEqualTo(403);
    assertThat(raw(ahmed, "tooth=11&kind=photo", "image/png", bytes).await().statusCode()).isEqualTo(403);

    String images = one("SELECT count(*) FROM dental_images");
    String files = one("SELECT count(*) FROM clinical_files");
    HttpResponse<Buffer> pdf = raw(dentist, "tooth=11&kind=xray", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()).await();
    assertThat(pdf.statusCode()).isEqualTo(415);
    HttpResponse<Buffer> noTooth = raw(dentist, "tooth=19&kind=xray", "image/png", bytes).await();
    assertThat(noTooth.statusCode()).isEqualTo(400);
    assertThat(noTooth.bodyAsJsonObject().getString("code")).isEqualTo("tooth_not_fdi");
    HttpResponse<Buffer> kind = raw(dentist, "tooth=11&kind=scan", "image/png", bytes).await();
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(one("SELECT count(*) FROM dental_images")).isEqualTo(images);
    assertThat(one("SELECT count(*) FROM clinical_files")).isEqualTo(files);
  }
}
