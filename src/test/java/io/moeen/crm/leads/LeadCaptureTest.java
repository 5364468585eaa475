package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.CrmAddresses;
import io.moeen.crm.CrmFixtures;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** crm.leads.capture against the real database: dedupe, patients, assignment, the outbox, the race. */
class LeadCaptureTest {
  static RunningApp app;
  static CrmFixtures crm;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-capture");
    crm = new CrmFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_three_ways_of_writing_a_saudi_mobile_are_one_lead() {
    JsonObject first = crm.capture(CrmFixtures.lead("سلمان العتيبي", "0551234567")
        .put("utm", new JsonObject().put("campaign", "ramadan-2026")));
    JsonObject second = crm.capture(CrmFixtures.lead("Salman", "+966 55 123 4567").put("source", "whatsapp"));
    JsonObject third = crm.capture(CrmFixtures.lead("سلمان", "٠٥٥١٢٣٤٥٦٧").put("source", "campaign")
        .put("utm", new JsonObject().put("campaign", "summer").put("medium", "instagram")));

    assertThat(first.getBoolean("created")).isTrue();
    assertThat(second.getBoolean("created")).isFalse();
    assertThat(third.getBoolean("created")).isFalse();
    assertThat(second.getString("leadId")).isEqualTo(first.getString("leadId"));
    assertThat(third.getString("leadId")).isEqualTo(first.getString("leadId"));
    String id = first.getString("leadId");
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE phone = '+966551234567'")).isEqualTo(1);
    assertThat(crm.one("SELECT full_name FROM crm_leads WHERE id = '" + id + "'")).isEqualTo("سلمان العتيبي");
    assertThat(crm.column("SELECT details ->> 'source' FROM crm_activities WHERE lead_id = '" + id
        + "' AND details ->> 'event' = 'captured_again' ORDER BY created_at, details ->> 'source'"))
        .containsExactlyInAnyOrder("whatsapp", "campaign");
    assertThat(crm.one("SELECT details #>> '{utm,medium}' FROM crm_activities WHERE lead_id = '" + id
        + "' AND details ->> 'source' = 'campaign'")).isEqualTo("instagram");
  }

  @Test
  void an_email_in_another_case_attaches_to_the_open_lead() {
    JsonObject first = crm.capture(new JsonObject().put("fullName", "Noor Ali").put("email", "Noor.Ali@Example.com")
        .put("source", "web_form"));
    JsonObject second = crm.capture(new JsonObject().put("fullName", "Noor").put("email", "  noor.ali@EXAMPLE.com ")
        .put("source", "social"));
    assertThat(second.getString("leadId")).isEqualTo(first.getString("leadId"));
    assertThat(second.getBoolean("created")).isFalse();
    assertThat(crm.one("SELECT email FROM crm_leads WHERE id = '" + first.getString("leadId") + "'"))
        .isEqualTo("noor.ali@example.com");
  }

  @Test
  void a_closed_lead_does_not_swallow_a_new_capture() {
    JsonObject first = crm.capture(CrmFixtures.lead("Lost One", "0551110001"));
    app.asOwner("UPDATE crm_leads SET status = 'lost', lost_reason = 'price' WHERE id = '" + first.getString("leadId") + "'");
    JsonObject again = crm.capture(CrmFixtures.lead("Lost One", "0551110001"));
    assertThat(again.getBoolean("created")).isTrue();
    assertThat(again.getString("leadId")).isNotEqualTo(first.getString("leadId"));
  }

  @Test
  void an_invalid_phone_is_a_validation_problem_naming_the_phone() {
    Problem problem = crm.captureFailure(CrmFixtures.lead("Bad", "12345"));
    assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
    assertThat(problem.code()).isEqualTo("invalid_phone");
    assertThat(problem.field()).isEqualTo("phone");
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE full_name = 'Bad'")).isZero();
  }

  @Test
  void an_unknown_source_or_a_missing_contact_is_refused() {
    assertThat(crm.captureFailure(CrmFixtures.lead("X", "0551110002").put("source", "fax")).field()).isEqualTo("source");
    assertThat(crm.captureFailure(new JsonObject().put("fullName", "X").put("source", "web_form")).code())
        .isEqualTo("lead_contact_required");
  }

