package io.moeen.crm.sla;

import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-contact SLA against the real database, with the clock fixed at chosen instants. */
class FirstContactSlaTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final UUID MARKETER = UUID.fromString("00000000-0000-4000-8000-000000000011");
  static final UUID NOURA = UUID.fromString("00000000-0000-4000-8000-000000000002");

  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-sla");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Instant riyadh(String local) {
    return LocalDateTime.parse(local).atZone(RIYADH).toInstant();
  }

  static UUID lead(String name, String phone, Instant createdAt) {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO crm_leads (id, full_name, phone, source, owner_id, created_at)
        VALUES ('%s', '%s', '%s', 'web_form', '%s', '%s')""".formatted(id, name, phone, MARKETER, createdAt));
    return id;
  }

  static FirstContactSweep.Round sweepAt(Instant now) {
    return new FirstContactSweep(app.pool(), RIYADH, Clock.fixed(now, ZoneOffset.UTC)).run().await();
  }

  static List<JsonObject> notices(UUID lead) {
    List<JsonObject> out = new ArrayList<>();
    for (Row r : app.pool().preparedQuery("""
            SELECT recipient_user_id, payload, locale, channel FROM notifications
            WHERE event_type = 'lead_first_contact_overdue' AND payload ->> 'leadId' = $1 ORDER BY created_at, id""")
        .execute(Tuple.of(lead.toString())).await()) {
      out.add(new JsonObject().put("to", r.getUUID("recipient_user_id").toString())
          .put("payload", r.getValue("payload")).put("channel", r.getString("channel")));
    }
    return out;
  }

  @Test
  void thursday_evening_lead_is_due_sunday_at_nine_ten_then_escalates_at_nine_twenty_five() {
    UUID late = lead("سارة العتيبي", "+966551110001", riyadh("2026-11-19T20:55"));

    sweepAt(riyadh("2026-11-19T21:30"));
    sweepAt(riyadh("2026-11-21T12:00"));
    sweepAt(riyadh("2026-11-22T09:09"));
    assertThat(notices(late)).isEmpty();

    sweepAt(riyadh("2026-11-22T09:10"));
    List<JsonObject> afterOwner = notices(late);
    assertThat(afterOwner).hasSize(1);
    assertThat(afterOwner.get(0).getString("to")).isEqualTo(MARKETER.toString());
    assertThat(afterOwner.get(0).getJsonObject("payload").getString("audience")).isEqualTo("owner");
    assertThat(afterOwner.get(0).getString("channel")).isEqualTo("in_app");

    sweepAt(riyadh("2026-11-22T09:24"));
    assertThat(notices(late)).hasSize(1);

    sweepAt(riyadh("2026-11-22T09:25"));
    sweepAt(riyadh("2026-11-22T10:00"));
    List<JsonObject> all = notices(late);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).getString("to")).isEqualTo(NOURA.toString());
    assertThat(all.get(1).getJsonObject("payload").getString("audience")).isEqualTo("supervisor");
    assertThat(all.get(1).getJsonObject("payload").getInteger("minutes")).isEqualTo(30);
    assertThat(all.get(1).getJsonObject("payload").getString("ownerName")).isNotBlank();

    // the marketer's inbox renders it from the changeset's template, in Arabic
    var inbox = io.moeen.testing.ApiCalls.call(app, "GET", "/v1/me/notifications?limit=50", "ar",
        app.loginAs(io.moeen.testing.DemoAccounts.MARKETER), null);
    assertThat(inbox.statusCode()).as(inbox.bodyAsString()).isEqualTo(200);
    JsonObject notice = inbox.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> n.getString("body").contains("سارة العتيبي")).findFirst().orElseThrow();
    assertThat(notice.getString("title")).isEqualTo("تأخّر التواصل مع عميل محتمل");
    assertThat(notice.getString("body")).contains("لم يُتواصل بعد").contains("15");
  }

  @Test
  void a_lead_arriving_at_night_waits_for_opening_and_a_contacted_one_is_left_alone() {
    UUID night = lead("Omar Haddad", "+966551110002", riyadh("2026-11-24T02:00"));
    UUID contacted = lead("ليلى", "+966551110003", riyadh("2026-11-24T02:00"));
    app.asOwner("UPDATE crm_leads SET status = 'contacted', first_contacted_at = '%s' WHERE id = '%s'"
        .formatted(riyadh("2026-11-24T09:05"), contacted));

    sweepAt(riyadh("2026-11-24T09:14"));
    assertThat(notices(night)).isEmpty();
    sweepAt(riyadh("2026-11-24T09:15"));
    assertThat(notices(night)).hasSize(1);
    // both steps at once when the sweep only runs late, still each once
    sweepAt(riyadh("2026-11-24T12:00"));
    sweepAt(riyadh("2026-11-24T12:01"));
    assertThat(notices(night)).hasSize(2);
    assertThat(notices(contacted)).isEmpty();
  }

  @Test
  void the_sla_minutes_come_from_the_setting() {
    app.asOwner("UPDATE system_settings SET value = '60' WHERE key = 'crm.first_contact_sla_minutes'");
    try {
      UUID slow = lead("Nasser", "+966551110004", riyadh("2026-11-25T10:00"));
      sweepAt(riyadh("2026-11-25T10:59"));
      assertThat(notices(slow)).isEmpty();
      sweepAt(riyadh("2026-11-25T11:00"));
      assertThat(notices(slow)).hasSize(1);
    } finally {
      app.asOwner("UPDATE system_settings SET value = '15' WHERE key = 'crm.first_contact_sla_minutes'");
    }
  }

  static JsonObject slaOf(UUID lead, String token) {
    var response = io.moeen.testing.ApiCalls.call(app, "GET", "/v1/crm/leads/" + lead, "en", token, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonObject("sla");
  }

  @Test
  void the_lead_shows_its_sla_in_working_minutes_as_the_sweep_counts_them() {
    String token = app.loginAs(io.moeen.testing.DemoAccounts.MARKETER);
    // Thursday 20:55 → Sunday 09:05: 5 minutes Thursday + 5 Sunday = 10 working minutes, within 15
    UUID quick = lead("Hind", "+966551110005", riyadh("2026-11-19T20:55"));
    app.asOwner("UPDATE crm_leads SET status = 'contacted', first_contacted_at = '%s' WHERE id = '%s'"
        .formatted(riyadh("2026-11-22T09:05"), quick));
    JsonObject met = slaOf(quick, token);
    assertThat(met.getString("state")).isEqualTo("met");
    assertThat(met.getInteger("workingMinutes")).isEqualTo(10);
    assertThat(met.getInteger("limitMinutes")).isEqualTo(15);
    assertThat(Instant.parse(met.getString("dueAt"))).isEqualTo(riyadh("2026-11-22T09:10"));

    UUID slow = lead("Faisal", "+966551110006", riyadh("2026-11-19T20:55"));
    app.asOwner("UPDATE crm_leads SET status = 'contacted', first_contacted_at = '%s' WHERE id = '%s'"
        .formatted(riyadh("2026-11-22T09:20"), slow));
    JsonObject missed = slaOf(slow, token);
    assertThat(missed.getString("state")).isEqualTo("missed");
    assertThat(missed.getInteger("workingMinutes")).isEqualTo(25);

    UUID waitingLong = lead("Reem", "+966551110007", riyadh("2026-11-19T20:55"));
    sweepAt(riyadh("2026-11-22T10:00"));
    JsonObject escalated = slaOf(waitingLong, token);
    assertThat(escalated.getString("state")).isEqualTo("escalated");
    assertThat(escalated.getString("ownerNotifiedAt")).isNotNull();
    assertThat(escalated.getString("escalatedAt")).isNotNull();
    assertThat(escalated.getInteger("workingMinutes")).isGreaterThan(30);

    UUID lost = lead("Majed", "+966551110008", riyadh("2026-11-19T20:55"));
    app.asOwner("UPDATE crm_leads SET status = 'lost', lost_reason = 'x' WHERE id = '%s'".formatted(lost));
    JsonObject closed = slaOf(lost, token);
    assertThat(closed.getString("state")).isEqualTo("closed");
    assertThat(closed.getValue("workingMinutes")).isNull();

    // just arrived: waiting, whatever the hour (the SLA is still ahead); the list shows the same object
    JsonObject fresh = new io.moeen.crm.LeadApi(app).create(token, new JsonObject()
        .put("fullName", "Salma").put("phone", "+966551110009").put("source", "web_form"));
    assertThat(fresh.getJsonObject("sla").getString("state")).isEqualTo("waiting");
    var list = io.moeen.testing.ApiCalls.call(app, "GET", "/v1/crm/leads?status=new&limit=100", "en", token, null);
    JsonObject listed = list.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(l -> l.getString("id").equals(fresh.getString("id"))).findFirst().orElseThrow();
    assertThat(listed.getJsonObject("sla").getString("state")).isEqualTo("waiting");
  }

  @Test
  void a_logged_call_or_message_is_the_first_contact_and_a_note_is_not() {
    String token = app.loginAs(io.moeen.testing.DemoAccounts.MARKETER);
    var leads = new io.moeen.crm.LeadApi(app);
    JsonObject called = leads.create(token, new JsonObject()
        .put("fullName", "Nasser").put("phone", "+966551110010").put("source", "web_form"));
    JsonObject noted = leads.create(token, new JsonObject()
        .put("fullName", "Huda").put("phone", "+966551110011").put("source", "web_form"));
    for (String[] logged : new String[][] {{called.getString("id"), "call"}, {noted.getString("id"), "note"}}) {
      var response = io.moeen.testing.ApiCalls.call(app, "POST", "/v1/crm/leads/" + logged[0] + "/activities", "en",
          token, new JsonObject().put("type", logged[1]).put("body", "No answer, will try again").encode());
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    }
    JsonObject after = io.moeen.testing.ApiCalls.call(app, "GET", "/v1/crm/leads/" + called.getString("id"), "en",
        token, null).bodyAsJsonObject();
    assertThat(after.getString("status")).isEqualTo("new");
    assertThat(after.getString("firstContactedAt")).isNotNull();
    assertThat(after.getJsonObject("sla").getString("state")).isEqualTo("met");
    assertThat(slaOf(UUID.fromString(noted.getString("id")), token).getString("state")).isEqualTo("waiting");

    // a week on, the sweep tells the owner about the noted lead only
    sweepAt(Instant.now().plus(java.time.Duration.ofDays(7)));
    assertThat(notices(UUID.fromString(called.getString("id")))).isEmpty();
    assertThat(notices(UUID.fromString(noted.getString("id")))).isNotEmpty();
  }
}
