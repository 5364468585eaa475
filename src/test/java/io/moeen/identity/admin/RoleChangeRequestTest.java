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
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoleChangeRequestTest {
  static RunningApp app;
  static String admin;
  static String supervisor;

  @BeforeAll
  static void start() {
    app = RunningApp.start("role-change-requests");
    admin = app.loginAs(DemoAccounts.ADMIN);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, String token, Object body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.toString());
  }

  static HttpResponse<Buffer> ask(String token, String role, String reason) {
    return call("POST", "/v1/me/role-change-requests", "ar", token,
        new JsonObject().put("roleCode", role).put("reason", reason));
  }

  static long pending(UUID user) {
    return app.pool().preparedQuery("SELECT count(*) FROM role_change_requests WHERE user_id = $1 AND status = 'pending'")
        .execute(Tuple.of(user)).await().iterator().next().getLong(0);
  }

  @Test
  void an_approved_request_grants_the_role_from_the_next_request() {
    String doctor = app.loginAs(DemoAccounts.DOCTOR);
    var asked = ask(doctor, "pharmacist", "أغطي الصيدلية في المناوبات الليلية");
    assertThat(asked.statusCode()).isEqualTo(201);
    JsonObject request = asked.bodyAsJsonObject();
    assertThat(request.getString("status")).isEqualTo("pending");
    assertThat(request.getString("roleName")).isEqualTo("صيدلي");
    assertThat(request.getString("roleNameEn")).isEqualTo("Pharmacist");

    var mine = call("GET", "/v1/me/role-change-requests", "en", doctor, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(mine).hasSize(1);
    var queue = call("GET", "/v1/admin/role-change-requests?status=pending", "en", supervisor, null);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.bodyAsJsonObject().getJsonArray("items").stream()
        .map(r -> ((JsonObject) r).getString("id"))).contains(request.getString("id"));
    assertThat(call("GET", "/v1/me", "en", doctor, null).bodyAsJsonObject().getJsonArray("permissions").getList())
        .doesNotContain("pharmacy.write");

    var approved = call("POST", "/v1/admin/role-change-requests/" + request.getString("id") + "/approve", "en", supervisor,
        new JsonObject().put("notes", "Approved for night shifts"));
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.bodyAsJsonObject().getString("status")).isEqualTo("approved");
    assertThat(approved.bodyAsJsonObject().getString("reviewNotes")).isEqualTo("Approved for night shifts");
    assertThat(call("GET", "/v1/me", "en", doctor, null).bodyAsJsonObject().getJsonArray("roles").getList())
        .contains("doctor", "pharmacist");

    var again = call("POST", "/v1/admin/role-change-requests/" + request.getString("id") + "/reject", "ar", admin, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("request_not_pending");
    assertThat(again.bodyAsJsonObject().getString("title")).isEqualTo("تم البتّ في الطلب");
  }

  @Test
  void a_rejected_request_grants_nothing() {
    String marketer = app.loginAs(DemoAccounts.MARKETER);
    String id = ask(marketer, "accountant", "I help with invoices").bodyAsJsonObject().getString("id");
    var rejected = call("POST", "/v1/admin/role-change-requests/" + id + "/reject", "en", admin, new JsonObject().put("notes", "No"));
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(rejected.bodyAsJsonObject().getString("status")).isEqualTo("rejected");
    assertThat(rejected.bodyAsJsonObject().getString("reviewedBy")).isEqualTo(DemoAccounts.ADMIN_ID.toString());
    assertThat(call("GET", "/v1/me", "en", marketer, null).bodyAsJsonObject().getJsonArray("roles").getList())
        .containsExactly("marketer");
  }

  @Test
  void a_second_pending_request_for_the_same_role_is_409() {
    String patient = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    assertThat(ask(patient, "receptionist", "بدأت العمل في الاستقبال").statusCode()).isEqualTo(201);
    var second = ask(patient, "receptionist", "مرة أخرى");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.bodyAsJsonObject().getString("code")).isEqualTo("role_request_pending");
    assertThat(second.bodyAsJsonObject().getString("title")).isEqualTo("يوجد طلب قيد المراجعة");
    assertThat(pending(UUID.fromString("00000000-0000-4000-8000-000000000008"))).isEqualTo(1);
  }

  @Test
  void asking_for_a_role_one_holds_or_one_that_does_not_exist_is_400_and_stores_nothing() {
    String patient = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var held = ask(patient, "patient", "أريده");
    assertThat(held.statusCode()).isEqualTo(400);
    assertThat(held.bodyAsJsonObject().getString("code")).isEqualTo("role_already_held");
    assertThat(held.bodyAsJsonObject().getString("field")).isEqualTo("roleCode");
    var unknown = ask(patient, "astronaut", "أريده");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("unknown_role");
    var blank = ask(patient, "nurse", "   ");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(pending(DemoAccounts.AHMED_USER_ID)).isZero();
  }

  @Test
  void nobody_reviews_their_own_request() {
    String id = ask(supervisor, "accountant", "أتابع الفواتير أيضًا").bodyAsJsonObject().getString("id");
    var own = call("POST", "/v1/admin/role-change-requests/" + id + "/approve", "ar", supervisor, null);
    assertThat(own.statusCode()).isEqualTo(409);
    assertThat(own.bodyAsJsonObject().getString("code")).isEqualTo("own_request");
    assertThat(own.bodyAsJsonObject().getString("title")).isEqualTo("طلبك أنت");
    assertThat(call("GET", "/v1/me", "en", supervisor, null).bodyAsJsonObject().getJsonArray("roles").getList())
        .containsExactly("supervisor");
  }

  @Test
  void people_without_the_review_permission_see_only_their_own_requests() {
    String patient = app.loginAs(DemoAccounts.PATIENT_MOHAMMED);
    String id = ask(patient, "nurse", "I am a registered nurse").bodyAsJsonObject().getString("id");
    assertThat(call("GET", "/v1/admin/role-change-requests", "en", patient, null).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/admin/role-change-requests/" + id + "/approve", "en", patient, null).statusCode()).isEqualTo(403);
    var mine = call("GET", "/v1/me/role-change-requests", "en", patient, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(mine.stream().map(r -> ((JsonObject) r).getString("id"))).containsExactly(id);
  }

  @Test
  void an_unknown_request_is_404() {
    var response = call("POST", "/v1/admin/role-change-requests/" + UUID.randomUUID() + "/approve", "en", admin, null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("role_request_not_found");
  }
}
