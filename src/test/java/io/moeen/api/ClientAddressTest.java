package io.moeen.api;

import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address a sign-in is recorded (and rate-limited) under, with and without a trusted proxy. */
class ClientAddressTest {

  private static String recordedAddress(RunningApp app, String identifier, String forwardedFor) {
    var request = app.client().post("/v1/auth/login").putHeader("Content-Type", "application/json");
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    var response = request.sendBuffer(io.vertx.core.buffer.Buffer.buffer(
        new JsonObject().put("identifier", identifier).put("password", "wrong-password").encode())).await();
    assertThat(response.statusCode()).isEqualTo(401);
    var rows = app.pool().preparedQuery("SELECT host(ip_address) AS ip FROM login_activity WHERE identifier = $1")
        .execute(Tuple.of(identifier)).await();
    return rows.iterator().next().getString("ip");
  }

  @Test
  void without_a_trusted_proxy_a_forwarded_for_header_is_ignored() {
    try (RunningApp app = RunningApp.start("client_direct")) {
      assertThat(recordedAddress(app, "direct@example.com", "203.0.113.7")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
    try (RunningApp app = RunningApp.start("client_proxied", Map.of("MOEEN_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.9"))) {
      assertThat(recordedAddress(app, "proxied@example.com", "203.0.113.7")).isEqualTo("203.0.113.7");
      // a client cannot pick its own address by prepending to the chain
      assertThat(recordedAddress(app, "spoof@example.com", "198.51.100.1, 203.0.113.8, 10.0.0.9")).isEqualTo("203.0.113.8");
      // garbage in the chain: only what the service saw itself counts
      assertThat(recordedAddress(app, "garbage@example.com", "not-an-ip")).isEqualTo("127.0.0.1");
    }
  }
}
