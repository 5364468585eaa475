package io.moeen.web;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the web feature serves, over HTTP: where, with which headers, and what it refuses. */
class WebPagesTest {
  private static final Pattern ASSETS = Pattern.compile("/app/a/[0-9a-f]{12}");
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("web-pages");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> get(String path, String... headers) {
    var request = app.client().request(HttpMethod.GET, path);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return request.send().await();
  }

  static String assets() {
    Matcher m = ASSETS.matcher(get("/widget.js").bodyAsString());
    assertThat(m.find()).as("widget.js names the hashed assets").isTrue();
    return m.group();
  }

  @Nested
  class Pages {
    @ParameterizedTest
    @ValueSource(strings = {"/app/", "/app/demo/", "/app/demo/index.html", "/app/demo/en.html", "/app/portal/", "/app/console/"})
    void pages_are_html_under_a_strict_policy_and_short_cached(String path) {
      HttpResponse<Buffer> page = get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(page.getHeader("Content-Security-Policy"))
          .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(page.getHeader("Cache-Control")).isEqualTo("public, max-age=300, must-revalidate");
      assertThat(page.getHeader("ETag")).matches("\"[0-9a-f]{24}\"");
      assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff"); // the API's hardening applies
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/", "/app/demo/", "/app/demo/en.html"})
    void pages_have_no_inline_script_or_style_and_link_the_hashed_assets(String path) {
      String html = get(path).bodyAsString();
      assertThat(html).doesNotContain("{{assets}}").doesNotContainPattern("\\sstyle=").doesNotContain("<style")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=");
      assertThat(html).contains(assets() + "/demo/demo.css");
      assertThat(html).containsPattern("<html lang=\"(ar|en)\" dir=\"(rtl|ltr)\">");
    }

    @Test
    void an_etag_sent_back_gets_304_without_a_body() {
      String etag = get("/app/demo/").getHeader("ETag");
      HttpResponse<Buffer> again = get("/app/demo/", "If-None-Match", etag);
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(again.body()).isNull();
    }
  }

  @Nested
  class Widget {
    @Test
    @DisplayName("widget.js is short-cached, revalidated by ETag, loadable from any website, and gzipped")
    void widget_script_is_short_cached_and_compressed() {
      HttpResponse<Buffer> plain = get("/widget.js");
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.getHeader("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
      assertThat(plain.getHeader("Cache-Control")).isEqualTo("public, max-age=300, must-revalidate");
      assertThat(plain.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(plain.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
      assertThat(get("/widget.js", "If-None-Match", plain.getHeader("ETag")).statusCode()).isEqualTo(304);

      HttpResponse<Buffer> zipped = get("/widget.js", "Accept-Encoding", "gzip");
      assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
      assertThat(zipped.getHeader("Vary")).contains("Accept-Encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widget/widget.js", "/widget/view.js", "/widget/widget.css", "/fonts/NotoNaskhArabic-Regular.ttf",
        "/fonts/OFL.txt"})
    void hashed_assets_are_immutable_for_a_year(String asset) {
      HttpResponse<Buffer> response = get(assets() + asset);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
      assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void the_font_is_served_as_a_font_with_its_licence_beside_it() {
      assertThat(get(assets() + "/fonts/NotoNaskhArabic-Regular.ttf").getHeader("Content-Type")).isEqualTo("font/ttf");
      assertThat(get(assets() + "/fonts/OFL.txt").bodyAsString()).contains("SIL Open Font License, Version 1.1");
    }
  }

  @Nested
  class Refusals {
    @ParameterizedTest
    @ValueSource(strings = {"/app/nope.html", "/app/a/000000000000/widget/widget.js", "/app/demo", "/app//demo/",
        "/app/demo/../demo/", "/app/%64emo/", "/widget.js/"})
    void unknown_or_non_canonical_paths_are_a_localized_404(String path) {
      HttpResponse<Buffer> response = app.get(path, "ar");
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("not_found");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("المورد غير موجود");
    }

    @Test
    void other_methods_are_405_naming_get() {
      HttpResponse<Buffer> response = app.post("/app/demo/", "en", "application/json", "{}");
      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.getHeader("Allow")).contains("GET");
    }

    @Test
    void head_answers_like_get_without_a_body() {
      HttpResponse<Buffer> head = app.client().request(HttpMethod.HEAD, "/widget.js").send().await();
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.getHeader("ETag")).isEqualTo(get("/widget.js").getHeader("ETag"));
    }
  }

  /** The widget runs on the clinic's own website, another origin: the calls it makes, and only those, allow that. */
  @Nested
  class FromOtherWebsites {
    static final String SITE = "https://clinic.example";

    @Test
    void the_preflight_of_a_chat_message_allows_the_chat_token_header() {
      HttpResponse<Buffer> preflight = app.client().request(HttpMethod.OPTIONS,
              "/v1/chat/sessions/6f1c1e0e-0000-4000-8000-000000000000/messages")
          .putHeader("Origin", SITE)
          .putHeader("Access-Control-Request-Method", "POST")
          .putHeader("Access-Control-Request-Headers", "content-type, x-chat-token")
          .send().await();
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
      assertThat(preflight.getHeader("Access-Control-Allow-Headers")).contains("X-Chat-Token", "Content-Type");
      assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void a_new_session_and_its_refusals_are_readable_by_the_page() {
      HttpResponse<Buffer> created = app.client().post("/v1/chat/sessions").putHeader("Origin", SITE)
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"locale\":\"en\"}")).await();
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
      HttpResponse<Buffer> refused = app.client().get("/v1/chat/sessions/6f1c1e0e-0000-4000-8000-000000000000/messages")
          .putHeader("Origin", SITE).putHeader("X-Chat-Token", "wrong").send().await();
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.getHeader("Access-Control-Allow-Origin")).as("the page reads the localized problem").isEqualTo("*");
      assertThat(refused.getHeader("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/auth/login", "/v1/auth/register", "/v1/me"})
    void other_operations_allow_no_other_origin(String path) {
      HttpResponse<Buffer> preflight = app.client().request(HttpMethod.OPTIONS, path).putHeader("Origin", SITE)
          .putHeader("Access-Control-Request-Method", "POST").send().await();
      assertThat(preflight.statusCode()).isEqualTo(405);
      assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
      HttpResponse<Buffer> call = app.client().post(path).putHeader("Origin", SITE)
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}")).await();
      assertThat(call.getHeader("Access-Control-Allow-Origin")).isNull();
    }
  }
}
