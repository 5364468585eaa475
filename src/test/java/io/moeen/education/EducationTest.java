package io.moeen.education;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient education through the API on the demo clinic: the library and its search, links refused as text,
 * PDFs through the upload path, assignments once per patient and material under concurrent requests, the
 * outbox rows they write, reading and marking read on the patient's side, and who may do what.
 */
class EducationTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static final String FATIMAH = DemoAccounts.FATIMAH_PATIENT_ID.toString();
  static final String MOHAMMED = DemoAccounts.MOHAMMED_PATIENT_ID.toString();
  static final String MOHAMMED_USER = "00000000-0000-4000-8000-000000000009";
  static final String HYPERTENSION = "00000000-0000-4023-8000-000000000001";
  static final String EXTRACTION = "00000000-0000-4023-8000-000000000003";
  static final String FATIMAH_EXTRACTION = "00000000-0000-4023-8000-000000000103";

  static RunningApp app;
  static String khalid;
  static String ahmed;
  static String mohammed;

  @BeforeAll
  static void start() {
    app = RunningApp.start("education");
    khalid = app.loginAs(DemoAccounts.DOCTOR);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    mohammed = app.loginAs(DemoAccounts.PATIENT_MOHAMMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return call(method, path, token, body, "en");
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body, String lang) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.encode());
  }

  static String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject article(String title, String... tags) {
    return new JsonObject().put("kind", "article").put("titleAr", "مقالة " + title).put("titleEn", "Article " + title)
        .put("summaryAr", "ملخص " + title).put("summaryEn", "Summary of " + title).put("bodyAr", "نص المقالة")
        .put("bodyEn", "The text").put("tags", new JsonArray(List.of((Object[]) tags)));
  }

  static String created(JsonObject material) {
    var answer = call("POST", "/v1/education/materials", khalid, material);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
    return answer.bodyAsJsonObject().getString("id");
  }

  @Test
  void the_demo_patient_reads_his_materials_in_both_languages_one_already_read() {
    var mine = call("GET", "/v1/patients/" + AHMED + "/education-materials", ahmed, null, "ar");
    assertThat(mine.statusCode()).as(mine.bodyAsString()).isEqualTo(200);
    Map<String, JsonObject> byMaterial = mine.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(a -> a.getJsonObject("material").getString("id"), Function.identity()));
    assertThat(byMaterial).containsKeys(HYPERTENSION, "00000000-0000-4023-8000-000000000002");
    JsonObject read = byMaterial.get(HYPERTENSION);
    assertThat(read.getString("readAt")).isNotNull();
    assertThat(read.getJsonObject("material").getJsonObject("title").getString("ar")).isEqualTo("التعايش مع ارتفاع ضغط الدم");
    assertThat(read.getJsonObject("material").getJsonObject("title").getString("en")).isEqualTo("Living with high blood pressure");
    assertThat(read.getString("comment")).startsWith("اقرأها");
    assertThat(byMaterial.get("00000000-0000-4023-8000-000000000002").containsKey("readAt")).isFalse();

    // a material given to him is his to open; Fatimah's is not, nor her list
    assertThat(call("GET", "/v1/education/materials/" + HYPERTENSION, ahmed, null).statusCode()).isEqualTo(200);
    var hers = call("GET", "/v1/education/materials/" + EXTRACTION, ahmed, null);
    assertThat(hers.statusCode()).isEqualTo(404);
    assertThat(hers.bodyAsJsonObject().getString("code")).isEqualTo("education_material_not_found");
    assertThat(call("GET", "/v1/patients/" + FATIMAH + "/education-materials", ahmed, null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/v1/patients/" + FATIMAH + "/education-materials/" + FATIMAH_EXTRACTION + "/read", ahmed,
        null).statusCode()).isEqualTo(404);
    // his own path with her assignment: not his
    var crossed = call("POST", "/v1/patients/" + AHMED + "/education-materials/" + FATIMAH_EXTRACTION + "/read", ahmed, null);
    assertThat(crossed.statusCode()).isEqualTo(404);
    assertThat(crossed.bodyAsJsonObject().getString("code")).isEqualTo("education_assignment_not_found");
    assertThat(one("SELECT read_at IS NULL FROM education_assignments WHERE id = '" + FATIMAH_EXTRACTION + "'")).isEqualTo("t");
    // the library itself is for staff
    assertThat(call("GET", "/v1/education/materials", ahmed, null).statusCode()).isEqualTo(403);
  }

  @Test
  void the_library_is_searched_by_topic_and_words() {
    String id = created(article("sleep hygiene " + System.nanoTime(), "Sleep", " Insomnia "));
    var byTag = call("GET", "/v1/education/materials?tag=insomnia", khalid, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(byTag.stream().map(m -> ((JsonObject) m).getString("id")).toList()).contains(id);
    assertThat(byTag.getJsonObject(0).getJsonArray("tags")).containsExactly("sleep", "insomnia");
    var dental = call("GET", "/v1/education/materials?tag=dental", khalid, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(dental.stream().map(m -> ((JsonObject) m).getString("id")).toList())
        .containsExactlyInAnyOrder(EXTRACTION, "00000000-0000-4023-8000-000000000002");
    var words = call("GET", "/v1/education/materials?q=" + URLEncoder.encode("ضغط", StandardCharsets.UTF_8), khalid, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(words.stream().map(m -> ((JsonObject) m).getString("id")).toList()).containsExactly(HYPERTENSION);
    var percent = call("GET", "/v1/education/materials?q=%25", khalid, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(percent).isEmpty();
  }

  @Test
  void links_that_are_not_plain_http_are_refused_and_nothing_is_written() {
    String before = one("SELECT count(*) FROM education_materials");
    for (String link : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
        "https://user:secret@videos.example.org/x", "https://user@videos.example.org/x", "ftp://videos.example.org/x",
        "https:///no-host", "https://videos.example.org/a b", "//videos.example.org/x", "JAVASCRIPT://%0aalert(1)")) {
      JsonObject video = new JsonObject().put("kind", "video").put("titleAr", "فيديو").put("titleEn", "Video")
          .put("summaryAr", "ملخص").put("summaryEn", "Summary").put("videoUrl", link);
      var refused = call("POST", "/v1/education/materials", khalid, video, "ar");
      assertThat(refused.statusCode()).as(link).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("code")).as(link).isEqualTo("education_link_not_allowed");
      assertThat(refused.bodyAsJsonObject().getString("title")).isEqualTo("الرابط غير مقبول");
    }
    var mixed = call("POST", "/v1/education/materials", khalid, article("mixed").put("videoUrl", "https://videos.example.org/x"));
    assertThat(mixed.bodyAsJsonObject().getString("code")).isEqualTo("education_field_not_for_kind");
    var noTitle = call("POST", "/v1/education/materials", khalid, article("no title").put("titleEn", " "));
    assertThat(noTitle.statusCode()).isEqualTo(400);
    assertThat(noTitle.bodyAsJsonObject().getString("code")).isEqualTo("field_required");
    var badTag = call("POST", "/v1/education/materials", khalid, article("bad tag", "<script>"));
    assertThat(badTag.bodyAsJsonObject().getString("code")).isEqualTo("education_tags_invalid");
    assertThat(one("SELECT count(*) FROM education_materials")).isEqualTo(before);

    var good = call("POST", "/v1/education/materials", khalid, new JsonObject().put("kind", "video").put("titleAr", "فيديو")
        .put("titleEn", "Video").put("summaryAr", "ملخص").put("summaryEn", "Summary")
        .put("videoUrl", "HTTPS://videos.example.org/watch?v=1#t=2"));
    assertThat(good.statusCode()).as(good.bodyAsString()).isEqualTo(201);
    assertThat(good.bodyAsJsonObject().getString("videoUrl")).isEqualTo("HTTPS://videos.example.org/watch?v=1#t=2");
  }

  @Test
  void one_assignment_per_patient_and_material_under_concurrent_requests_with_its_outbox_rows() {
    String material = created(article("race " + System.nanoTime(), "race"));
    int n = 10;
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(app.client().post("/v1/patients/" + MOHAMMED + "/education-materials")
          .putHeader("Authorization", "Bearer " + khalid).putHeader("Content-Type", "application/json")
          .putHeader("Accept-Language", i % 2 == 0 ? "ar" : "en")
          .sendBuffer(Buffer.buffer(new JsonObject().put("materialId", material).put("comment", "comment " + i).encode())));
    }
    Future.all(sent).await();
    List<HttpResponse<Buffer>> answers = sent.stream().map(Future::result).toList();
    assertThat(answers.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
    assertThat(answers.stream().filter(r -> r.statusCode() == 409).count()).isEqualTo(n - 1);
    assertThat(answers.stream().filter(r -> r.statusCode() == 409)
        .map(r -> r.bodyAsJsonObject().getString("code")).distinct().toList()).containsExactly("education_already_assigned");
    assertThat(answers.stream().filter(r -> r.statusCode() == 409).map(r -> r.bodyAsJsonObject().getString("title")))
        .contains("أُسندت من قبل إلى هذا المريض", "Already given to this patient");
    assertThat(one("SELECT count(*) FROM education_assignments WHERE material_id = '" + material + "'")).isEqualTo("1");
    // Mohammed has an account and no WhatsApp consent: one in-app message, in his language (English)
    assertThat(one("SELECT string_agg(channel || '|' || locale || '|' || coalesce(recipient_user_id::text, recipient_phone), ',') "
        + "FROM notifications WHERE payload ->> 'materialId' = '" + material + "'"))
        .isEqualTo("in_app|en|" + MOHAMMED_USER);
    assertThat(one("SELECT payload ->> 'titleEn' FROM notifications WHERE payload ->> 'materialId' = '" + material + "'"))
        .startsWith("Article race");
  }

  @Test
  void a_patient_who_agreed_to_whatsapp_is_also_told_there() {
    app.asOwner("INSERT INTO consent_events (user_id, phone, channel, action, wording, locale, source) VALUES ('"
        + MOHAMMED_USER + "', '+966550000009', 'whatsapp', 'opt_in', 'I agree to messages on WhatsApp', 'en', 'self')");
    String material = created(article("whatsapp " + System.nanoTime()));
    var given = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials", khalid, new JsonObject().put("materialId", material));
    assertThat(given.statusCode()).as(given.bodyAsString()).isEqualTo(201);
    assertThat(one("SELECT string_agg(channel || '|' || coalesce(recipient_user_id::text, recipient_phone), ',' ORDER BY channel) "
        + "FROM notifications WHERE payload ->> 'materialId' = '" + material + "'"))
        .isEqualTo("in_app|" + MOHAMMED_USER + ",whatsapp|+966550000009");
    assertThat(one("SELECT count(*) FROM notification_templates WHERE event_type = 'education_assigned' AND is_active"))
        .isEqualTo("4");
  }

  @Test
  void the_patient_marks_read_once_and_the_doctor_sees_who_read_what() {
    String material = created(article("read " + System.nanoTime()));
    JsonObject given = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials", khalid,
        new JsonObject().put("materialId", material).put("comment", "Please read before Sunday")).bodyAsJsonObject();
    String id = given.getString("id");
    assertThat(given.getJsonObject("patient").getString("id")).isEqualTo(MOHAMMED);
    assertThat(given.containsKey("readAt")).isFalse();
    var unread = call("GET", "/v1/education/assignments?status=unread&materialId=" + material, khalid, null)
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(unread).hasSize(1);

    var first = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials/" + id + "/read", mohammed, null);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
    String readAt = first.bodyAsJsonObject().getString("readAt");
    assertThat(readAt).isNotNull();
    var again = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials/" + id + "/read", mohammed, null);
    assertThat(again.bodyAsJsonObject().getString("readAt")).isEqualTo(readAt);

    var read = call("GET", "/v1/education/assignments?status=read&materialId=" + material, khalid, null)
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(read).hasSize(1);
    assertThat(read.getJsonObject(0).getString("readAt")).isEqualTo(readAt);
    assertThat(read.getJsonObject(0).getJsonObject("patient").getJsonObject("name").getString("en")).isEqualTo("Mohammed Al-Harbi");
    // the doctor cannot mark it read for the patient
    assertThat(call("POST", "/v1/patients/" + MOHAMMED + "/education-materials/" + id + "/read", khalid, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void who_may_do_what() {
    String marketer = app.loginAs(DemoAccounts.MARKETER);
    assertThat(call("GET", "/v1/education/materials", marketer, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/patients/" + AHMED + "/education-materials", marketer, null).statusCode()).isIn(403, 404);
    // a family member without medical_records.read is told which scope is missing
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var family = call("GET", "/v1/patients/" + AHMED + "/education-materials", yousef, null);
    assertThat(family.statusCode()).isEqualTo(403);
    assertThat(family.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    // a doctor gives only to patients in their care; the admin to anyone
    String faisal = app.loginAs(DemoAccounts.DOCTOR_CARDIOLOGY);
    String before = one("SELECT count(*) FROM education_assignments");
    var outside = call("POST", "/v1/patients/" + FATIMAH + "/education-materials", faisal, new JsonObject().put("materialId", HYPERTENSION));
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    assertThat(one("SELECT count(*) FROM education_assignments")).isEqualTo(before);
    String admin = app.loginAs(DemoAccounts.ADMIN);
    var byAdmin = call("POST", "/v1/patients/" + FATIMAH + "/education-materials", admin, new JsonObject().put("materialId", HYPERTENSION));
    assertThat(byAdmin.statusCode()).as(byAdmin.bodyAsString()).isEqualTo(201);
    // another doctor's material is not theirs to archive; an archived one is given no more
    String mine = created(article("archive " + System.nanoTime()));
    assertThat(call("DELETE", "/v1/education/materials/" + mine, faisal, null).bodyAsJsonObject().getString("code"))
        .isEqualTo("education_not_author");
    var archived = call("DELETE", "/v1/education/materials/" + mine, khalid, null);
    assertThat(archived.bodyAsJsonObject().getString("archivedAt")).isNotNull();
    var late = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials", khalid, new JsonObject().put("materialId", mine));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.bodyAsJsonObject().getString("code")).isEqualTo("education_material_archived");
    var unknown = call("POST", "/v1/patients/" + MOHAMMED + "/education-materials", khalid,
        new JsonObject().put("materialId", "00000000-0000-4023-8000-0000000009ff"));
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void a_pdf_goes_through_the_upload_path_and_reaches_the_patient() {
    byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    var uploaded = app.client().post("/v1/education/files").putHeader("Authorization", "Bearer " + khalid)
        .putHeader("Content-Type", "application/pdf").putHeader("Content-Disposition", "attachment; filename=\"diet.pdf\"")
        .sendBuffer(Buffer.buffer(pdf)).await();
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
    String fileId = uploaded.bodyAsJsonObject().getString("id");
    assertThat(uploaded.bodyAsJsonObject().getString("fileName")).isEqualTo("diet.pdf");

    var text = app.client().post("/v1/education/files").putHeader("Authorization", "Bearer " + khalid)
        .putHeader("Content-Type", "application/octet-stream").sendBuffer(Buffer.buffer("just text, not a PDF")).await();
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.bodyAsJsonObject().getString("code")).isEqualTo("file_type_not_allowed");

    JsonObject material = new JsonObject().put("kind", "pdf").put("titleAr", "نظام غذائي").put("titleEn", "A diet")
        .put("summaryAr", "ملخص").put("summaryEn", "Summary").put("fileId", fileId).put("tags", new JsonArray().add("diet"));
    String id = created(material);
    var reused = call("POST", "/v1/education/materials", khalid, material);
    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(reused.bodyAsJsonObject().getString("code")).isEqualTo("education_file_in_use");

    var before = app.client().get("/v1/education/materials/" + id + "/file").putHeader("Authorization", "Bearer " + mohammed)
        .send().await();
    assertThat(before.statusCode()).isEqualTo(404);
    call("POST", "/v1/patients/" + MOHAMMED + "/education-materials", khalid, new JsonObject().put("materialId", id));
    var back = app.client().get("/v1/education/materials/" + id + "/file").putHeader("Authorization", "Bearer " + mohammed)
        .send().await();
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(back.bodyAsBuffer().getBytes()).isEqualTo(pdf);
  }
}
