package io.moeen.api;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessWithRedisTest {

  @Test
  void with_redis_configured_readiness_checks_it_and_goes_down_when_redis_does() {
    try (TestRedis redis = TestRedis.start();
         RunningApp app = RunningApp.start("ready_redis", Map.of("REDIS_URL", redis.url()))) {
      var up = app.get("/health/ready", null);
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(checks(up.bodyAsJsonObject())).containsEntry("database", "UP").containsEntry("redis", "UP");

      redis.stop();
      var down = app.get("/health/ready", null);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(checks(down.bodyAsJsonObject())).containsEntry("database", "UP").containsEntry("redis", "DOWN");
      assertThat(app.get("/health/live", null).statusCode()).as("the process itself is still alive").isEqualTo(200);
    }
  }

  @Test
  void with_redis_down_what_needs_its_counters_is_refused_with_503_and_the_rest_is_served() {
    try (TestRedis redis = TestRedis.start();
         RunningApp app = RunningApp.start("redis_down", Map.of("REDIS_URL", redis.url()))) {
      String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
      redis.stop();
      // sign-in counts failures, the web chat counts messages per visitor and address, web forms count
      // submissions: each refuses rather than count nothing (docs/cluster.md, "Redis down: refuse")
      var login = app.post("/v1/auth/login", "ar", "application/json",
          new JsonObject().put("identifier", DemoAccounts.PATIENT_REEM).put("password", DemoAccounts.PASSWORD).encode());
      assertUnavailable(login);
      assertUnavailable(app.post("/v1/chat/sessions", "ar", "application/json", "{}"));
      // what needs no counter goes on
      assertThat(app.get("/v1/me", "en", reception).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/services", "en").statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/appointments?limit=5", "en", reception).statusCode()).isEqualTo(200);
    }
  }

  private static void assertUnavailable(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    // localized: the Arabic text, not a stack trace or an English default
    assertThat(response.bodyAsJsonObject().getString("title")).matches(".*[\\u0600-\\u06FF].*");
  }

  private static Map<String, String> checks(JsonObject health) {
    Map<String, String> byId = new java.util.HashMap<>();
    health.getJsonArray("checks").forEach(c -> byId.put(((JsonObject) c).getString("id"), ((JsonObject) c).getString("status")));
    return byId;
  }
}
