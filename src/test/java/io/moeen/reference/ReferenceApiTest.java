package io.moeen.reference;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every client reads first, over real HTTP against the demo data in a real PostgreSQL. */
class ReferenceApiTest {
  private static final Messages MESSAGES = Messages.load();
  private static final String CONVERSIONS = "/v1/calendar/conversions";
  private static final String ARABIC_INDIC_DIGIT = "[\\u0660-\\u0669]";

  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("reference_api");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** What a writer of settings, translations or languages does after its commit (none in the service yet). */
  private static void announce(String address) {
    app.application().vertx().eventBus().publish(address, new JsonObject());
  }

  @Nested
  class PublicSettings {
    @Test
    void arabic_settings_carry_the_clinic_name_in_arabic() {
      var response = app.get("/v1/settings/public", "ar");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Language")).isEqualTo("ar");
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("locale")).isEqualTo("ar");
      assertThat(body.getString("defaultLocale")).isEqualTo("ar");
      assertThat(body.getString("timeZone")).isEqualTo("Asia/Riyadh");
      JsonObject settings = body.getJsonObject("settings");
      assertThat(settings.getString("clinic.name")).isEqualTo("مجمع معين الطبي");
      assertThat(settings.getString("clinic.address")).isEqualTo("طريق الملك فهد، العليا، الرياض ١٢٢١٤");
    }

