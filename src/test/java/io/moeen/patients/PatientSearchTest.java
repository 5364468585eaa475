package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatientSearchTest {
  static RunningApp app;
  static PatientApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("patient-search");
    api = new PatientApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject search(String query) {
    var response = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients?" + query, "en");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static List<String> englishNames(JsonObject page) {
    List<String> names = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> names.add(((JsonObject) item).getJsonObject("name").getString("en")));
    return names;
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
      "احمد, Ahmed Al-Ghamdi",          // bare alef finds hamza on alef: أحمد
      "أحمد, Ahmed Al-Ghamdi",
      "فاطمه, Fatimah Al-Zahrani",      // ha finds ta marbuta: فاطمة
      "فَاطِمَة, Fatimah Al-Zahrani",    // diacritics ignored
      "فـاطـمة, Fatimah Al-Zahrani",     // tatweel ignored
      "ريم السبيعى, Reem Al-Subaie",     // alef maqsura finds ya
      "عائشه, Aisha Al-Omari",
      "Ahmed, Ahmed Al-Ghamdi",
      "ahMED al-GHAMDI, Ahmed Al-Ghamdi",
      "zahr, Fatimah Al-Zahrani",        // part of a name
      "الغامد, Ahmed Al-Ghamdi"})
  void names_match_however_arabic_is_spelled(String typed, String expected) {
    assertThat(englishNames(search(q(typed)))).containsExactly(expected);
  }

  @Test
  void an_underscore_is_a_plain_character_not_a_wildcard() {
    assertThat(englishNames(search(q("_")))).isEmpty();
  }

  @Test
  void a_literal_percent_sign_is_searched_for_not_a_server_error() {
    assertThat(englishNames(search("q=%25"))).isEmpty();
    assertThat(englishNames(search("q=100%25"))).isEmpty();
  }

  @Test
  void an_international_phone_number_with_an_encoded_plus_is_decoded_once() {
    assertThat(englishNames(search("phone=%2B966550000007"))).containsExactly("Ahmed Al-Ghamdi");
  }

  @Test
  void phone_matches_after_normalization_and_mrn_ignores_case() {
    assertThat(englishNames(search("phone=" + URLEncoder.encode("٠٥٥٠٠٠٠٠٠٨", StandardCharsets.UTF_8))))
        .containsExactly("Fatimah Al-Zahrani");
    assertThat(englishNames(search("phone=0550000009"))).containsExactly("Mohammed Al-Harbi");
    assertThat(englishNames(search("phone=055%20000%200010"))).containsExactly("Reem Al-Subaie");
    assertThat(englishNames(search("mrn=mrn-0000004"))).containsExactly("Reem Al-Subaie");
    assertThat(englishNames(search("mrn=MRN-000000"))).isEmpty();
  }

  @Test
  void results_carry_no_medical_fields_even_for_a_doctor() {
    var page = api.get(DemoAccounts.DOCTOR, "/v1/patients?mrn=MRN-0000001", "en").bodyAsJsonObject();
    JsonObject ahmed = page.getJsonArray("items").getJsonObject(0);
    assertThat(ahmed.containsKey("knownAllergies")).isFalse();
    assertThat(ahmed.containsKey("medicalHistory")).isFalse();
  }

  @Test
  void pages_follow_the_cursor_newest_first_without_gaps_or_repeats() {
    // three newer patients, registered one after another
    for (String name : List.of("Zaid", "Yasir", "Waleed")) {
      assertThat(api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "en", new JsonObject().put("firstNameEn", name))
          .statusCode()).isEqualTo(201);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = search("limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      seen.addAll(englishNames(page));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(8).doesNotHaveDuplicates();
    assertThat(seen.subList(0, 3)).containsExactly("Waleed", "Yasir", "Zaid");
    assertThat(englishNames(search(""))).hasSize(8);
  }

  @Test
  void a_default_page_is_twenty_and_the_contract_caps_limit_at_one_hundred() {
    assertThat(search("").getJsonArray("items")).hasSizeLessThanOrEqualTo(20);
    var tooMany = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients?limit=101", "ar");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.bodyAsJsonObject().getString("field")).isEqualTo("limit");
  }

  @Test
  void a_tampered_cursor_is_400_in_both_languages() {
    var en = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients?cursor=bm90LWEtY3Vyc29y", "en");
    var ar = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients?cursor=bm90LWEtY3Vyc29y", "ar");
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo("invalid_cursor");
    assertThat(ar.bodyAsJsonObject().getString("title")).isEqualTo("مؤشر الصفحة غير صالح");
  }

  @Test
  void an_invalid_phone_filter_is_400_naming_phone() {
    var response = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients?phone=123", "ar");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_phone");
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("phone");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("رقم الجوال غير صالح");
  }

  @Test
  void patients_family_members_and_marketers_may_not_search() {
    for (String account : List.of(DemoAccounts.PATIENT_AHMED, DemoAccounts.FAMILY_YOUSEF, DemoAccounts.MARKETER)) {
      var response = api.get(account, "/v1/patients?q=a", "en");
      assertThat(response.statusCode()).as(account).isEqualTo(403);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
    }
  }

  @Test
  void every_item_is_a_patient_summary() {
    JsonArray items = search(q("Reem")).getJsonArray("items");
    JsonObject reem = items.getJsonObject(0);
    assertThat(reem.getString("medicalRecordNumber")).isEqualTo("MRN-0000004");
    assertThat(reem.getString("id")).isEqualTo(DemoAccounts.REEM_PATIENT_ID.toString());
  }
}
