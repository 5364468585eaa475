package io.moeen.api;

import io.moeen.identity.IdentityAddresses;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principal cache through HTTP against the real service: a session's principal is resolved
 * once and reused, and every change to what it holds applies from the very next request.
 */
class PrincipalCacheTest {
  static RunningApp app;
  static String admin;
  final AtomicInteger resolves = new AtomicInteger();
  final Handler<DeliveryContext<Object>> counter = delivery -> {
    if (IdentityAddresses.PRINCIPAL_RESOLVE.equals(delivery.message().address())) {
      resolves.incrementAndGet();
    }
    delivery.next();
  };

  @BeforeAll
  static void start() {
    app = RunningApp.start("principal-cache");
    admin = app.loginAs(DemoAccounts.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void countResolves() {
    app.application().vertx().eventBus().addOutboundInterceptor(counter);
  }

  @AfterEach
  void stopCounting() {
    app.application().vertx().eventBus().removeOutboundInterceptor(counter);
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = app.client().request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return app.send(request, "en", body == null ? null : "application/json", body == null ? null : body.encode());
  }

  private static JsonObject signIn(String email) {
    return app.post("/v1/auth/login", "en", "application/json",
        new JsonObject().put("identifier", email).put("password", DemoAccounts.PASSWORD).encode()).bodyAsJsonObject();
  }

  @Test
  @DisplayName("a session's principal is resolved once, then reused by every API instance")
  void a_cached_principal_is_reused() {
    String token = app.loginAs(DemoAccounts.RECEPTIONIST);
    for (int i = 0; i < 10; i++) {
      assertThat(app.get("/v1/services", "en", token).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/me", "en", token).statusCode()).isEqualTo(200);
    }
    assertThat(resolves.get()).isEqualTo(1);
  }

  @Test
  void logout_takes_effect_on_the_very_next_request() {
    JsonObject pair = signIn(DemoAccounts.PATIENT_MOHAMMED);
    String token = pair.getString("accessToken");
    assertThat(app.get("/v1/me", "en", token).statusCode()).isEqualTo(200);
    assertThat(app.get("/v1/me", "en", token).statusCode()).isEqualTo(200); // from the cache

    assertThat(call(HttpMethod.POST, "/v1/auth/logout", token,
        new JsonObject().put("refreshToken", pair.getString("refreshToken"))).statusCode()).isEqualTo(204);

    assertThat(app.get("/v1/me", "en", token).statusCode()).isEqualTo(401);
  }

  @Test
  void a_revoked_roles_permission_is_refused_on_the_next_request() {
    String supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    String id = app.get("/v1/me", "en", supervisor).bodyAsJsonObject().getString("id");
    assertThat(app.get("/v1/crm/leads", "en", supervisor).statusCode()).isEqualTo(200);

    assertThat(call(HttpMethod.DELETE, "/v1/admin/users/" + id + "/roles/supervisor", admin, null).statusCode()).isEqualTo(200);
    try {
      assertThat(app.get("/v1/crm/leads", "en", supervisor).statusCode()).isEqualTo(403);
    } finally {
      assertThat(call(HttpMethod.PUT, "/v1/admin/users/" + id + "/roles/supervisor", admin, null).statusCode()).isEqualTo(200);
    }
    // granted back, it applies at once too
    assertThat(app.get("/v1/crm/leads", "en", supervisor).statusCode()).isEqualTo(200);
  }

  @Test
  void a_role_losing_a_permission_is_refused_to_its_holders_on_the_next_request() {
    String marketer = app.loginAs(DemoAccounts.MARKETER);
    assertThat(app.get("/v1/crm/leads", "en", marketer).statusCode()).isEqualTo(200);
    JsonObject role = call(HttpMethod.GET, "/v1/admin/roles", admin, null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(r -> "marketer".equals(r.getString("code"))).findFirst().orElseThrow();
    var kept = role.getJsonArray("permissions").stream().filter(p -> !"leads.read".equals(p)).toList();

    assertThat(call(HttpMethod.PUT, "/v1/admin/roles/marketer/permissions", admin,
        new JsonObject().put("permissions", kept)).statusCode()).isEqualTo(200);
    try {
      assertThat(app.get("/v1/crm/leads", "en", marketer).statusCode()).isEqualTo(403);
    } finally {
      assertThat(call(HttpMethod.PUT, "/v1/admin/roles/marketer/permissions", admin,
          new JsonObject().put("permissions", role.getJsonArray("permissions"))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_deactivated_user_is_refused_on_the_next_request() {
    String doctor = app.loginAs(DemoAccounts.DOCTOR_CARDIOLOGY);
    JsonObject me = app.get("/v1/me", "en", doctor).bodyAsJsonObject();

    assertThat(call(HttpMethod.PATCH, "/v1/admin/users/" + me.getString("id"), admin,
        new JsonObject().put("isActive", false)).statusCode()).isEqualTo(200);
    try {
      // a public read: nothing but the principal stands between this token and a 200
      assertThat(app.get("/v1/services", "en", doctor).statusCode()).isEqualTo(401);
      assertThat(app.get("/v1/me", "en", doctor).statusCode()).isEqualTo(401);
    } finally {
      call(HttpMethod.PATCH, "/v1/admin/users/" + me.getString("id"), admin, new JsonObject().put("isActive", true));
    }
  }

  @Test
  void a_revoked_family_link_hides_the_patient_on_the_next_request() {
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    String patient = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID;
    assertThat(app.get(patient, "en", yousef).statusCode()).isEqualTo(200);
    assertThat(app.get(patient, "en", yousef).statusCode()).isEqualTo(200);
    JsonObject grant = call(HttpMethod.GET, patient + "/family-members", ahmed, null).bodyAsJsonObject()
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(m -> DemoAccounts.YOUSEF_USER_ID.toString().equals(m.getString("userId"))).findFirst().orElseThrow();

    assertThat(call(HttpMethod.DELETE, patient + "/family-members/" + grant.getString("id"), ahmed, null).statusCode())
        .isEqualTo(204);

    int before = resolves.get();
    assertThat(app.get(patient, "en", yousef).statusCode()).isEqualTo(404);
    // the patients verticle checks the link again in the database; the API must not keep the old grant either
    assertThat(resolves.get() - before).as("Yousef's principal resolved afresh").isEqualTo(1);
  }
}