    @Test
    void english_settings_carry_the_clinic_name_in_english() {
      JsonObject body = app.get("/v1/settings/public", "en").bodyAsJsonObject();
      assertThat(body.getString("locale")).isEqualTo("en");
      assertThat(body.getString("defaultLocale")).isEqualTo("ar");
      assertThat(body.getString("timeZone")).isEqualTo("Asia/Riyadh");
      JsonObject settings = body.getJsonObject("settings");
      assertThat(settings.getString("clinic.name")).isEqualTo("Moeen Medical Complex");
      assertThat(settings.getString("clinic.currency")).isEqualTo("SAR");
      assertThat(settings.getInteger("booking.horizon_days")).isEqualTo(60);
      assertThat(settings.getBoolean("chatbot.enabled")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void settings_for_staff_only_are_never_public(String language) {
      JsonObject settings = app.get("/v1/settings/public", language).bodyAsJsonObject().getJsonObject("settings");
      assertThat(settings.fieldNames())
          .doesNotContain("booking.max_active_per_patient", "notifications.quiet_hours")
          .contains("clinic.name", "clinic.phone", "clinic.vat_rate");
    }

    @Test
    void a_setting_untranslated_into_the_requested_language_falls_back_to_the_default_language() {
      Tuple english = Tuple.of("system_setting", "clinic.name", "value", "en");
      app.pool().preparedQuery("DELETE FROM translations WHERE entity_type = $1 AND entity_id = $2 AND field = $3 AND locale = $4")
          .execute(english).await();
      announce(ReferenceAddresses.SETTINGS_CHANGED);
      try {
        JsonObject settings = app.get("/v1/settings/public", "en").bodyAsJsonObject().getJsonObject("settings");
        assertThat(settings.getString("clinic.name")).isEqualTo("مجمع معين الطبي");
      } finally {
        app.pool().preparedQuery("INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ($1, $2, $3, $4, $5)")
            .execute(english.addString("Moeen Medical Complex")).await();
        announce(ReferenceAddresses.SETTINGS_CHANGED);
      }
      assertThat(app.get("/v1/settings/public", "en").bodyAsJsonObject().getJsonObject("settings").getString("clinic.name"))
          .isEqualTo("Moeen Medical Complex");
    }

    @Test
    void a_setting_made_localizable_is_served_from_its_translations() {
      Tuple added = Tuple.of("system_setting", "clinic.currency", "value", "ar");
      app.pool().preparedQuery("UPDATE system_settings SET is_localized = true WHERE key = 'clinic.currency'").execute().await();
      app.pool().preparedQuery("INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES ($1, $2, $3, $4, $5)")
          .execute(Tuple.of("system_setting", "clinic.currency", "value", "ar", "ريال سعودي")).await();
      announce(ReferenceAddresses.SETTINGS_CHANGED);
      try {
        assertThat(settings("ar").getString("clinic.currency")).isEqualTo("ريال سعودي");
        // English has no translation and falls back to the default language's
        assertThat(settings("en").getString("clinic.currency")).isEqualTo("ريال سعودي");
      } finally {
        app.pool().preparedQuery("DELETE FROM translations WHERE entity_type = $1 AND entity_id = $2 AND field = $3 AND locale = $4")
            .execute(added).await();
        app.pool().preparedQuery("UPDATE system_settings SET is_localized = false WHERE key = 'clinic.currency'").execute().await();
        announce(ReferenceAddresses.SETTINGS_CHANGED);
      }
      assertThat(settings("en").getString("clinic.currency")).isEqualTo("SAR");
    }

    @Test
    void a_change_is_served_from_memory_until_announced_and_then_on_the_next_read() {
      announce(ReferenceAddresses.SETTINGS_CHANGED); // a fresh copy in memory, far from its expiry
      String before = settings("en").getString("clinic.phone");
      String stored = app.pool().query("SELECT value::text FROM system_settings WHERE key = 'clinic.phone'").execute().await()
          .iterator().next().getString(0);
      app.pool().query("UPDATE system_settings SET value = '\"+966110000000\"' WHERE key = 'clinic.phone'").execute().await();
      try {
        // not announced: the copy in memory is still served (until ReferenceCache.TTL)
        assertThat(settings("en").getString("clinic.phone")).isEqualTo(before);
        announce(ReferenceAddresses.SETTINGS_CHANGED);
        assertThat(settings("en").getString("clinic.phone")).isEqualTo("+966110000000");
        assertThat(settings("ar").getString("clinic.phone")).isEqualTo("+966110000000");
      } finally {
        app.pool().preparedQuery("UPDATE system_settings SET value = $1::text::jsonb WHERE key = 'clinic.phone'")
            .execute(Tuple.of(stored)).await();
        announce(ReferenceAddresses.SETTINGS_CHANGED);
      }
      assertThat(settings("en").getString("clinic.phone")).isEqualTo(before);
    }

    private JsonObject settings(String language) {
      return app.get("/v1/settings/public", language).bodyAsJsonObject().getJsonObject("settings");
    }
  }

  @Nested
  class Languages {
    @Test
    void arabic_comes_first_with_names_in_arabic() {
      JsonArray items = app.get("/v1/languages", "ar").bodyAsJsonObject().getJsonArray("items");
      assertThat(items).hasSize(2);
      assertThat(items.getJsonObject(0).getMap()).containsExactlyInAnyOrderEntriesOf(
          Map.of("code", "ar", "name", "العربية", "nativeName", "العربية", "direction", "rtl"));
      assertThat(items.getJsonObject(1).getMap()).containsExactlyInAnyOrderEntriesOf(
          Map.of("code", "en", "name", "الإنجليزية", "nativeName", "English", "direction", "ltr"));
    }

    @Test
    void in_english_the_names_are_english() {
      JsonArray items = app.get("/v1/languages", "en").bodyAsJsonObject().getJsonArray("items");
      assertThat(items.stream().map(i -> ((JsonObject) i).getString("code"))).containsExactly("ar", "en");
      assertThat(items.stream().map(i -> ((JsonObject) i).getString("name"))).containsExactly("Arabic", "English");
      assertThat(items.getJsonObject(0).getString("nativeName")).isEqualTo("العربية");
    }

    @Test
    void an_inactive_language_is_not_listed() {
      app.pool().query("UPDATE languages SET is_active = false WHERE code = 'en'").execute().await();
      announce(ReferenceAddresses.LANGUAGES_CHANGED);
      try {
        JsonArray items = app.get("/v1/languages", "en").bodyAsJsonObject().getJsonArray("items");
        assertThat(items.stream().map(i -> ((JsonObject) i).getString("code"))).containsExactly("ar");
      } finally {
        app.pool().query("UPDATE languages SET is_active = true WHERE code = 'en'").execute().await();
        announce(ReferenceAddresses.LANGUAGES_CHANGED);
      }
      assertThat(app.get("/v1/languages", "en").bodyAsJsonObject().getJsonArray("items")).hasSize(2);
    }
  }

  @Nested
  class ClientBundles {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ar, ar, rtl", "ar-SA, ar, rtl", "en, en, ltr", "en-GB, en, ltr"})
    void a_bundle_holds_every_message_of_its_language_with_direction_and_etag(String tag, String locale, String direction) {
      var response = app.get("/v1/i18n/" + tag, null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("ETag")).matches("\"[0-9a-f]{32}\"");
      assertThat(response.getHeader("Cache-Control")).contains("max-age");
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("locale")).isEqualTo(locale);
      assertThat(body.getString("direction")).isEqualTo(direction);
      SupportedLocale expected = SupportedLocale.fromTag(locale).orElseThrow();
      assertThat(body.getJsonObject("messages").getMap()).isEqualTo(Map.copyOf(MESSAGES.bundle(expected)));
    }

    @Test
    void the_arabic_bundle_is_arabic_text() {
      JsonObject messages = app.get("/v1/i18n/ar", "en").bodyAsJsonObject().getJsonObject("messages");
      assertThat(messages.getString("app.name")).isEqualTo("معين");
      assertThat(messages.getString("error.not_found.title")).isEqualTo("المورد غير موجود");
    }

    @Test
    void the_bundle_does_not_depend_on_the_request_language_but_differs_between_languages() {
      String arabic = app.get("/v1/i18n/ar", "ar").getHeader("ETag");
      assertThat(app.get("/v1/i18n/ar", "en").getHeader("ETag")).isEqualTo(arabic);
      assertThat(app.get("/v1/i18n/ar-SA", "en").getHeader("ETag")).isEqualTo(arabic);
      assertThat(app.get("/v1/i18n/en", "ar").getHeader("ETag")).isNotEqualTo(arabic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void sending_the_etag_back_gives_304_with_an_empty_body(String tag) {
      String etag = app.get("/v1/i18n/" + tag, null).getHeader("ETag");
      var response = revalidate(tag, etag);
      assertThat(response.statusCode()).isEqualTo(304);
      assertThat(response.body() == null ? 0 : response.body().length()).isZero();
      assertThat(response.getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void a_weak_or_listed_or_wildcard_etag_revalidates_too() {
      String etag = app.get("/v1/i18n/en", null).getHeader("ETag");
      assertThat(revalidate("en", "W/" + etag).statusCode()).isEqualTo(304);
      assertThat(revalidate("en", "\"stale\", " + etag).statusCode()).isEqualTo(304);
      assertThat(revalidate("en", "*").statusCode()).isEqualTo(304);
    }

    @Test
    void a_different_etag_gives_the_full_bundle() {
      String arabic = app.get("/v1/i18n/ar", null).getHeader("ETag");
      var response = revalidate("en", arabic);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("locale")).isEqualTo("en");
      assertThat(revalidate("en", "\"0000\"").statusCode()).isEqualTo(200);
    }

    private HttpResponse<Buffer> revalidate(String tag, String ifNoneMatch) {
      return app.send(app.client().get("/v1/i18n/" + tag).putHeader("If-None-Match", ifNoneMatch), null, null, null);
    }
  }

  @Nested
  class CalendarConversions {
    @Test
    void first_of_ramadan_1446_is_the_first_of_march_2025_in_arabic() {
      JsonObject body = convert("ar", "1446-09-01", "hijri", null);
      assertThat(body.getJsonObject("gregorian").getString("date")).isEqualTo("2025-03-01");
      assertThat(body.getBoolean("isRamadan")).isTrue();
      JsonObject hijri = body.getJsonObject("hijri");
      assertThat(hijri.getMap()).containsEntry("year", 1446).containsEntry("month", 9).containsEntry("day", 1)
          .containsEntry("date", "1446-09-01").containsEntry("monthName", "رمضان").containsEntry("monthLength", 29);
      assertThat(hijri.getString("text")).contains("رمضان").doesNotContainPattern("[0-9]");
      assertThat(body.getJsonObject("gregorian").getString("text")).contains("مارس").doesNotContainPattern("[0-9]");
    }

    @Test
    void first_of_ramadan_1446_in_english_names_the_month_in_english() {
      JsonObject body = convert("en", "1446-09-01", "hijri", null);
      assertThat(body.getJsonObject("gregorian").getString("date")).isEqualTo("2025-03-01");
      assertThat(body.getJsonObject("gregorian").getString("text")).isEqualTo("Saturday, March 1, 2025");
      assertThat(body.getJsonObject("hijri").getString("monthName")).isEqualTo("Ramadan");
      assertThat(body.getJsonObject("hijri").getString("text")).contains("Ramadan").doesNotContainPattern(ARABIC_INDIC_DIGIT);
      assertThat(body.getBoolean("isRamadan")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ar, شوال", "en, Shawwal"})
    void eid_al_fitr_2025_is_the_first_of_shawwal_1446(String language, String monthName) {
      JsonObject body = convert(language, "2025-03-30", "gregorian", null);
      JsonObject hijri = body.getJsonObject("hijri");
      assertThat(hijri.getString("date")).isEqualTo("1446-10-01");
      assertThat(hijri.getString("monthName")).isEqualTo(monthName);
      assertThat(body.getBoolean("isRamadan")).isFalse();
      assertThat(body.getJsonObject("gregorian").getString("date")).isEqualTo("2025-03-30");
    }

    @Test
    void the_last_day_of_ramadan_1446_is_still_ramadan() {
      JsonObject body = convert("en", "2025-03-29", "gregorian", null);
      assertThat(body.getJsonObject("hijri").getString("date")).isEqualTo("1446-09-29");
      assertThat(body.getBoolean("isRamadan")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"١٤٤٦-٠٩-٠١", "۱۴۴۶-۰۹-۰۱", "1446-9-1"})
    void digits_may_be_arabic_indic_persian_or_unpadded_latin(String written) {
      JsonObject body = convert("ar", written, "hijri", null);
      assertThat(body.getJsonObject("gregorian").getString("date")).isEqualTo("2025-03-01");
      assertThat(body.getJsonObject("hijri").getString("date")).isEqualTo("1446-09-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void digits_arabic_writes_the_dates_with_arabic_indic_digits_only(String language) {
      JsonObject body = convert(language, "2025-03-01", "gregorian", "arabic");
      for (String text : texts(body)) {
        assertThat(text).containsPattern(ARABIC_INDIC_DIGIT).doesNotContainPattern("[0-9]");
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void digits_latin_writes_the_dates_with_latin_digits_only(String language) {
      JsonObject body = convert(language, "2025-03-01", "gregorian", "latin");
      for (String text : texts(body)) {
        assertThat(text).containsPattern("[0-9]").doesNotContainPattern(ARABIC_INDIC_DIGIT);
      }
    }

    @Test
    void without_digits_arabic_answers_use_arabic_indic_and_english_ones_latin() {
      assertThat(texts(convert("ar", "2025-03-01", "gregorian", null)))
          .allSatisfy(text -> assertThat(text).doesNotContainPattern("[0-9]"));
      assertThat(texts(convert("en", "2025-03-01", "gregorian", null)))
          .allSatisfy(text -> assertThat(text).doesNotContainPattern(ARABIC_INDIC_DIGIT));
    }

    static Stream<Arguments> invalidDates() {
      List<String[]> dates = List.of(
          new String[] {"1446-09-30", "hijri"},      // Ramadan 1446 has 29 days
          new String[] {"1446-13-01", "hijri"},
          new String[] {"1446-00-01", "hijri"},
          new String[] {"1446-09-00", "hijri"},
          new String[] {"0001-01-01", "hijri"},      // outside the Umm al-Qura table
          new String[] {"1200-01-01", "hijri"},
          new String[] {"1601-01-01", "hijri"},
          new String[] {"2025-02-30", "gregorian"},
          new String[] {"2025-13-01", "gregorian"},
          new String[] {"1800-01-01", "gregorian"},  // before 1300 AH
          new String[] {"2200-01-01", "gregorian"},  // after 1600 AH
          new String[] {"0000-01-01", "gregorian"}); // once a 500: ICU's arithmetic gave Hijri year -641
      return Stream.of(SupportedLocale.values())
          .flatMap(locale -> dates.stream().map(d -> Arguments.of(locale, d[0], d[1])));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("invalidDates")
    void a_date_the_calendar_does_not_have_is_400_invalid_date_naming_the_field(
        SupportedLocale locale, String date, String calendar) {
      var response = post(locale.tag(), request(date, calendar, null));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
      JsonObject problem = response.bodyAsJsonObject();
      assertThat(problem.getString("code")).isEqualTo("invalid_date");
      assertThat(problem.getString("type")).endsWith("/invalid_date");
      assertThat(problem.getString("field")).isEqualTo("date");
      assertThat(problem.getInteger("status")).isEqualTo(400);
      assertThat(problem.getString("requestId")).isEqualTo(response.getHeader("X-Request-Id"));
      assertThat(problem.getString("title")).isEqualTo(MESSAGES.format(locale, "error.invalid_date.title"));
      assertThat(problem.getString("detail")).isEqualTo(MESSAGES.format(locale, "error.invalid_date.detail",
          Map.of("value", date, "calendar", MESSAGES.format(locale, "calendar." + calendar))));
    }

    @Test
    void an_invalid_hijri_date_reads_right_in_arabic() {
      JsonObject problem = post("ar", request("1446-09-30", "hijri", null)).bodyAsJsonObject();
      assertThat(problem.getString("title")).isEqualTo("تاريخ غير صالح");
      assertThat(problem.getString("detail")).isEqualTo("القيمة 1446-09-30 ليست تاريخًا صالحًا في تقويم هجري (أم القرى).");
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void the_ends_of_the_supported_range_convert(SupportedLocale locale) {
      assertThat(convert(locale.tag(), "1300-01-01", "hijri", null).getJsonObject("gregorian").getString("date"))
          .isEqualTo("1882-11-12");
      assertThat(convert(locale.tag(), "2174-11-25", "gregorian", null).getJsonObject("hijri").getString("date"))
          .isEqualTo("1600-12-30");
    }

    private List<String> texts(JsonObject body) {
      return List.of(body.getJsonObject("gregorian").getString("text"), body.getJsonObject("hijri").getString("text"));
    }

    private JsonObject convert(String language, String date, String calendar, String digits) {
      var response = post(language, request(date, calendar, digits));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      assertThat(response.getHeader("Content-Language")).isEqualTo(language);
      return response.bodyAsJsonObject();
    }

    private JsonObject request(String date, String calendar, String digits) {
      JsonObject request = new JsonObject().put("date", date).put("calendar", calendar);
      return digits == null ? request : request.put("digits", digits);
    }

    private HttpResponse<Buffer> post(String language, JsonObject request) {
      return app.post(CONVERSIONS, language, "application/json", request.encode());
    }
  }
}
