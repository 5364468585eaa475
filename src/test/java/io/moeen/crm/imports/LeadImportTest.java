package io.moeen.crm.imports;

import io.moeen.crm.CrmFixtures;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV import over HTTP: Arabic names, mixed phone formats, duplicates in the file, bad rows and bad files. */
class LeadImportTest {
  static final String HEADER = "full_name,phone,email,preferred_language,source,utm_campaign,utm_medium,utm_source,interested_in,notes";

  static RunningApp app;
  static CrmFixtures crm;
  static String marketer;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-import");
    crm = new CrmFixtures(app);
    marketer = app.loginAs(DemoAccounts.MARKETER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> upload(String token, String lang, Buffer csv) {
    var request = app.client().post("/v1/crm/leads/imports").putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Accept-Language", lang);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendBuffer(csv).await();
  }

  static HttpResponse<Buffer> upload(String lang, String csv) {
    return upload(marketer, lang, Buffer.buffer(csv));
  }

  long leads() {
    return crm.count("SELECT count(*) FROM crm_leads");
  }

  @Test
  void arabic_names_mixed_phone_formats_and_duplicates_inside_the_file_are_counted_and_bad_rows_explained() {
    String csv = "\uFEFF" + HEADER + "\r\n"
        + "عبدالله الشهري,0551112201,,ar,campaign,ramadan26,social,instagram,تقويم الأسنان,\r\n"
        + "Sarah Connor,+966 55 111 2202,sarah@example.com,en,referral,,,,,\"VIP, call after 5\"\r\n"
        + "عبد الله الشهري,٠٥٥١١١٢٢٠١,,ar,campaign,ramadan26,social,instagram,,مكرر في الملف نفسه\r\n"
        + "فاطمة,00966551112203,,,,,,,,\r\n"
        + "Bad Phone,12345,,en,campaign,,,,,\r\n"
        + ",0551112204,,ar,campaign,,,,,\r\n"
        + "No Contact,,,ar,campaign,,,,,\r\n"
        + "Too,few,columns\r\n"
        + "Wrong Source,0551112205,,ar,billboard,,,,,\r\n"
        + "sarah again,,SARAH@example.com,en,,,,,,\r\n";
    HttpResponse<Buffer> r = upload("ar", csv);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject report = r.bodyAsJsonObject();
    assertThat(report.getInteger("created")).isEqualTo(3);
    assertThat(report.getInteger("merged")).isEqualTo(2);
    JsonArray rejected = report.getJsonArray("rejected");
    assertThat(rejected.stream().map(o -> ((JsonObject) o).getInteger("row") + ":" + ((JsonObject) o).getString("field")))
        .containsExactly("5:phone", "6:full_name", "7:phone", "8:null", "9:source");
    assertThat(rejected.getJsonObject(0).getString("reason")).contains("12345").contains("رقم");
    assertThat(rejected.getJsonObject(3).getString("reason")).contains("أعمدة");

    assertThat(crm.one("SELECT full_name || '|' || utm_campaign || '|' || source FROM crm_leads WHERE phone = '+966551112201'"))
        .isEqualTo("عبدالله الشهري|ramadan26|campaign");
    assertThat(crm.one("SELECT notes FROM crm_leads WHERE phone = '+966551112202'")).isEqualTo("VIP, call after 5");
    assertThat(crm.one("SELECT source FROM crm_leads WHERE phone = '+966551112203'")).isEqualTo("campaign");
    assertThat(crm.count("SELECT count(*) FROM crm_activities a JOIN crm_leads l ON l.id = a.lead_id"
        + " WHERE l.phone = '+966551112201' AND a.details ->> 'event' = 'captured_again'")).isEqualTo(1);
  }

  @Test
  void quoted_notes_keep_their_line_breaks_and_quotes_with_crlf_or_lf_rows() {
    String csv = HEADER + "\r\n"
        + "Crlf Row,0551112231,,en,campaign,,,,,\"first line\r\nsecond \"\"quoted\"\", too\"\r\n"
        + "Lf Row,0551112232,,en,campaign,,,,,\"a\nb\"\n";
    HttpResponse<Buffer> r = upload("en", csv);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("created")).isEqualTo(2);
    assertThat(crm.one("SELECT notes FROM crm_leads WHERE phone = '+966551112231'"))
        .isEqualTo("first line\r\nsecond \"quoted\", too");
    assertThat(crm.one("SELECT notes FROM crm_leads WHERE phone = '+966551112232'")).isEqualTo("a\nb");
  }

