package io.moeen.crm.leads;

import io.moeen.crm.CrmFixtures;
import io.moeen.crm.LeadApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which lead: own and unassigned for marketers, all for supervisors, nothing for the rest. */
class LeadAccessTest {
  static RunningApp app;
  static CrmFixtures crm;
  static LeadApi api;
  static String marketer;
  static String second;
  static String supervisor;
  static String mine;
  static String theirs;
  static String unassigned;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-access");
    crm = new CrmFixtures(app);
    api = new LeadApi(app);
    crm.addSecondMarketer();
    marketer = app.loginAs(DemoAccounts.MARKETER);
    second = app.login(CrmFixtures.SECOND_MARKETER, DemoAccounts.PASSWORD);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    mine = api.create(marketer, new JsonObject().put("fullName", "Mine Access").put("phone", "0550000007")
        .put("source", "walk_in")).getString("id");
    theirs = api.create(second, new JsonObject().put("fullName", "Theirs Access").put("phone", "0558880002")
        .put("source", "walk_in")).getString("id");
    app.asOwner("UPDATE crm_marketers SET accepts_leads = false");
    unassigned = crm.capture(CrmFixtures.lead("Nobody's Access", "0558880003")).getString("leadId");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_marketer_sees_own_and_unassigned_leads_but_not_another_marketers() {
    List<String> listed = LeadApiTest.ids(api.call("GET", "/v1/crm/leads?q=access", marketer, null).bodyAsJsonObject());
    assertThat(listed).contains(mine, unassigned).doesNotContain(theirs);
    assertThat(api.call("GET", "/v1/crm/leads/" + theirs, marketer, null).statusCode()).isEqualTo(404);
    assertThat(api.call("GET", "/v1/crm/leads/" + theirs + "/activities", marketer, null).statusCode()).isEqualTo(404);
    assertThat(api.call("POST", "/v1/crm/leads/" + theirs + "/transitions", marketer, new JsonObject().put("to", "contacted"))
        .statusCode()).isEqualTo(404);
    assertThat(api.call("POST", "/v1/crm/leads/" + mine + "/merge", marketer, new JsonObject().put("leadId", theirs))
        .statusCode()).isEqualTo(404);
    assertThat(api.call("GET", "/v1/crm/leads/" + unassigned, marketer, null).statusCode()).isEqualTo(200);
    String csv = api.call("GET", "/v1/crm/leads.csv?q=access", marketer, null).bodyAsString();
    assertThat(csv).contains("Mine Access").doesNotContain("Theirs Access");
    assertThat(crm.one("SELECT status FROM crm_leads WHERE id = '" + theirs + "'")).isEqualTo("new");
  }

  @Test
  void the_demo_marketer_has_the_demo_pipeline() {
    JsonObject page = api.call("GET", "/v1/crm/leads?owner=me&limit=100", marketer, null).bodyAsJsonObject();
    assertThat(page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("status")).distinct())
        .contains("new", "contacted", "qualified", "booked", "lost");
    JsonObject found = api.call("GET", "/v1/crm/leads?q=" + java.net.URLEncoder.encode("منيره الزهراني",
        java.nio.charset.StandardCharsets.UTF_8), marketer, null).bodyAsJsonObject();
    assertThat(found.getJsonArray("items")).hasSize(1);
    String id = found.getJsonArray("items").getJsonObject(0).getString("id");
    assertThat(api.call("GET", "/v1/crm/leads/" + id + "/activities", marketer, null).bodyAsJsonObject()
        .getJsonArray("items")).hasSize(3);
  }

  @Test
  void a_supervisor_sees_every_lead() {
    assertThat(LeadApiTest.ids(api.call("GET", "/v1/crm/leads?q=access", supervisor, null).bodyAsJsonObject()))
        .contains(mine, theirs, unassigned);
    assertThat(api.call("GET", "/v1/crm/leads/" + theirs, supervisor, null).statusCode()).isEqualTo(200);
  }

  @Test
  void reception_doctors_and_patients_get_403() {
    for (String who : List.of(DemoAccounts.RECEPTIONIST, DemoAccounts.DOCTOR, DemoAccounts.PATIENT_AHMED)) {
      String token = app.loginAs(who);
      assertThat(api.call("GET", "/v1/crm/leads", token, null).statusCode()).as(who).isEqualTo(403);
      assertThat(api.call("GET", "/v1/crm/leads/" + mine, token, null).statusCode()).as(who).isEqualTo(403);
    }
  }

  @Test
  void a_lead_who_is_a_patient_shows_only_the_patient_id() {
    JsonObject lead = api.call("GET", "/v1/crm/leads/" + mine, marketer, null).bodyAsJsonObject();
    assertThat(lead.getString("patientId")).isEqualTo(DemoAccounts.AHMED_PATIENT_ID.toString());
    assertThat(lead.encode()).doesNotContain("allerg").doesNotContain("medical").doesNotContain("1012345678");
  }

  @Test
  void creating_a_lead_another_marketer_already_works_is_409_and_the_touch_is_kept() {
    var response = api.call("POST", "/v1/crm/leads", marketer, new JsonObject().put("fullName", "Theirs Again")
        .put("phone", "+966558880002").put("source", "referral"));
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("lead_exists_elsewhere");
    assertThat(crm.count("SELECT count(*) FROM crm_activities WHERE lead_id = '" + theirs
        + "' AND details ->> 'event' = 'captured_again'")).isEqualTo(1);
  }
}
