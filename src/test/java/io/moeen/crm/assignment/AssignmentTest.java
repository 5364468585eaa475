package io.moeen.crm.assignment;

import io.moeen.crm.CrmFixtures;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Round-robin fairness, language and source rules, the marketers' admin API and reassignment. */
class AssignmentTest {
  static final UUID DEMO_MARKETER = CrmFixtures.MARKETER_ID;
  static final UUID MARKETER_B = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
  static final UUID MARKETER_C = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
  static final String NOURA = "00000000-0000-4000-8000-000000000002";

  static RunningApp app;
  static CrmFixtures crm;
  static String supervisor;
  static String marketer;
  static int phone = 1000;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-assignment");
    crm = new CrmFixtures(app);
    for (UUID id : new UUID[] {MARKETER_B, MARKETER_C}) {
      app.asOwner("""
          INSERT INTO users (id, email, password_hash, first_name_ar, first_name_en, language_preference)
          SELECT '%s', '%s@moeen-clinic.example', password_hash, 'مسوق', 'Marketer %s', 'ar' FROM users WHERE id = '%s';
          INSERT INTO user_roles (user_id, role_id) SELECT '%s', id FROM roles WHERE code = 'marketer';
          INSERT INTO crm_marketers (user_id) VALUES ('%s');
          """.formatted(id, id, id.toString().substring(30), DEMO_MARKETER, id, id));
    }
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    marketer = app.loginAs(DemoAccounts.MARKETER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void everyoneTakesEverything() {
    app.asOwner("UPDATE crm_marketers SET accepts_leads = true, languages = '{}', sources = '{}', last_assigned_at = NULL");
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, "en", token, body == null ? null : body.encode());
  }

  static String nextPhone() {
    return "+9665512" + (phone++) + "0";
  }

  static UUID capture(String name, String language, String source) {
    JsonObject reply = crm.capture(new JsonObject().put("fullName", name).put("phone", nextPhone())
        .put("preferredLanguage", language).put("source", source));
    return UUID.fromString(reply.getString("ownerId"));
  }

  @Test
  void thirty_leads_over_three_marketers_give_each_ten() {
    Map<UUID, Integer> counts = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      counts.merge(capture("Lead " + i, i % 2 == 0 ? "ar" : "en", "web_form"), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(DEMO_MARKETER, MARKETER_B, MARKETER_C);
    assertThat(counts.values()).containsOnly(10);
  }

  @Test
  void arabic_leads_go_only_to_arabic_marketers_and_sources_are_honoured() {
    app.asOwner("UPDATE crm_marketers SET languages = '{en}' WHERE user_id = '" + DEMO_MARKETER + "'");
    app.asOwner("UPDATE crm_marketers SET languages = '{ar}' WHERE user_id IN ('" + MARKETER_B + "', '" + MARKETER_C + "')");
    Map<UUID, Integer> arabic = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      arabic.merge(capture("عميل " + i, "ar", "whatsapp"), 1, Integer::sum);
    }
    assertThat(arabic).containsOnlyKeys(MARKETER_B, MARKETER_C);
    assertThat(arabic.values()).containsOnly(3);
    assertThat(capture("English lead", "en", "whatsapp")).isEqualTo(DEMO_MARKETER);

    app.asOwner("UPDATE crm_marketers SET languages = '{}', sources = '{referral}' WHERE user_id = '" + MARKETER_C + "'");
    app.asOwner("UPDATE crm_marketers SET languages = '{}', sources = '{campaign}' WHERE user_id <> '" + MARKETER_C + "'");
    assertThat(capture("Referred", "ar", "referral")).isEqualTo(MARKETER_C);
    assertThat(capture("Referred too", "en", "referral")).isEqualTo(MARKETER_C);
    // nobody's rules fit a walk-in: it goes round everyone rather than waiting unassigned
    assertThat(capture("Walk-in", "ar", "walk_in")).isIn(DEMO_MARKETER, MARKETER_B, MARKETER_C);
  }

  @Test
  void a_marketer_who_stops_taking_leads_is_skipped() {
    app.asOwner("UPDATE crm_marketers SET accepts_leads = false WHERE user_id <> '" + MARKETER_B + "'");
    for (int i = 0; i < 3; i++) {
      assertThat(capture("Only B " + i, "ar", "web_form")).isEqualTo(MARKETER_B);
    }
  }

