package io.moeen.patients;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.HashMap;
import java.util.Map;

/** The patient routes as a signed-in demo account calls them; tokens cached per account. */
final class PatientApi {
  private final RunningApp app;
  private final Map<String, String> tokens = new HashMap<>();

  PatientApi(RunningApp app) {
    this.app = app;
  }

  String token(String account) {
    return tokens.computeIfAbsent(account, app::loginAs);
  }

  HttpResponse<Buffer> get(String account, String path, String lang) {
    return app.get(path, lang, token(account));
  }

  HttpResponse<Buffer> post(String account, String path, String lang, JsonObject body) {
    return call(HttpMethod.POST, account, path, lang, body);
  }

  HttpResponse<Buffer> patch(String account, String path, String lang, JsonObject body) {
    return call(HttpMethod.PATCH, account, path, lang, body);
  }

  HttpResponse<Buffer> delete(String account, String path, String lang) {
    return call(HttpMethod.DELETE, account, path, lang, null);
  }

  HttpResponse<Buffer> call(HttpMethod method, String account, String path, String lang, JsonObject body) {
    var request = app.client().request(method, path).putHeader("Authorization", "Bearer " + token(account));
    return app.send(request, lang, body == null ? null : "application/json", body == null ? null : body.encode());
  }

  /** A count with every patient and audit row visible, for "nothing changed" checks. */
  long count(String sqlFrom) {
    return app.pool().withTransaction(conn -> conn
            .query("SELECT set_config('app.patient_access', 'any', true), set_config('app.audit_access', 'any', true)")
            .execute()
            .compose(set -> conn.query("SELECT count(*) AS n FROM " + sqlFrom).execute()))
        .map(rows -> rows.iterator().next().getLong("n"))
        .await();
  }

  static JsonObject walkIn(String nationalId) {
    return new JsonObject()
        .put("firstNameAr", "سلمان").put("lastNameAr", "القرشي")
        .put("firstNameEn", "Salman").put("lastNameEn", "Al-Qurashi")
        .put("dateOfBirth", "1990-05-20").put("gender", "male")
        .put("nationalId", nationalId)
        .put("phone", "0551112233")
        .put("email", "Salman@Example.com")
        .put("address", "حي الملقا، الرياض")
        .put("knownAllergies", new io.vertx.core.json.JsonArray().add("aspirin"))
        .put("emergencyContact", new JsonObject().put("name", "هند القرشي").put("phone", "+966551112244"))
        .put("medicalHistory", "لا يوجد")
        .put("preferredLanguage", "ar");
  }
}
