package io.moeen.api;

import io.moeen.testing.ContractDocument;
import io.moeen.testing.HeadlessBrowser;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.impl.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes outside the contract: health, metrics, the contract and its rendering. */
class OperationalRoutesTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("operational");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void liveness_is_up_while_the_process_runs() {
    var response = app.get("/health/live", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
  }

  @Test
  void readiness_checks_the_database_and_without_redis_only_the_database() {
    var response = app.get("/health/ready", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactly("database");
  }

  @Test
  void metrics_are_prometheus_text_and_count_requests_by_route() {
    app.get("/v1/languages", "en");
    var response = app.get("/metrics", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(response.bodyAsString())
        .contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/v1/languages\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void head_is_answered_wherever_get_is_without_a_body() {
    var get = app.get("/v1/languages", "ar");
    var head = app.send(app.client().head("/v1/languages"), "ar", null, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isNull();
    assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
    assertThat(head.getHeader("Content-Language")).isEqualTo("ar");
    assertThat(app.send(app.client().head("/health/live"), null, null, null).statusCode()).isEqualTo(200);
    assertThat(app.send(app.client().head("/v1/nope"), "en", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void the_contract_is_served_whole_as_one_document() {
    var response = app.get("/openapi.yaml", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
    JsonObject served = Utils.yamlStringToJson(response.bodyAsString()).await();
    assertThat(served).isEqualTo(ContractDocument.merged());
    assertThat(response.bodyAsString()).doesNotContain("contract/").contains("x-moeen-address", "مجمع معين الطبي");
  }

  @Test
  void docs_redirect_or_serve_the_page_and_its_assets() {
    var page = app.get("/docs/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/docs/assets/swagger-ui-bundle.js", "واجهة معين البرمجية");
    assertThat(app.get("/docs/assets/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
    assertThat(app.get("/docs/assets/swagger-ui.css", null).statusCode()).isEqualTo(200);
    assertThat(app.get("/docs/init.js", null).statusCode()).isEqualTo(200);
  }

  @Test
  void a_real_browser_renders_every_operation_of_the_contract_at_docs() throws Exception {
    HeadlessBrowser.require();
    String dom = HeadlessBrowser.renderedDom(app.baseUrl() + "/docs/");
    assertThat(dom).contains("Moeen API")
        .contains("/v1/settings/public", "/v1/languages", "/v1/i18n/{locale}", "/v1/calendar/conversions")
        .as("Swagger UI reported no error loading the contract").doesNotContain("Failed to load API definition");
    Path png = Path.of("target", "screenshots", "docs.png");
    Files.createDirectories(png.getParent());
    HeadlessBrowser.screenshot(app.baseUrl() + "/docs/", png, 1280, 900);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }
}
