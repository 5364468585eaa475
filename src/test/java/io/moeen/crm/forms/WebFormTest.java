package io.moeen.crm.forms;

import io.moeen.crm.CrmFixtures;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Web forms: keys shown once and kept hashed, the public endpoint's key, honeypot, consent, UTM and limits. */
class WebFormTest {
  static RunningApp app;
  static CrmFixtures crm;
  static String admin;
  static String marketer;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-forms", Map.of("MOEEN_WEB_FORM_LIMIT_PER_ADDRESS", "1000",
        "MOEEN_WEB_FORM_LIMIT_PER_FORM", "1000"));
    crm = new CrmFixtures(app);
    admin = app.loginAs(DemoAccounts.ADMIN);
    marketer = app.loginAs(DemoAccounts.MARKETER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, "en", token, body == null ? null : body.encode());
  }

  static JsonObject newForm(String name) {
    HttpResponse<Buffer> r = call("POST", "/v1/crm/forms", admin, new JsonObject().put("name", name));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  static HttpResponse<Buffer> submit(String formId, String key, JsonObject body, String lang, String forwardedFor) {
    HttpRequest<Buffer> request = app.client().post("/v1/crm/forms/" + formId + "/leads")
        .putHeader("Content-Type", "application/json").putHeader("Accept-Language", lang);
    if (key != null) {
      request.putHeader("X-Form-Key", key);
    }
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    return request.sendBuffer(body.toBuffer()).await();
  }

  @Test
  void a_form_key_is_shown_once_kept_hashed_and_a_visitor_becomes_a_lead_with_utm_and_consent() {
    JsonObject form = newForm("Summer campaign landing page");
    String key = form.getString("apiKey");
    assertThat(key).matches("[A-Za-z0-9_-]{43}");
    assertThat(form.getString("keyPrefix")).isEqualTo(key.substring(0, 8));
    assertThat(crm.one("SELECT encode(key_hash, 'hex') = encode(sha256('" + key + "'::bytea), 'hex') FROM crm_web_forms WHERE id = '"
        + form.getString("id") + "'")).isEqualTo("t");
    HttpResponse<Buffer> listed = call("GET", "/v1/crm/forms", admin, null);
    assertThat(listed.bodyAsString()).doesNotContain(key).contains(form.getString("id"));

    HttpResponse<Buffer> sent = submit(form.getString("id"), key, new JsonObject()
        .put("fullName", "نورة القحطاني").put("phone", "٠٥٥١٢٣٤٥٦٧").put("interestedIn", "تبييض الأسنان")
        .put("marketingOptIn", true).put("consentWording", "أوافق على تلقي العروض عبر واتساب")
        .put("utm", new JsonObject().put("campaign", "summer26").put("medium", "cpc").put("source", "google")), "ar", null);
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    assertThat(crm.one("SELECT full_name || '|' || source || '|' || utm_campaign || '|' || utm_medium || '|' || preferred_language"
        + " FROM crm_leads WHERE phone = '+966551234567'")).isEqualTo("نورة القحطاني|web_form|summer26|cpc|ar");
    assertThat(crm.one("SELECT action || '|' || channel || '|' || wording FROM consent_events WHERE phone = '+966551234567'"))
        .isEqualTo("opt_in|whatsapp|أوافق على تلقي العروض عبر واتساب");

    // the same visitor again: attached to the open lead, not a twin
    assertThat(submit(form.getString("id"), key, new JsonObject().put("fullName", "Noura").put("phone", "+966 55 123 4567"),
        "en", null).statusCode()).isEqualTo(202);
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE phone = '+966551234567'")).isEqualTo(1);
  }

  @Test
  void a_wrong_key_an_unknown_or_inactive_form_and_a_bad_phone_are_refused_and_store_nothing() {
    JsonObject form = newForm("Clinic site");
    String id = form.getString("id");
    JsonObject visitor = new JsonObject().put("fullName", "Test Visitor").put("phone", "0559990001");

    HttpResponse<Buffer> wrong = submit(id, "not-the-key", visitor, "ar", null);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("invalid_form_key");
    assertThat(wrong.bodyAsJsonObject().getString("title")).isEqualTo("مفتاح النموذج غير صحيح");
    assertThat(submit(id, null, visitor, "en", null).statusCode()).isEqualTo(400);
    assertThat(submit(UUID.randomUUID().toString(), form.getString("apiKey"), visitor, "en", null).statusCode()).isEqualTo(404);

    HttpResponse<Buffer> badPhone = submit(id, form.getString("apiKey"), new JsonObject().put("fullName", "X").put("phone", "12"),
        "en", null);
    assertThat(badPhone.statusCode()).isEqualTo(400);
    assertThat(badPhone.bodyAsJsonObject().getString("field")).isEqualTo("phone");

    assertThat(call("POST", "/v1/crm/forms/" + id + "/deactivate", admin, null).bodyAsJsonObject().getBoolean("isActive")).isFalse();
    HttpResponse<Buffer> inactive = submit(id, form.getString("apiKey"), visitor, "en", null);
    assertThat(inactive.statusCode()).isEqualTo(404);
    assertThat(inactive.bodyAsJsonObject().getString("code")).isEqualTo("form_not_found");
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE phone = '+966559990001'")).isZero();
  }

  @Test
  void a_bot_filling_the_honeypot_is_told_accepted_and_nothing_is_stored() {
    JsonObject form = newForm("Honeypot");
    HttpResponse<Buffer> bot = submit(form.getString("id"), form.getString("apiKey"), new JsonObject()
        .put("fullName", "Cheap pills").put("phone", "0559990002").put("website", "http://spam.example"), "en", null);
    assertThat(bot.statusCode()).isEqualTo(202);
    assertThat(bot.bodyAsJsonObject().getBoolean("accepted")).isTrue();
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE phone = '+966559990002'")).isZero();
  }

  @Test
  void only_form_managers_administer_forms() {
    assertThat(call("GET", "/v1/crm/forms", marketer, null).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/crm/forms", marketer, new JsonObject().put("name", "x")).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/crm/forms", admin, new JsonObject().put("name", "x")
        .put("interestedServiceId", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
  }

  @Test
  void submissions_over_the_limits_get_429_with_retry_after() {
    try (RunningApp limited = RunningApp.start("crm-form-limits", Map.of("MOEEN_WEB_FORM_LIMIT_PER_ADDRESS", "2",
        "MOEEN_WEB_FORM_LIMIT_PER_FORM", "3"))) {
      String token = limited.loginAs(DemoAccounts.ADMIN);
      HttpResponse<Buffer> created = ApiCalls.call(limited, "POST", "/v1/crm/forms", "en", token,
          new JsonObject().put("name", "Limited").encode());
      String id = created.bodyAsJsonObject().getString("id");
      String key = created.bodyAsJsonObject().getString("apiKey");
      int[] statuses = new int[4];
      for (int i = 0; i < 4; i++) {
        statuses[i] = limited.client().post("/v1/crm/forms/" + id + "/leads").putHeader("Content-Type", "application/json")
            .putHeader("X-Form-Key", key).putHeader("Accept-Language", "en")
            .sendBuffer(new JsonObject().put("fullName", "V" + i).put("phone", "05599900" + (10 + i)).toBuffer())
            .await().statusCode();
      }
      assertThat(statuses).containsExactly(202, 202, 429, 429);
      HttpResponse<Buffer> limitedAnswer = limited.client().post("/v1/crm/forms/" + id + "/leads")
          .putHeader("Content-Type", "application/json").putHeader("X-Form-Key", key).putHeader("Accept-Language", "ar")
          .sendBuffer(new JsonObject().put("fullName", "V").put("phone", "0559990020").toBuffer()).await();
      assertThat(limitedAnswer.statusCode()).isEqualTo(429);
      assertThat(limitedAnswer.getHeader("Retry-After")).matches("[1-9][0-9]*");
      assertThat(limitedAnswer.bodyAsJsonObject().getString("code")).isEqualTo("too_many_submissions");
    }
  }
}
