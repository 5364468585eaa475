package io.moeen.identity.admin;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogApiTest {
  static RunningApp app;
  static String admin;
  static Instant started;

  @BeforeAll
  static void start() {
    app = RunningApp.start("audit-log-api");
    admin = app.loginAs(DemoAccounts.ADMIN);
    started = Instant.now();
    // six audited changes: three grants and three revocations
    for (String role : List.of("nurse", "pharmacist", "accountant")) {
      call("PUT", "/v1/admin/users/" + DemoAccounts.YOUSEF_USER_ID + "/roles/" + role, "en", admin);
      call("DELETE", "/v1/admin/users/" + DemoAccounts.YOUSEF_USER_ID + "/roles/" + role, "en", admin);
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, String token) {
    return ApiCalls.call(app, method, path, lang, token, null);
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void entries_come_newest_first_a_page_at_a_time_without_repeats() {
    String base = "/v1/admin/audit-logs?entityType=user_roles&entityId=" + DemoAccounts.YOUSEF_USER_ID + "&limit=4";
    var first = call("GET", base, "en", admin).bodyAsJsonObject();
    assertThat(first.getJsonArray("items")).hasSize(4);
    var second = call("GET", base + "&cursor=" + first.getString("nextCursor"), "en", admin).bodyAsJsonObject();
    assertThat(second.getJsonArray("items")).hasSize(2);
    assertThat(second.getString("nextCursor")).isNull();

    List<JsonObject> all = new ArrayList<>();
    first.getJsonArray("items").forEach(e -> all.add((JsonObject) e));
    second.getJsonArray("items").forEach(e -> all.add((JsonObject) e));
    assertThat(all.stream().map(e -> e.getString("id"))).doesNotHaveDuplicates();
    assertThat(all.stream().map(e -> e.getString("occurredAt")).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    JsonObject newest = all.get(0);
    assertThat(newest.getString("action")).isEqualTo("delete");
    assertThat(newest.getJsonObject("oldValues").getString("role")).isEqualTo("accountant");
    assertThat(newest.getString("role")).isEqualTo("admin");
  }

  @Test
  void filters_by_actor_action_and_time() {
    String path = "/v1/admin/audit-logs?userId=" + DemoAccounts.ADMIN_ID + "&action=insert&entityType=user_roles&from="
        + q(started.minusSeconds(1).toString()) + "&to=" + q(Instant.now().plusSeconds(60).toString());
    var response = call("GET", path, "en", admin);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    var items = response.bodyAsJsonObject().getJsonArray("items");
    assertThat(items).hasSize(3);
    var futureResponse = call("GET", "/v1/admin/audit-logs?from=" + q("2999-01-01T00:00:00+03:00"), "en", admin);
    assertThat(futureResponse.statusCode()).as(futureResponse.bodyAsString()).isEqualTo(200);
    var future = futureResponse.bodyAsJsonObject().getJsonArray("items");
    assertThat(future).isEmpty();
  }

  @Test
  void a_start_after_the_end_is_400_invalid_range() {
    var response = call("GET", "/v1/admin/audit-logs?from=" + q("2026-02-01T00:00:00Z") + "&to=" + q("2026-01-01T00:00:00Z"),
        "ar", admin);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_range");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("نطاق زمني غير صالح");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-01-01"})
  void a_malformed_instant_is_400_naming_the_parameter(String value) {
    var response = call("GET", "/v1/admin/audit-logs?to=" + q(value), "en", admin);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_instant");
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("to");
  }

  @Test
  void a_malformed_actor_id_or_cursor_is_400() {
    assertThat(call("GET", "/v1/admin/audit-logs?userId=nobody", "en", admin).statusCode()).isEqualTo(400);
    var cursor = call("GET", "/v1/admin/audit-logs?cursor=%21%21", "en", admin);
    assertThat(cursor.statusCode()).isEqualTo(400);
  }

  @Test
  void only_auditors_read_the_log_and_the_database_hides_it_from_everyone_else() {
    String supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    assertThat(call("GET", "/v1/admin/audit-logs", "en", supervisor).bodyAsJsonObject().getJsonArray("items")).isNotEmpty();
    String receptionist = app.loginAs(DemoAccounts.RECEPTIONIST);
    var denied = call("GET", "/v1/admin/audit-logs", "ar", receptionist);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.bodyAsJsonObject().getString("title")).isEqualTo("غير مسموح");
    // the service's own role, outside a session that carries audit access, sees no row at all
    long visible = app.pool().query("SELECT count(*) FROM audit_logs").execute().await().iterator().next().getLong(0);
    assertThat(visible).isZero();
  }
}