  @Test
  void a_file_that_is_not_csv_is_400_naming_the_row_before_anything_is_written() {
    long before = leads();
    HttpResponse<Buffer> r = upload("en", HEADER + "\n"
        + "Fine Row,0551112241,,en,campaign,,,,,\n"
        + "Broken Row,0551112242,,en,campaign,,,,,\"never closed\n"
        + "Lost Row,0551112243,,en,campaign,,,,,\n");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("import_malformed");
    assertThat(r.bodyAsJsonObject().getString("detail")).contains("from row 2");
    assertThat(upload("ar", HEADER + "\n\"x\"y,,,,,,,,,\n").bodyAsJsonObject().getString("detail"))
        .contains("تعذّرت قراءة الملف");
    assertThat(leads()).isEqualTo(before);
  }

  @Test
  void english_reasons_follow_the_request_language() {
    HttpResponse<Buffer> r = upload("en", HEADER + "\nBad,999,,en,campaign,,,,,\n");
    assertThat(r.bodyAsJsonObject().getJsonArray("rejected").getJsonObject(0).getString("reason"))
        .contains("999 is not a valid phone number");
  }

  @Test
  void a_wrong_or_missing_header_is_400_before_anything_is_written() {
    long before = leads();
    HttpResponse<Buffer> wrong = upload("ar", "name,phone\nمحمد,0551112299\n");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("import_header_mismatch");
    assertThat(wrong.bodyAsJsonObject().getString("detail")).contains(HEADER);
    HttpResponse<Buffer> headerless = upload("en", "محمد,0551112299,,ar,campaign,,,,,\n");
    assertThat(headerless.statusCode()).isEqualTo(400);
    assertThat(upload("en", "").statusCode()).isEqualTo(400);
    assertThat(leads()).isEqualTo(before);
  }

  @Test
  void too_many_rows_is_400_and_an_oversize_body_413_before_anything_is_written() {
    long before = leads();
    StringBuilder many = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < LeadImport.MAX_ROWS + 1; i++) {
      many.append("L").append(i).append(",05").append(String.format("%08d", i)).append(",,,,,,,,\n");
    }
    HttpResponse<Buffer> tooMany = upload("en", many.toString());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.bodyAsJsonObject().getString("code")).isEqualTo("import_too_many_rows");

    StringBuilder huge = new StringBuilder(HEADER).append('\n');
    while (huge.length() < 1_100_000) {
      huge.append("x".repeat(199)).append(",0551112299,,,,,,,,\n");
    }
    assertThat(upload("en", huge.toString()).statusCode()).isEqualTo(413);
    assertThat(leads()).isEqualTo(before);
  }

  @Test
  void bytes_that_are_not_utf8_are_refused_and_only_lead_workers_may_import() {
    Buffer latin1 = Buffer.buffer(HEADER + "\n").appendBytes(new byte[] {(byte) 0xC9, 'l', 'o', 'd', 'i', 'e'})
        .appendString(",0551112288,,,,,,,,\n");
    HttpResponse<Buffer> r = upload(marketer, "en", latin1);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("import_not_utf8");
    assertThat(upload(app.loginAs(DemoAccounts.RECEPTIONIST), "en", Buffer.buffer(HEADER + "\n")).statusCode()).isEqualTo(403);
    assertThat(upload(null, "en", Buffer.buffer(HEADER + "\n")).statusCode()).isEqualTo(401);
  }
}