  @Test
  void a_patients_phone_answers_with_the_patient_id() {
    JsonObject reply = crm.capture(CrmFixtures.lead("أحمد", "0550000007"));
    assertThat(reply.getString("patientId")).isEqualTo(DemoAccounts.AHMED_PATIENT_ID.toString());
    JsonObject stranger = crm.capture(CrmFixtures.lead("غريب", "0551110003"));
    assertThat(stranger.getString("patientId")).isNull();
  }

  @Test
  void a_new_lead_goes_to_a_marketer_who_is_told_in_app() {
    JsonObject reply = crm.capture(CrmFixtures.lead("ليلى", "0551110004"));
    String owner = reply.getString("ownerId");
    assertThat(owner).isNotNull();
    assertThat(crm.one("SELECT owner_id FROM crm_leads WHERE id = '" + reply.getString("leadId") + "'")).isEqualTo(owner);
    assertThat(crm.one("SELECT payload ->> 'leadName' FROM notifications WHERE event_type = 'lead_assigned'"
        + " AND channel = 'in_app' AND recipient_user_id = '" + owner + "' AND payload ->> 'leadId' = '"
        + reply.getString("leadId") + "'")).isEqualTo("ليلى");
    assertThat(crm.one("SELECT score::text FROM crm_leads WHERE id = '" + reply.getString("leadId") + "'"))
        .isNotEqualTo("0");
  }

  @Test
  void lead_created_is_published_after_commit_only_for_new_leads() {
    List<JsonObject> heard = new CopyOnWriteArrayList<>();
    var consumer = app.application().vertx().eventBus().<JsonObject>consumer(CrmAddresses.LEADS_CREATED, m -> heard.add(m.body()));
    consumer.completion().await();
    JsonObject reply = crm.capture(CrmFixtures.lead("Event", "0551110005").put("source", "referral"));
    crm.capture(CrmFixtures.lead("Event", "0551110005"));
    long deadline = System.currentTimeMillis() + 5000;
    while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    consumer.unregister().await();
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).getString("leadId")).isEqualTo(reply.getString("leadId"));
    assertThat(heard.get(0).getString("source")).isEqualTo("referral");
    assertThat(heard.get(0).getString("ownerId")).isEqualTo(reply.getString("ownerId"));
  }

  @Test
  void new_leads_take_turns_between_marketers_longest_waiting_first() {
    crm.addSecondMarketer();
    try {
      List<String> owners = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        owners.add(crm.capture(CrmFixtures.lead("Turn " + i, "055222000" + i)).getString("ownerId"));
      }
      assertThat(owners).containsOnly(CrmFixtures.MARKETER_ID.toString(), CrmFixtures.SECOND_MARKETER_ID.toString());
      for (int i = 1; i < owners.size(); i++) {
        assertThat(owners.get(i)).as("turn " + i).isNotEqualTo(owners.get(i - 1));
      }
    } finally {
      app.asOwner("UPDATE crm_marketers SET accepts_leads = false WHERE user_id = '" + CrmFixtures.SECOND_MARKETER_ID + "'");
    }
  }

  @Test
  void ten_clients_capturing_the_same_phone_at_once_make_one_lead() {
    var bus = app.application().vertx().eventBus();
    List<Future<io.vertx.core.eventbus.Message<JsonObject>>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(bus.request(CrmAddresses.LEADS_CAPTURE, CrmFixtures.lead("Race " + i, i % 2 == 0 ? "0559998877" : "+966559998877")));
    }
    Future.all(all).await();
    List<String> ids = all.stream().map(f -> f.result().body().getString("leadId")).distinct().toList();
    assertThat(ids).hasSize(1);
    assertThat(all.stream().filter(f -> f.result().body().getBoolean("created")).count()).isEqualTo(1);
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE phone = '+966559998877'")).isEqualTo(1);
    assertThat(crm.count("SELECT count(*) FROM crm_activities WHERE lead_id = '" + ids.get(0)
        + "' AND details ->> 'event' = 'captured_again'")).isEqualTo(9);
  }
}