  @Test
  void supervisors_list_and_change_marketers_rules() {
    HttpResponse<Buffer> list = call("GET", "/v1/crm/marketers", supervisor, null);
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    assertThat(list.bodyAsJsonObject().getJsonArray("items")).hasSize(3);

    HttpResponse<Buffer> saved = call("PUT", "/v1/crm/marketers/" + MARKETER_B, supervisor,
        new JsonObject().put("languages", new JsonArray().add("ar")).put("sources", new JsonArray().add("whatsapp"))
            .put("supervisorId", NOURA));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    assertThat(saved.bodyAsJsonObject().getJsonArray("languages")).containsExactly("ar");
    assertThat(saved.bodyAsJsonObject().getString("supervisorId")).isEqualTo(NOURA);
    assertThat(saved.bodyAsJsonObject().getBoolean("acceptsLeads")).isTrue();

    HttpResponse<Buffer> paused = call("PUT", "/v1/crm/marketers/" + MARKETER_B, supervisor,
        new JsonObject().put("acceptsLeads", false));
    assertThat(paused.bodyAsJsonObject().getBoolean("acceptsLeads")).isFalse();
    assertThat(paused.bodyAsJsonObject().getJsonArray("languages")).containsExactly("ar");
    assertThat(paused.bodyAsJsonObject().getString("supervisorId")).isEqualTo(NOURA);

    String patientUser = DemoAccounts.AHMED_USER_ID.toString();
    HttpResponse<Buffer> notMarketer = call("PUT", "/v1/crm/marketers/" + patientUser, supervisor, new JsonObject());
    assertThat(notMarketer.statusCode()).isEqualTo(404);
    assertThat(notMarketer.bodyAsJsonObject().getString("code")).isEqualTo("marketer_not_found");

    HttpResponse<Buffer> badSupervisor = call("PUT", "/v1/crm/marketers/" + MARKETER_C, supervisor,
        new JsonObject().put("supervisorId", MARKETER_B.toString()));
    assertThat(badSupervisor.statusCode()).isEqualTo(422);
    assertThat(crm.one("SELECT supervisor_id FROM crm_marketers WHERE user_id = '" + MARKETER_C + "'")).isNull();

    assertThat(call("GET", "/v1/crm/marketers", marketer, null).statusCode()).isEqualTo(403);
  }

  @Test
  void a_supervisor_reassigns_a_lead_recorded_and_told_to_the_new_owner() {
    app.asOwner("UPDATE crm_marketers SET accepts_leads = (user_id = '" + DEMO_MARKETER + "')");
    JsonObject captured = crm.capture(new JsonObject().put("fullName", "هند").put("phone", nextPhone()).put("source", "referral"));
    String lead = captured.getString("leadId");
    assertThat(captured.getString("ownerId")).isEqualTo(DEMO_MARKETER.toString());

    HttpResponse<Buffer> moved = call("PUT", "/v1/crm/leads/" + lead + "/assignment", supervisor,
        new JsonObject().put("ownerId", MARKETER_C.toString()));
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getString("previousOwnerId")).isEqualTo(DEMO_MARKETER.toString());
    assertThat(crm.one("SELECT owner_id FROM crm_leads WHERE id = '" + lead + "'")).isEqualTo(MARKETER_C.toString());
    assertThat(crm.one("SELECT details ->> 'to' FROM crm_activities WHERE lead_id = '" + lead
        + "' AND details ->> 'event' = 'reassigned'")).isEqualTo(MARKETER_C.toString());
    assertThat(crm.count("SELECT count(*) FROM notifications WHERE event_type = 'lead_assigned' AND channel = 'in_app'"
        + " AND recipient_user_id = '" + MARKETER_C + "' AND payload ->> 'leadId' = '" + lead + "'")).isEqualTo(1);

    HttpResponse<Buffer> toPatient = call("PUT", "/v1/crm/leads/" + lead + "/assignment", supervisor,
        new JsonObject().put("ownerId", DemoAccounts.AHMED_USER_ID.toString()));
    assertThat(toPatient.statusCode()).isEqualTo(422);
    assertThat(toPatient.bodyAsJsonObject().getString("code")).isEqualTo("unknown_owner");
    HttpResponse<Buffer> unknown = call("PUT", "/v1/crm/leads/" + UUID.randomUUID() + "/assignment", supervisor,
        new JsonObject().put("ownerId", MARKETER_C.toString()));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(call("PUT", "/v1/crm/leads/" + lead + "/assignment", marketer,
        new JsonObject().put("ownerId", DEMO_MARKETER.toString())).statusCode()).isEqualTo(403);
    assertThat(crm.one("SELECT owner_id FROM crm_leads WHERE id = '" + lead + "'")).isEqualTo(MARKETER_C.toString());
  }
}
