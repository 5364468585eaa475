package io.moeen.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.reference.ReferenceAddresses;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.moeen.common.i18n.SupportedLocale.AR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request can fail, answered over real HTTP: RFC 9457 problem+json with a stable
 * code, the title and detail the bundle says in the negotiated language, and the request id.
 */
class ProblemResponsesTest {
  private static final Messages MESSAGES = Messages.load();
  private static final String CONVERSIONS = "/v1/calendar/conversions";
  private static final String VALID_CONVERSION = "{\"date\":\"1446-09-01\",\"calendar\":\"hijri\"}";
  private static final long BODY_LIMIT = 2048;
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("problems", Map.of("MOEEN_MAX_BODY_BYTES", String.valueOf(BODY_LIMIT)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Nested
  class MalformedBodies {
    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void json_that_does_not_parse_is_400_malformed_json(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), "application/json", "{\"date\":");
      JsonObject problem = assertProblem(response, locale, 400, "malformed_json", CONVERSIONS, Map.of());
      assertThat(problem.containsKey("field")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_missing_body_is_400_naming_the_body_as_required(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), "application/json", null);
      assertValidation(response, locale, CONVERSIONS, "body", "validation.required");
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_missing_body_without_content_type_is_400_naming_the_body(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), null, null);
      assertValidation(response, locale, CONVERSIONS, "body", "validation.required");
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void json_that_is_not_an_object_is_400_saying_the_body_has_the_wrong_type(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), "application/json", "[1, 2]");
      assertValidation(response, locale, CONVERSIONS, "body", "validation.type");
    }
  }

  @Nested
  class SchemaViolations {
    static Stream<Arguments> violations() {
      List<Arguments> cases = List.of(
          Arguments.of("{\"date\":\"1446-09-01\"}", "calendar", "validation.required"),
          Arguments.of("{\"date\":\"1446-09-01\",\"calendar\":\"julian\"}", "calendar", "validation.enum"),
          Arguments.of("{\"date\":14460901,\"calendar\":\"hijri\"}", "date", "validation.type"),
          Arguments.of("{\"date\":\"1446-09-01\",\"calendar\":\"hijri\",\"extra\":1}", "extra", "validation.unknown_field"),
          Arguments.of("{\"date\":\"1446-09-01111\",\"calendar\":\"hijri\"}", "date", "validation.too_long"),
          Arguments.of("{\"date\":\"14x6-09-01\",\"calendar\":\"hijri\"}", "date", "validation.pattern"),
          Arguments.of("{\"date\":\"1446-09-01\",\"calendar\":\"hijri\",\"digits\":\"roman\"}", "digits", "validation.enum"),
          // a client's odd property name comes back as sent, not percent-encoded or doubled
          Arguments.of("{\"date\":\"1446-09-01\",\"calendar\":\"hijri\",\"nick name.\":1}", "nick name.", "validation.unknown_field"),
          // a declared field that breaks its rule is that field's error, not an "unknown field" echo
          Arguments.of("{\"date\":\"14x6-09-01\",\"calendar\":\"hijri\",\"extra\":1}", "date", "validation.pattern"));
      return Stream.of(SupportedLocale.values())
          .flatMap(locale -> cases.stream().map(c -> Arguments.of(locale, c.get()[0], c.get()[1], c.get()[2])));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
    @MethodSource("violations")
    void body_breaking_the_schema_is_400_naming_the_field_and_the_rule(
        SupportedLocale locale, String body, String field, String reasonKey) {
      var response = app.post(CONVERSIONS, locale.tag(), "application/json", body);
      assertValidation(response, locale, CONVERSIONS, field, reasonKey);
    }

    @Test
    void arabic_validation_detail_reads_as_one_arabic_sentence() {
      var response = app.post(CONVERSIONS, "ar", "application/json", "{\"date\":\"1446-09-01\"}");
      JsonObject problem = response.bodyAsJsonObject();
      assertThat(problem.getString("title")).isEqualTo("طلب غير صالح");
      assertThat(problem.getString("detail")).isEqualTo("الطلب غير صالح: الحقل «calendar» مطلوب.");
    }

    @Test
    void english_validation_detail_names_the_field_and_the_rule() {
      var response = app.post(CONVERSIONS, "en", "application/json", "{\"date\":\"1446-09-01\",\"calendar\":\"julian\"}");
      assertThat(response.bodyAsJsonObject().getString("detail"))
          .isEqualTo("The request is invalid: calendar is not one of the allowed values.");
    }
  }

  @Nested
  class Routing {
    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void an_unknown_route_is_404_not_found(SupportedLocale locale) {
      var response = app.get("/v1/nope", locale.tag());
      assertProblem(response, locale, 404, "not_found", "/v1/nope", Map.of("path", "/v1/nope"));
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_wrong_method_is_405_with_an_allow_header_naming_the_right_one(SupportedLocale locale) {
      var response = app.send(app.client().delete("/v1/languages"), locale.tag(), null, null);
      assertThat(response.getHeader("Allow")).isEqualTo("GET");
      assertProblem(response, locale, 405, "method_not_allowed", "/v1/languages",
          Map.of("method", "DELETE", "allowed", "GET"));
    }

    @ParameterizedTest
    @CsvSource({
        "GET,    /v1/calendar/conversions, POST",
        "PUT,    /v1/i18n/ar,              'GET, OPTIONS'",
        "PATCH,  /v1/languages,            GET",
        "POST,   /v1/settings/public,      'GET, OPTIONS'",
        "POST,   /health/ready,            GET",
        "POST,   /docs/index.html,         GET",
        "DELETE, /docs/assets/swagger-ui.css, GET"})
    void every_405_lists_the_methods_the_path_takes(String method, String path, String allowed) {
      var response = app.send(app.client().request(HttpMethod.valueOf(method), path), "en", null, null);
      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.getHeader("Allow")).isEqualTo(allowed);
      assertThat(response.bodyAsJsonObject().getString("detail")).endsWith("Allowed: " + allowed + ".");
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_path_parameter_breaking_its_pattern_is_400_naming_the_parameter(SupportedLocale locale) {
      var response = app.get("/v1/i18n/f$r", locale.tag());
      assertValidation(response, locale, "/v1/i18n/f$r", "locale", "validation.pattern");
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_bundle_for_an_unsupported_language_is_404_unsupported_locale(SupportedLocale locale) {
      var response = app.get("/v1/i18n/fr", locale.tag());
      assertProblem(response, locale, 404, "unsupported_locale", "/v1/i18n/fr", Map.of("locale", "fr"));
    }
  }

  @Nested
  class BodyLimits {
    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_body_over_the_limit_is_413_naming_the_limit(SupportedLocale locale) {
      String body = "{\"date\":\"" + "1".repeat((int) BODY_LIMIT) + "\",\"calendar\":\"hijri\"}";
      var response = app.post(CONVERSIONS, locale.tag(), "application/json", body);
      assertProblem(response, locale, 413, "payload_too_large", CONVERSIONS, Map.of("limit", BODY_LIMIT));
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_chunked_body_over_the_limit_is_413_too(SupportedLocale locale) {
      HttpClientAgent client = app.clientVertx().createHttpClient();
      try {
        Chunked answer = client.request(HttpMethod.POST, app.port(), "127.0.0.1", CONVERSIONS)
            .compose(request -> {
              request.setChunked(true)
                  .putHeader("Content-Type", "application/json")
                  .putHeader("Accept-Language", locale.tag());
              for (int i = 0; i < 4; i++) {
                request.write(" ".repeat(1000));
              }
              request.end(VALID_CONVERSION);
              return request.response();
            })
            .compose(response -> response.body().map(body -> new Chunked(response.statusCode(),
                response.getHeader("Content-Type"), response.getHeader("X-Request-Id"), body.toJsonObject())))
            .await();
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problem().getString("code")).isEqualTo("payload_too_large");
        assertThat(answer.problem().getString("requestId")).isEqualTo(answer.requestId());
        assertThat(answer.problem().getString("detail")).isEqualTo(MESSAGES.format(locale,
            "error.payload_too_large.detail", Map.of("limit", BODY_LIMIT)));
      } finally {
        client.close().await();
      }
    }

    @Test
    void a_body_just_under_the_limit_is_read_and_served() {
      String padded = VALID_CONVERSION + " ".repeat((int) BODY_LIMIT - VALID_CONVERSION.length() - 1);
      var response = app.post(CONVERSIONS, "en", "application/json", padded);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  private record Chunked(int status, String contentType, String requestId, JsonObject problem) {
  }

  @Nested
  class MediaTypes {
    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_body_in_a_media_type_the_operation_does_not_take_is_415(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), "text/plain", VALID_CONVERSION);
      assertProblem(response, locale, 415, "unsupported_media_type", CONVERSIONS,
          Map.of("contentType", "text/plain", "supported", "application/json"));
    }

    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_body_without_content_type_is_415_saying_none_was_given(SupportedLocale locale) {
      var response = app.post(CONVERSIONS, locale.tag(), null, VALID_CONVERSION);
      JsonObject problem = assertProblem(response, locale, 415, "unsupported_media_type", CONVERSIONS,
          Map.of("contentType", "none", "supported", "application/json"));
      assertThat(problem.getString("detail")).isEqualTo(locale == AR
          ? "لم يذكر الطلب نوع محتواه. استخدم application/json."
          : "The request body has no Content-Type. Use application/json.");
    }

    @Test
    void json_with_a_charset_parameter_is_accepted() {
      var response = app.post(CONVERSIONS, "en", "application/json; charset=utf-8", VALID_CONVERSION);
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class InternalFailures {
    @ParameterizedTest
    @EnumSource(SupportedLocale.class)
    void a_real_database_failure_is_500_with_nothing_but_the_request_id(SupportedLocale locale) {
      ServiceLog log = ServiceLog.attach();
      app.asOwner("ALTER TABLE system_settings RENAME TO system_settings_gone");
      // the public settings are served from memory: announced as changed, they are read again
      app.application().vertx().eventBus().publish(ReferenceAddresses.SETTINGS_CHANGED, new JsonObject());
      HttpResponse<Buffer> response;
      try {
        response = app.get("/v1/settings/public", locale.tag());
      } finally {
        app.asOwner("ALTER TABLE system_settings_gone RENAME TO system_settings");
        log.detach();
      }
      String requestId = response.getHeader("X-Request-Id");
      JsonObject problem = assertProblem(response, locale, 500, "internal", "/v1/settings/public", Map.of());
      assertThat(problem.getString("detail")).contains(requestId);
      assertThat(response.bodyAsString()).doesNotContain("system_settings", "Exception", "at io.", "SQL", "relation");
      assertThat(log.errorsFor(requestId)).as("the failure is logged under the same request id").isNotEmpty();
      if (locale == AR) {
        assertThat(problem.getString("title")).isEqualTo("حدث خطأ ما");
      }
    }

    @Test
    void the_service_answers_again_once_the_failure_is_gone() {
      assertThat(app.get("/v1/settings/public", "en").statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class LocaleNegotiation {
    @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ar                     | ar",
        "ar-SA                  | ar",
        "en-US;q=0.8            | en",
        "en-US;q=0.8, ar;q=0.9  | ar",
        "en-GB, ar;q=0.5        | en",
        "fr                     | ar",
        "''                     | ar"})
    void the_answer_is_in_the_best_language_the_client_accepts(String header, String expected) {
      var settings = app.get("/v1/settings/public", header.isEmpty() ? null : header);
      assertThat(settings.getHeader("Content-Language")).isEqualTo(expected);
      assertThat(settings.bodyAsJsonObject().getString("locale")).isEqualTo(expected);

      var problem = app.get("/v1/nope", header.isEmpty() ? null : header);
      assertThat(problem.getHeader("Content-Language")).isEqualTo(expected);
      SupportedLocale locale = SupportedLocale.fromTag(expected).orElseThrow();
      assertThat(problem.bodyAsJsonObject().getString("title")).isEqualTo(MESSAGES.format(locale, "error.not_found.title"));
    }

    @Test
    void without_accept_language_the_default_is_arabic() {
      var response = app.get("/v1/nope", null);
      assertThat(response.getHeader("Content-Language")).isEqualTo("ar");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("المورد غير موجود");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenTheClinicDefaultIsEnglish {
      private RunningApp english;

      @BeforeAll
      void start() {
        english = RunningApp.start("problems_default_en", Map.of("MOEEN_DEFAULT_LOCALE", "en"));
      }

      @AfterAll
      void stop() {
        english.close();
      }

      @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
      @CsvSource(delimiter = '|', value = {"fr | en", "'' | en", "ar | ar", "fr, ar;q=0.1 | ar"})
      void an_unsupported_or_missing_language_falls_back_to_english(String header, String expected) {
        var response = english.get("/v1/nope", header.isEmpty() ? null : header);
        assertThat(response.getHeader("Content-Language")).isEqualTo(expected);
        SupportedLocale locale = SupportedLocale.fromTag(expected).orElseThrow();
        assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo(MESSAGES.format(locale, "error.not_found.title"));
      }

      @Test
      void public_settings_name_english_as_the_default() {
        var settings = english.get("/v1/settings/public", null).bodyAsJsonObject();
        assertThat(settings.getString("locale")).isEqualTo("en");
        assertThat(settings.getString("defaultLocale")).isEqualTo("en");
        assertThat(settings.getJsonObject("settings").getString("clinic.name")).isEqualTo("Moeen Medical Complex");
      }
    }
  }

  @Nested
  class RequestIds {
    @Test
    void a_sane_incoming_request_id_is_echoed_in_header_and_problem() {
      String given = "trace-2025.03_01-abc";
      var response = app.send(app.client().get("/v1/nope").putHeader("X-Request-Id", given), "en", null, null);
      assertThat(response.getHeader("X-Request-Id")).isEqualTo(given);
      assertThat(response.bodyAsJsonObject().getString("requestId")).isEqualTo(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces in it", "short", "semi;colon-12345", "عربي-12345678"})
    void a_garbage_request_id_is_replaced_by_a_fresh_uuid(String garbage) {
      var response = app.send(app.client().get("/v1/nope").putHeader("X-Request-Id", garbage), "en", null, null);
      assertReplaced(response, garbage);
    }

    @Test
    void an_overlong_request_id_is_replaced_by_a_fresh_uuid() {
      String overlong = "a".repeat(200);
      var response = app.send(app.client().get("/v1/languages").putHeader("X-Request-Id", overlong), "en", null, null);
      assertReplaced(response, overlong);
    }

    @Test
    void two_requests_get_different_ids() {
      String first = app.get("/v1/languages", "en").getHeader("X-Request-Id");
      String second = app.get("/v1/languages", "en").getHeader("X-Request-Id");
      assertThat(first).matches(UUID);
      assertThat(second).matches(UUID).isNotEqualTo(first);
    }

    private void assertReplaced(HttpResponse<Buffer> response, String garbage) {
      String id = response.getHeader("X-Request-Id");
      assertThat(id).matches(UUID).isNotEqualTo(garbage);
      if (response.statusCode() >= 400) {
        assertThat(response.bodyAsJsonObject().getString("requestId")).isEqualTo(id);
      }
    }
  }

  // ---- the shape every problem has ----

  private static JsonObject assertValidation(HttpResponse<Buffer> response, SupportedLocale locale, String instance,
                                             String field, String reasonKey) {
    JsonObject problem = assertProblem(response, locale, 400, "validation_failed", instance,
        Map.of("field", field, "reason", MESSAGES.format(locale, reasonKey)));
    assertThat(problem.getString("field")).isEqualTo(field);
    return problem;
  }

  /** Status, media type, language, code, type, texts from the bundle, status field, instance and request id. */
  private static JsonObject assertProblem(HttpResponse<Buffer> response, SupportedLocale locale, int status,
                                          String code, String instance, Map<String, ?> args) {
    assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(response.getHeader("Content-Language")).isEqualTo(locale.tag());
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    String requestId = response.getHeader("X-Request-Id");
    assertThat(requestId).isNotBlank();

    JsonObject problem = response.bodyAsJsonObject();
    Map<String, Object> all = new HashMap<>(args);
    all.put("requestId", requestId);
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("type")).endsWith("/" + code);
    assertThat(problem.getString("title")).isEqualTo(MESSAGES.format(locale, "error." + code + ".title", all));
    assertThat(problem.getString("detail")).isEqualTo(MESSAGES.format(locale, "error." + code + ".detail", all));
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("instance")).isEqualTo(instance);
    assertThat(problem.getString("requestId")).isEqualTo(requestId);
    assertThat(problem.getString("detail")).doesNotContain("{", "}");
    if (locale == AR) {
      assertThat(problem.getString("title")).as("an Arabic title").containsPattern("\\p{IsArabic}");
    } else {
      assertThat(problem.getString("title") + problem.getString("detail")).as("no Arabic in English")
          .doesNotContainPattern("\\p{IsArabic}");
    }
    return problem;
  }

  /** Error lines the service verticles log, with the request id they were logged under. */
  private static final class ServiceLog extends AppenderBase<ILoggingEvent> {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServiceVerticle.class);
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    static ServiceLog attach() {
      ServiceLog log = new ServiceLog();
      log.start();
      log.logger.addAppender(log);
      return log;
    }

    void detach() {
      logger.detachAppender(this);
      stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      events.add(event);
    }

    List<ILoggingEvent> errorsFor(String requestId) {
      return events.stream()
          .filter(e -> e.getLevel() == Level.ERROR)
          .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
          .toList();
    }
  }
}
