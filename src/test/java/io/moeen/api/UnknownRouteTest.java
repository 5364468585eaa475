package io.moeen.api;

import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownRouteTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("unknown_route");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void unknown_route_is_an_arabic_problem_404_when_arabic_is_asked_for() {
    var response = app.get("/v1/nope", "ar");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo("not_found");
    assertThat(problem.getString("title")).isEqualTo("المورد غير موجود");
    assertThat(problem.getString("detail")).contains("/v1/nope");
    assertThat(problem.getString("requestId")).isEqualTo(response.getHeader("X-Request-Id"));
  }
}
