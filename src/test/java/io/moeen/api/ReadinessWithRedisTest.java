package io.moeen.api;

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

  private static Map<String, String> checks(JsonObject health) {
    Map<String, String> byId = new java.util.HashMap<>();
    health.getJsonArray("checks").forEach(c -> byId.put(((JsonObject) c).getString("id"), ((JsonObject) c).getString("status")));
    return byId;
  }
}
