package io.moeen.identity.admin;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdministrationTest {
  static final UUID RECEPTIONIST_ID = UUID.fromString("00000000-0000-4000-8000-000000000003");
  static final UUID DR_MAHA_ID = UUID.fromString("00000000-0000-4000-8000-000000000005");
  static final UUID DR_FAISAL_ID = UUID.fromString("00000000-0000-4000-8000-000000000006");
  static final UUID REEM_ID = UUID.fromString("00000000-0000-4000-8000-000000000010");

  static RunningApp app;
  static String admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start("user-administration");
    admin = app.loginAs(DemoAccounts.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, String token, Object body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.toString());
  }

  static HttpResponse<Buffer> asAdmin(String method, String path, Object body) {
    return call(method, path, "en", admin, body);
  }

  static JsonObject loginPair(String email) {
    return app.post("/v1/auth/login", "en", "application/json",
        new JsonObject().put("identifier", email).put("password", DemoAccounts.PASSWORD).encode()).bodyAsJsonObject();
  }

  @Nested
  class Listing {
    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        var response = asAdmin("GET", "/v1/admin/users?limit=5" + (cursor == null ? "" : "&cursor=" + cursor), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject page = response.bodyAsJsonObject();
        page.getJsonArray("items").forEach(u -> seen.add(((JsonObject) u).getString("id")));
        cursor = page.getString("nextCursor");
        pages++;
      } while (cursor != null && pages < 10);
      long total = app.pool().query("SELECT count(*) FROM users").execute().await().iterator().next().getLong(0);
      assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
      assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void accounts_never_carry_password_hashes_or_totp_secrets() {
      String body = asAdmin("GET", "/v1/admin/users?limit=100", null).bodyAsString();
      assertThat(body).doesNotContain("argon2").doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("totpSecret");
    }

    @Test
    void search_folds_arabic_spellings_and_filters_by_role_and_state() {
      // "احمد" without hamza finds "أحمد"
      var byName = asAdmin("GET", "/v1/admin/users?q=" + java.net.URLEncoder.encode("احمد", java.nio.charset.StandardCharsets.UTF_8), null)
          .bodyAsJsonObject().getJsonArray("items");
      assertThat(byName.stream().map(u -> ((JsonObject) u).getString("id")))
          .containsExactly(DemoAccounts.AHMED_USER_ID.toString());
      var doctors = asAdmin("GET", "/v1/admin/users?role=doctor&active=true", null).bodyAsJsonObject().getJsonArray("items");
      assertThat(doctors).hasSize(4); // with the demo dentist (db/demo/050-dental-demo.sql)
      var phoneResponse = asAdmin("GET", "/v1/admin/users?q=966500000011", null);
      assertThat(phoneResponse.statusCode()).as(phoneResponse.bodyAsString()).isEqualTo(200);
      var byPhone = phoneResponse.bodyAsJsonObject().getJsonArray("items");
      assertThat(byPhone.getJsonObject(0).getString("email")).isEqualTo(DemoAccounts.MARKETER);
    }

    @Test
    void a_cursor_that_was_not_given_out_is_400() {
      var response = call("GET", "/v1/admin/users?cursor=bm9wZQ", "ar", admin, null);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_cursor");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("مؤشر الصفحة غير صالح");
    }
  }

  @Nested
  class OneAccount {
    @Test
    void an_account_is_shown_with_its_roles_and_localized_name() {
      var response = call("GET", "/v1/admin/users/" + DemoAccounts.AHMED_USER_ID, "ar", admin, null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject user = response.bodyAsJsonObject();
      assertThat(user.getString("name")).isEqualTo("أحمد الغامدي");
      assertThat(user.getString("nameEn")).isEqualTo("Ahmed Al-Ghamdi");
      assertThat(user.getJsonArray("roles").getList()).containsExactly("patient");
    }

    @Test
    void an_unknown_account_is_404_and_a_malformed_id_400() {
      var missing = call("GET", "/v1/admin/users/" + UUID.randomUUID(), "ar", admin, null);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("user_not_found");
      assertThat(missing.bodyAsJsonObject().getString("title")).isEqualTo("الحساب غير موجود");
      assertThat(asAdmin("GET", "/v1/admin/users/not-a-uuid", null).statusCode()).isEqualTo(400);
    }
  }

  @Nested
  class Activation {
    @Test
    void deactivation_stops_the_access_token_on_the_next_request_and_revokes_refresh_tokens() {
      JsonObject tokens = loginPair(DemoAccounts.PATIENT_REEM);
      String access = tokens.getString("accessToken");
      assertThat(app.get("/v1/me", "en", access).statusCode()).isEqualTo(200);

      var response = asAdmin("PATCH", "/v1/admin/users/" + REEM_ID, new JsonObject().put("isActive", false));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getBoolean("isActive")).isFalse();

      assertThat(app.get("/v1/me", "en", access).statusCode()).isEqualTo(401);
      var refresh = app.pool().preparedQuery("SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS live, "
              + "count(*) FILTER (WHERE revoke_reason = 'deactivated') AS revoked FROM refresh_tokens WHERE user_id = $1")
          .execute(Tuple.of(REEM_ID)).await().iterator().next();
      assertThat(refresh.getLong("live")).isZero();
      assertThat(refresh.getLong("revoked")).isGreaterThanOrEqualTo(1);

      var audit = asAdmin("GET", "/v1/admin/audit-logs?entityType=users&entityId=" + REEM_ID, null)
          .bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
      assertThat(audit.getJsonObject("newValues").getBoolean("is_active")).isFalse();
      assertThat(audit.getString("userId")).isEqualTo(DemoAccounts.ADMIN_ID.toString());

      assertThat(asAdmin("PATCH", "/v1/admin/users/" + REEM_ID, new JsonObject().put("isActive", true)).statusCode()).isEqualTo(200);
      assertThat(app.loginAs(DemoAccounts.PATIENT_REEM)).isNotBlank();
    }

    @Test
    void an_admin_cannot_deactivate_themself() {
      var response = call("PATCH", "/v1/admin/users/" + DemoAccounts.ADMIN_ID, "ar", admin, new JsonObject().put("isActive", false));
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("cannot_deactivate_self");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("لا يمكنك تعطيل حسابك");
      assertThat(app.get("/v1/me", "en", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_with_unknown_fields_is_400_and_changes_nothing() {
      var response = asAdmin("PATCH", "/v1/admin/users/" + RECEPTIONIST_ID,
          new JsonObject().put("isActive", false).put("isAdmin", true));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(asAdmin("GET", "/v1/admin/users/" + RECEPTIONIST_ID, null).bodyAsJsonObject().getBoolean("isActive")).isTrue();
    }

    @Test
    void a_supervisor_may_read_accounts_but_not_change_them() {
      String supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
      assertThat(call("GET", "/v1/admin/users/" + RECEPTIONIST_ID, "en", supervisor, null).statusCode()).isEqualTo(200);
      var response = call("PATCH", "/v1/admin/users/" + RECEPTIONIST_ID, "en", supervisor, new JsonObject().put("isActive", false));
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(asAdmin("GET", "/v1/admin/users/" + RECEPTIONIST_ID, null).bodyAsJsonObject().getBoolean("isActive")).isTrue();
    }
  }

  @Nested
  class Roles {
    @Test
    void a_granted_role_takes_effect_on_the_next_request_and_its_removal_too() {
      String doctor = app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS);
      assertThat(call("GET", "/v1/admin/users", "en", doctor, null).statusCode()).isEqualTo(403);

      var granted = asAdmin("PUT", "/v1/admin/users/" + DR_MAHA_ID + "/roles/supervisor", null);
      assertThat(granted.statusCode()).isEqualTo(200);
      assertThat(granted.bodyAsJsonObject().getJsonArray("roles").getList()).containsExactlyInAnyOrder("doctor", "supervisor");
      assertThat(call("GET", "/v1/admin/users", "en", doctor, null).statusCode()).isEqualTo(200);
      assertThat(asAdmin("PUT", "/v1/admin/users/" + DR_MAHA_ID + "/roles/supervisor", null).statusCode())
          .as("granting again is harmless").isEqualTo(200);

      var grantedBy = app.pool().preparedQuery("SELECT ur.granted_by FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
          + "WHERE ur.user_id = $1 AND r.code = 'supervisor'").execute(Tuple.of(DR_MAHA_ID)).await().iterator().next();
      assertThat(grantedBy.getUUID("granted_by")).isEqualTo(DemoAccounts.ADMIN_ID);

      var revoked = asAdmin("DELETE", "/v1/admin/users/" + DR_MAHA_ID + "/roles/supervisor", null);
      assertThat(revoked.statusCode()).isEqualTo(200);
      assertThat(revoked.bodyAsJsonObject().getJsonArray("roles").getList()).containsExactly("doctor");
      assertThat(call("GET", "/v1/admin/users", "en", doctor, null).statusCode()).isEqualTo(403);

      var audit = asAdmin("GET", "/v1/admin/audit-logs?entityType=user_roles&entityId=" + DR_MAHA_ID, null)
          .bodyAsJsonObject().getJsonArray("items");
      assertThat(audit.stream().map(e -> ((JsonObject) e).getString("action"))).containsExactly("delete", "insert");
      assertThat(audit.getJsonObject(1).getJsonObject("newValues").getString("role")).isEqualTo("supervisor");
    }

    @Test
    void the_last_admin_keeps_the_admin_role() {
      var response = call("DELETE", "/v1/admin/users/" + DemoAccounts.ADMIN_ID + "/roles/admin", "ar", admin, null);
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("last_admin");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("آخر مدير للنظام");
      assertThat(app.get("/v1/me", "en", admin).bodyAsJsonObject().getJsonArray("roles").getList()).contains("admin");
    }

    @Test
    void with_a_second_admin_the_first_may_step_down_but_the_second_then_may_not() {
      assertThat(asAdmin("PUT", "/v1/admin/users/" + DR_FAISAL_ID + "/roles/admin", null).statusCode()).isEqualTo(200);
      String second = app.loginAs(DemoAccounts.DOCTOR_CARDIOLOGY);
      assertThat(call("DELETE", "/v1/admin/users/" + DemoAccounts.ADMIN_ID + "/roles/admin", "en", second, null).statusCode())
          .isEqualTo(200);
      var response = call("DELETE", "/v1/admin/users/" + DR_FAISAL_ID + "/roles/admin", "en", second, null);
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("last_admin");
      // put things back for the other tests
      assertThat(call("PUT", "/v1/admin/users/" + DemoAccounts.ADMIN_ID + "/roles/admin", "en", second, null).statusCode()).isEqualTo(200);
      assertThat(asAdmin("DELETE", "/v1/admin/users/" + DR_FAISAL_ID + "/roles/admin", null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_role_or_account_is_404_and_grants_nothing() {
      var role = asAdmin("PUT", "/v1/admin/users/" + RECEPTIONIST_ID + "/roles/astronaut", null);
      assertThat(role.statusCode()).isEqualTo(404);
      assertThat(role.bodyAsJsonObject().getString("code")).isEqualTo("role_not_found");
      var user = asAdmin("PUT", "/v1/admin/users/" + UUID.randomUUID() + "/roles/doctor", null);
      assertThat(user.statusCode()).isEqualTo(404);
      assertThat(user.bodyAsJsonObject().getString("code")).isEqualTo("user_not_found");
      assertThat(asAdmin("GET", "/v1/admin/users/" + RECEPTIONIST_ID, null).bodyAsJsonObject().getJsonArray("roles").getList())
          .containsExactly("receptionist");
    }
  }
}
