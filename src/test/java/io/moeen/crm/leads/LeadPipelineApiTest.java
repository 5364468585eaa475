package io.moeen.crm.leads;

import io.moeen.crm.CrmAddresses;
import io.moeen.crm.CrmFixtures;
import io.moeen.crm.LeadApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every move from every stage over HTTP: allowed moves happen and are recorded, the rest change nothing. */
class LeadPipelineApiTest {
  static RunningApp app;
  static CrmFixtures crm;
  static LeadApi api;
  static String marketer;
  static final AtomicInteger PHONES = new AtomicInteger();

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-pipeline");
    crm = new CrmFixtures(app);
    api = new LeadApi(app);
    marketer = app.loginAs(DemoAccounts.MARKETER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String leadIn(String status) {
    String id = crm.capture(CrmFixtures.lead("Pipeline " + status, "0554" + String.format("%06d", PHONES.incrementAndGet())))
        .getString("leadId");
    app.asOwner("UPDATE crm_leads SET status = '" + status + "', lost_reason = "
        + ("lost".equals(status) ? "'price'" : "NULL") + ", converted_patient_id = "
        + ("converted".equals(status) ? "'" + DemoAccounts.AISHA_PATIENT_ID + "'" : "NULL") + " WHERE id = '" + id + "'");
    return id;
  }

  static Stream<Arguments> everyMove() {
    return LeadPipeline.ALL.stream().flatMap(from -> LeadPipeline.ALL.stream().map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("everyMove")
  void a_move_happens_only_when_the_table_allows_it(String from, String to) {
    String id = leadIn(from);
    var response = api.call("POST", "/v1/crm/leads/" + id + "/transitions", marketer,
        new JsonObject().put("to", to).put("reason", "lost".equals(to) ? "السعر مرتفع" : null));
    boolean allowed = LeadPipelineTest.ALLOWED.get(from).contains(to);
    if (allowed) {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo(to);
      assertThat(crm.count("SELECT count(*) FROM crm_activities WHERE lead_id = '" + id + "' AND type = 'status_change'"
          + " AND from_status = '" + from + "' AND to_status = '" + to + "'")).isEqualTo(1);
      boolean contacted = "new".equals(from) && !"lost".equals(to);
      assertThat(response.bodyAsJsonObject().getString("firstContactedAt") != null).isEqualTo(contacted);
    } else {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("lead_transition_not_allowed");
      assertThat(crm.one("SELECT status FROM crm_leads WHERE id = '" + id + "'")).isEqualTo(from);
      assertThat(crm.count("SELECT count(*) FROM crm_activities WHERE lead_id = '" + id + "' AND type = 'status_change'"))
          .isZero();
    }
  }

  @Test
  void lost_without_a_reason_is_422_and_the_problem_reads_in_arabic() {
    String id = leadIn("contacted");
    var response = app.send(app.client().post("/v1/crm/leads/" + id + "/transitions")
        .putHeader("Authorization", "Bearer " + marketer), "ar", "application/json", new JsonObject().put("to", "lost").encode());
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("السبب مطلوب");
    var illegal = app.send(app.client().post("/v1/crm/leads/" + id + "/transitions")
        .putHeader("Authorization", "Bearer " + marketer), "ar", "application/json", new JsonObject().put("to", "new").encode());
    assertThat(illegal.bodyAsJsonObject().getString("detail")).contains("«تم التواصل»").contains("«جديد»");
    assertThat(crm.one("SELECT status FROM crm_leads WHERE id = '" + id + "'")).isEqualTo("contacted");
  }

  @Test
  void a_stale_version_is_412_and_a_move_announces_itself_after_commit() {
    String id = leadIn("new");
    assertThat(api.call("POST", "/v1/crm/leads/" + id + "/transitions", marketer, new JsonObject().put("to", "contacted"),
        "If-Match", "\"7\"").statusCode()).isEqualTo(412);
    List<JsonObject> heard = new CopyOnWriteArrayList<>();
    var consumer = app.application().vertx().eventBus().<JsonObject>consumer(CrmAddresses.LEADS_STATUS_CHANGED, m -> heard.add(m.body()));
    consumer.completion().await();
    var moved = api.call("POST", "/v1/crm/leads/" + id + "/transitions", marketer, new JsonObject().put("to", "qualified"));
    assertThat(moved.statusCode()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 5000;
    while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    consumer.unregister().await();
    assertThat(heard).containsExactly(new JsonObject().put("leadId", id).put("from", "new").put("to", "qualified"));
    assertThat(moved.bodyAsJsonObject().getJsonArray("scoreBreakdown").encode()).contains("stage.qualified");
  }

  @Test
  void reopening_a_lost_lead_is_refused_while_another_open_lead_has_its_phone() {
    String lost = leadIn("lost");
    String phone = crm.one("SELECT phone FROM crm_leads WHERE id = '" + lost + "'");
    crm.capture(CrmFixtures.lead("Twin", phone));
    var response = api.call("POST", "/v1/crm/leads/" + lost + "/transitions", marketer, new JsonObject().put("to", "new"));
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("open_lead_exists");
  }
}
