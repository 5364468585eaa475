package io.moeen.common.i18n;

import static io.moeen.common.i18n.SupportedLocale.AR;
import static io.moeen.common.i18n.SupportedLocale.EN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

  private static final Messages MESSAGES = Messages.load();

  private static Messages bundles(JsonObject english, JsonObject arabic) {
    return Messages.fromJson(Map.of(EN, english, AR, arabic));
  }

  @Nested
  class ArabicPlurals {

    // markers make the chosen CLDR category visible even where two forms read alike
    private final Messages markers = bundles(
        new JsonObject().put("n", "{count, plural, one {one} other {other}}"),
        new JsonObject().put("n", "{count, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}"));

    @ParameterizedTest
    @CsvSource({"0, zero", "1, one", "2, two", "3, few", "10, few", "11, many", "99, many", "100, other", "102, other", "103, few"})
    void cldr_rules_pick_the_arabic_category(int count, String category) {
      assertThat(markers.format(AR, "n", Map.of("count", count))).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 دقيقة", "1, دقيقة واحدة", "2, دقيقتان", "3, 3 دقائق", "11, 11 دقيقة", "100, 100 دقيقة"})
    void minutes_read_naturally_in_arabic(int count, String expected) {
      // compared in ASCII digits so the test holds whichever digits ICU's default for "ar" uses
      assertThat(Digits.toAscii(MESSAGES.format(AR, "time.minutes", Map.of("count", count)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 ثانية", "1, ثانية واحدة", "2, ثانيتان", "3, 3 ثوانٍ", "11, 11 ثانية", "100, 100 ثانية"})
    void seconds_read_naturally_in_arabic(int count, String expected) {
      assertThat(Digits.toAscii(MESSAGES.format(AR, "time.seconds", Map.of("count", count)))).isEqualTo(expected);
    }

    @Test
    void retry_after_two_seconds_uses_the_genitive_dual() {
      assertThat(MESSAGES.format(AR, "error.too_many_requests.detail", Map.of("seconds", 2)))
          .endsWith("بعد ثانيتين.");
      assertThat(MESSAGES.format(AR, "error.too_many_requests.detail", Map.of("seconds", 0)))
          .endsWith("الآن.");
    }
  }

  @Nested
  class EnglishAndNamedArguments {

    @ParameterizedTest
    @CsvSource({"1, 1 minute", "0, 0 minutes", "2, 2 minutes"})
    void minutes_pluralise_in_english(int count, String expected) {
      assertThat(MESSAGES.format(EN, "time.minutes", Map.of("count", count))).isEqualTo(expected);
    }

    @Test
    void named_arguments_fill_the_detail() {
      assertThat(MESSAGES.format(EN, "error.method_not_allowed.detail", Map.of("method", "DELETE", "allowed", "GET, POST")))
          .isEqualTo("DELETE is not allowed here. Allowed: GET, POST.");
    }

    @Test
    void payload_limit_is_formatted_as_an_integer_with_grouping() {
      assertThat(MESSAGES.format(EN, "error.payload_too_large.detail", Map.of("limit", 1_048_576)))
          .isEqualTo("The request body is larger than the limit of 1,048,576 bytes.");
    }

    @Test
    void validation_reason_reads_after_the_field_name_in_both_languages() {
      String english = MESSAGES.format(EN, "validation.required");
      String arabic = MESSAGES.format(AR, "validation.required");
      assertThat(MESSAGES.format(EN, "error.validation_failed.detail", Map.of("field", "phone", "reason", english)))
          .isEqualTo("The request is invalid: phone is required.");
      assertThat(MESSAGES.format(AR, "error.validation_failed.detail", Map.of("field", "phone", "reason", arabic)))
          .isEqualTo("الطلب غير صالح: الحقل «phone» مطلوب.");
    }

    @Test
    void message_without_arguments_formats_as_written() {
      assertThat(MESSAGES.format(AR, "app.name")).isEqualTo("معين");
      assertThat(MESSAGES.format(EN, "error.internal.title")).isEqualTo("Something went wrong");
    }
  }

  @Nested
  class Fallbacks {

    private final Messages partial = bundles(
        new JsonObject().put("only.en", "Hello {name}").put("both", "Both"),
        new JsonObject().put("only.ar", "مرحبا {name}").put("both", "كلاهما"));

    @Test
    void key_missing_in_arabic_uses_english_and_warns() {
      try (CapturedLogs logs = new CapturedLogs()) {
        assertThat(partial.format(AR, "only.en", Map.of("name", "Sara"))).isEqualTo("Hello Sara");
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("only.en", "missing in ar"));
      }
    }

    @Test
    void key_missing_in_english_uses_arabic_and_warns() {
      try (CapturedLogs logs = new CapturedLogs()) {
        assertThat(partial.format(EN, "only.ar", Map.of("name", "سارة"))).isEqualTo("مرحبا سارة");
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("only.ar", "missing in en"));
      }
    }

    @Test
    void key_missing_everywhere_returns_the_key_and_warns() {
      try (CapturedLogs logs = new CapturedLogs()) {
        assertThat(partial.format(EN, "no.such.key")).isEqualTo("no.such.key");
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("no.such.key"));
      }
    }

    @Test
    void wrong_argument_type_returns_the_key_and_warns_instead_of_throwing() {
      try (CapturedLogs logs = new CapturedLogs()) {
        assertThat(MESSAGES.format(EN, "error.payload_too_large.detail", Map.of("limit", "lots")))
            .isEqualTo("error.payload_too_large.detail");
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("error.payload_too_large.detail"));
      }
    }

    @Test
    void missing_or_null_argument_stays_visible_and_warns() {
      Map<String, Object> args = new HashMap<>();
      args.put("field", null);
      try (CapturedLogs logs = new CapturedLogs()) {
        assertThat(MESSAGES.format(EN, "error.validation_failed.detail", args))
            .isEqualTo("The request is invalid: {field} {reason}.");
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("field", "reason"));
      }
    }

    @Test
    void null_argument_map_is_treated_as_no_arguments() {
      assertThat(MESSAGES.format(EN, "app.name", null)).isEqualTo("Moeen");
    }

    @Test
    void has_reports_only_the_locale_asked_about() {
      assertThat(partial.has(EN, "only.en")).isTrue();
      assertThat(partial.has(AR, "only.en")).isFalse();
      assertThat(partial.keys(AR)).containsExactly("both", "only.ar");
    }
  }

  @Nested
  class Loading {

    @Test
    void bad_pattern_fails_loading_naming_locale_and_key() {
      assertThatThrownBy(() -> bundles(
              new JsonObject().put("ok", "fine"),
              new JsonObject().put("broken.key", "{count, plural, one {x}")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ar")
          .hasMessageContaining("broken.key");
    }

    @Test
    void non_string_message_fails_loading_naming_locale_and_key() {
      assertThatThrownBy(() -> bundles(new JsonObject().put("nested", new JsonObject()), new JsonObject()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("en")
          .hasMessageContaining("nested");
    }

    @Test
    void every_supported_locale_needs_a_bundle() {
      assertThatThrownBy(() -> Messages.fromJson(Map.of(EN, new JsonObject())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ar");
    }

    @Test
    void shipped_bundles_load_from_the_classpath() {
      assertThat(MESSAGES.keys(EN)).contains("app.name", "error.not_found.title", "validation.invalid");
    }
  }

  @Test
  void one_message_formats_correctly_from_many_threads_at_once() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = IntStream.range(0, 2_000)
          .mapToObj(i -> pool.submit(() -> Digits.toAscii(MESSAGES.format(AR, "time.minutes", Map.of("count", i % 50)))
              .equals(expectedMinutes(i % 50))))
          .toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String expectedMinutes(int count) {
    if (count == 1) {
      return "دقيقة واحدة";
    }
    if (count == 2) {
      return "دقيقتان";
    }
    return count % 100 >= 3 && count % 100 <= 10 ? count + " دقائق" : count + " دقيقة";
  }
}
