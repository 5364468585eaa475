package io.moeen.identity.admin;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleAdministrationTest {
  static RunningApp app;
  static String admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start("role-administration");
    admin = app.loginAs(DemoAccounts.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, Object body) {
    return ApiCalls.call(app, method, path, lang, admin, body == null ? null : body.toString());
  }

  static long count(String sql, Object... args) {
    return app.pool().preparedQuery(sql).execute(Tuple.from(List.of(args))).await().iterator().next().getLong(0);
  }

  static JsonObject role(String code) {
    return call("GET", "/v1/admin/roles", "en", null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(r -> r.getString("code").equals(code)).findFirst().orElse(null);
  }

  @Nested
  class Reading {
    @Test
    void permissions_are_described_in_the_request_language_and_in_both() {
      var response = call("GET", "/v1/admin/permissions", "ar", null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject audit = response.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("code").equals("audit_logs.read")).findFirst().orElseThrow();
      assertThat(audit.getString("description")).isEqualTo("الاطلاع على سجل التدقيق");
      assertThat(audit.getString("descriptionAr")).isEqualTo("الاطلاع على سجل التدقيق");
      assertThat(audit.getString("descriptionEn")).isEqualTo("Read the audit log");
    }

    @Test
    void roles_come_with_their_permission_codes_and_localized_names() {
      var response = call("GET", "/v1/admin/roles", "en", null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject marketer = role("marketer");
      assertThat(marketer.getString("name")).isEqualTo("Marketer");
      assertThat(marketer.getString("nameAr")).isEqualTo("مسوّق");
      assertThat(marketer.getBoolean("isSystem")).isTrue();
      assertThat(marketer.getJsonArray("permissions").getList())
          .containsExactlyInAnyOrder("leads.read", "leads.write", "crm.reports.read", "notifications.read.own",
              "chatbot.flows.manage", "chatbot.conversations.manage");
      assertThat(role("admin").getBoolean("isProtected")).isTrue();
    }
  }

  @Nested
  class Creating {
    @Test
    void an_admin_creates_a_custom_role_with_permissions() {
      var response = call("POST", "/v1/admin/roles", "ar", new JsonObject().put("code", "night_nurse")
          .put("nameAr", "ممرض ليلي").put("nameEn", "Night nurse")
          .put("permissions", new JsonArray().add("patients.read.any").add("appointments.read.any")));
      assertThat(response.statusCode()).isEqualTo(201);
      JsonObject created = response.bodyAsJsonObject();
      assertThat(created.getString("name")).isEqualTo("ممرض ليلي");
      assertThat(created.getBoolean("isSystem")).isFalse();
      assertThat(created.getJsonArray("permissions").getList())
          .containsExactly("appointments.read.any", "patients.read.any");
      assertThat(count("SELECT count(*) FROM audit_logs WHERE entity_type = 'role_permissions' AND new_values ->> 'role' = 'night_nurse'"))
          .as("audit rows are not visible to the bare pool (RLS)").isZero();
    }

    @Test
    void a_taken_code_is_409_role_exists_in_arabic() {
      var response = call("POST", "/v1/admin/roles", "ar", new JsonObject().put("code", "doctor")
          .put("nameAr", "طبيب").put("nameEn", "Doctor").put("permissions", new JsonArray()));
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_exists");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("الدور موجود مسبقًا");
    }

    @Test
    void an_unknown_permission_is_400_naming_it_and_creates_nothing() {
      var response = call("POST", "/v1/admin/roles", "en", new JsonObject().put("code", "ghost_role")
          .put("nameAr", "شبح").put("nameEn", "Ghost")
          .put("permissions", new JsonArray().add("patients.read.any").add("rockets.launch")));
      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject problem = response.bodyAsJsonObject();
      assertThat(problem.getString("code")).isEqualTo("unknown_permission");
      assertThat(problem.getString("field")).isEqualTo("permissions");
      assertThat(problem.getString("detail")).contains("rockets.launch");
      assertThat(count("SELECT count(*) FROM roles WHERE code = 'ghost_role'")).isZero();
    }

    @Test
    void a_malformed_code_is_refused_by_the_contract() {
      var response = call("POST", "/v1/admin/roles", "en", new JsonObject().put("code", "Bad-Code")
          .put("nameAr", "س").put("nameEn", "x").put("permissions", new JsonArray()));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(count("SELECT count(*) FROM roles WHERE code ILIKE 'bad%'")).isZero();
    }
  }

  @Nested
  class ChangingPermissions {
    @Test
    void a_roles_permissions_are_replaced_by_exactly_the_given_set() {
      var response = call("PUT", "/v1/admin/roles/accountant/permissions", "en",
          new JsonObject().put("permissions", new JsonArray().add("leads.read").add("leads.assign")));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonArray("permissions").getList())
          .containsExactly("leads.assign", "leads.read");
      assertThat(role("accountant").getJsonArray("permissions").getList()).containsExactly("leads.assign", "leads.read");
    }

    @Test
    void an_unknown_permission_is_400_and_leaves_the_role_as_it_was() {
      List<Object> before = role("nurse").getJsonArray("permissions").getList();
      var response = call("PUT", "/v1/admin/roles/nurse/permissions", "ar",
          new JsonObject().put("permissions", new JsonArray().add("no.such_thing")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("unknown_permission");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("صلاحية غير معروفة");
      assertThat(role("nurse").getJsonArray("permissions").getList()).isEqualTo(before);
    }

    @Test
    void the_admin_role_cannot_lose_a_permission() {
      int before = role("admin").getJsonArray("permissions").size();
      var response = call("PUT", "/v1/admin/roles/admin/permissions", "en",
          new JsonObject().put("permissions", new JsonArray().add("roles.manage")));
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_protected");
      assertThat(role("admin").getJsonArray("permissions").size()).isEqualTo(before);
    }

    @Test
    void an_unknown_role_is_404() {
      var response = call("PUT", "/v1/admin/roles/astronaut/permissions", "en",
          new JsonObject().put("permissions", new JsonArray()));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_not_found");
    }

    @Test
    void permission_changes_leave_audit_rows_naming_who_and_what() {
      call("PUT", "/v1/admin/roles/pharmacist/permissions", "en",
          new JsonObject().put("permissions", new JsonArray().add("pharmacy.read").add("notifications.read.own")));
      var entries = call("GET", "/v1/admin/audit-logs?entityType=role_permissions&action=delete", "en", null)
          .bodyAsJsonObject().getJsonArray("items");
      List<String> removed = entries.stream().map(JsonObject.class::cast)
          .filter(e -> "pharmacist".equals(e.getJsonObject("oldValues").getString("role")))
          .map(e -> e.getJsonObject("oldValues").getString("permission")).toList();
      assertThat(removed).containsExactlyInAnyOrder("pharmacy.write", "patients.read.any", "inventory.read",
          "inventory.availability.read", "clinical.summary.read");
      JsonObject one = entries.getJsonObject(0);
      assertThat(one.getString("userId")).isEqualTo(DemoAccounts.ADMIN_ID.toString());
      assertThat(one.getString("requestId")).isNotBlank();
    }
  }

  @Nested
  class Deleting {
    @Test
    void an_unused_custom_role_is_deleted() {
      call("POST", "/v1/admin/roles", "en", new JsonObject().put("code", "temp_role").put("nameAr", "مؤقت")
          .put("nameEn", "Temporary").put("permissions", new JsonArray().add("leads.read")));
      var response = call("DELETE", "/v1/admin/roles/temp_role", "en", null);
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(count("SELECT count(*) FROM roles WHERE code = 'temp_role'")).isZero();
    }

    @Test
    void a_system_role_is_409_and_stays() {
      var response = call("DELETE", "/v1/admin/roles/nurse", "ar", null);
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_system");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("دور أساسي");
      assertThat(count("SELECT count(*) FROM roles WHERE code = 'nurse'")).isEqualTo(1);
    }

    @Test
    void a_held_custom_role_is_409_role_in_use_and_stays() {
      call("POST", "/v1/admin/roles", "en", new JsonObject().put("code", "held_role").put("nameAr", "محجوز")
          .put("nameEn", "Held").put("permissions", new JsonArray()));
      call("PUT", "/v1/admin/users/" + DemoAccounts.AHMED_USER_ID + "/roles/held_role", "en", null);
      var response = call("DELETE", "/v1/admin/roles/held_role", "en", null);
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_in_use");
      assertThat(count("SELECT count(*) FROM roles WHERE code = 'held_role'")).isEqualTo(1);
    }

    @Test
    void an_unknown_role_is_404() {
      var response = call("DELETE", "/v1/admin/roles/astronaut", "en", null);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_not_found");
    }
  }
}
