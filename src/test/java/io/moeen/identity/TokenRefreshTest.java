package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRefreshTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("token-refresh");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_refresh_gives_a_new_pair_and_rotates_the_old_token_within_its_family() {
    JsonObject first = calls.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD);
    HttpResponse<Buffer> response = calls.refresh(first.getString("refreshToken"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject second = response.bodyAsJsonObject();
    assertThat(second.getString("refreshToken")).isNotEqualTo(first.getString("refreshToken"));
    assertThat(app.get("/v1/me", "en", second.getString("accessToken")).statusCode()).isEqualTo(200);

    Row old = token(first.getString("refreshToken"));
    Row next = token(second.getString("refreshToken"));
    assertThat(old.getString("revoke_reason")).isEqualTo("rotated");
    assertThat(old.getUUID("replaced_by")).isEqualTo(next.getUUID("id"));
    assertThat(next.getUUID("family_id")).isEqualTo(old.getUUID("family_id"));
    assertThat(next.getValue("revoked_at")).isNull();
  }

  @Test
  void reused_refresh_token_revokes_the_whole_family() {
    JsonObject first = calls.signIn(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD);
    JsonObject second = calls.refresh(first.getString("refreshToken")).bodyAsJsonObject();

    HttpResponse<Buffer> reuse = calls.call(io.vertx.core.http.HttpMethod.POST, "/v1/auth/refresh", "ar", null,
        new JsonObject().put("refreshToken", first.getString("refreshToken")));
    assertThat(reuse.statusCode()).isEqualTo(401);
    assertThat(reuse.bodyAsJsonObject().getString("code")).isEqualTo("refresh_token_reused");
    assertThat(reuse.bodyAsJsonObject().getString("title")).isEqualTo("أُنهيت الجلسة حفاظًا على أمانك");

    Row current = token(second.getString("refreshToken"));
    assertThat(current.getString("revoke_reason")).isEqualTo("reuse_detected");
    // the legitimate holder's newer token no longer works either
    HttpResponse<Buffer> afterwards = calls.refresh(second.getString("refreshToken"));
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.bodyAsJsonObject().getString("code")).isEqualTo("invalid_refresh_token");
  }

  @Test
  void two_concurrent_refreshes_with_one_token_cannot_both_succeed() {
    for (int round = 0; round < 3; round++) {
      String refresh = calls.signIn(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD).getString("refreshToken");
      List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        racing.add(app.client().post("/v1/auth/refresh").putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(new JsonObject().put("refreshToken", refresh).encode())));
      }
      Future.join(racing).await();
      List<Integer> statuses = racing.stream().map(f -> f.result().statusCode()).sorted().toList();
      assertThat(statuses).containsExactly(200, 401);
      Integer children = app.pool().preparedQuery(
              "SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)")
          .execute(Tuple.of(RefreshTokens.hash(refresh))).await().iterator().next().getInteger("n");
      assertThat(children).as("the first token and exactly one successor").isEqualTo(2);
    }
  }

  @Test
  void an_unknown_or_expired_refresh_token_is_401_invalid_refresh_token() {
    assertThat(calls.refresh("no-such-token").bodyAsJsonObject().getString("code")).isEqualTo("invalid_refresh_token");

    String refresh = calls.signIn(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).getString("refreshToken");
    app.pool().preparedQuery("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1")
        .execute(Tuple.of(RefreshTokens.hash(refresh))).await();
    HttpResponse<Buffer> response = calls.refresh(refresh);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_refresh_token");
    assertThat(token(refresh).getValue("revoked_at")).as("an expired token is simply refused").isNull();
  }

  @Test
  void logout_revokes_the_family_and_is_idempotent() {
    JsonObject first = calls.signIn(DemoAccounts.SUPERVISOR, DemoAccounts.PASSWORD);
    JsonObject second = calls.refresh(first.getString("refreshToken")).bodyAsJsonObject();
    JsonObject other = calls.signIn(DemoAccounts.SUPERVISOR, DemoAccounts.PASSWORD);

    JsonObject body = new JsonObject().put("refreshToken", second.getString("refreshToken"));
    assertThat(app.get("/v1/me", "en", second.getString("accessToken")).statusCode()).isEqualTo(200);
    assertThat(calls.post("/v1/auth/logout", body).statusCode()).isEqualTo(204);
    assertThat(app.get("/v1/me", "en", second.getString("accessToken")).statusCode())
        .as("the session's access token ends with it, before it expires").isEqualTo(401);
    assertThat(app.get("/v1/me", "en", other.getString("accessToken")).statusCode()).isEqualTo(200);
    assertThat(calls.post("/v1/auth/logout", body).statusCode()).isEqualTo(204);
    assertThat(calls.post("/v1/auth/logout", new JsonObject().put("refreshToken", "unknown")).statusCode()).isEqualTo(204);

    assertThat(token(second.getString("refreshToken")).getString("revoke_reason")).isEqualTo("logout");
    assertThat(token(first.getString("refreshToken")).getString("revoke_reason")).isEqualTo("rotated");
    assertThat(calls.refresh(second.getString("refreshToken")).statusCode()).isEqualTo(401);
    // another sign-in of the same person (another device) is untouched
    assertThat(calls.refresh(other.getString("refreshToken")).statusCode()).isEqualTo(200);
  }

  private static Row token(String refresh) {
    return app.pool().preparedQuery("SELECT id, family_id, revoked_at, revoke_reason, replaced_by FROM refresh_tokens WHERE token_hash = $1")
        .execute(Tuple.of(RefreshTokens.hash(refresh))).await().iterator().next();
  }
}
