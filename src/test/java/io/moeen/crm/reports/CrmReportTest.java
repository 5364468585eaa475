package io.moeen.crm.reports;

import io.moeen.common.errors.Problem;
import io.moeen.crm.CrmAddresses;
import io.moeen.common.errors.ProblemKind;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report on a known fixture, numbers worked out by hand. Seven leads of October 2026 (Riyadh),
 * the first five from the web form (campaign c1), two referrals, all owned by the demo marketer:
 * L1 new (arrived 00:05 on 1 October in Riyadh, still 30 September in UTC); L2 contacted (10 min);
 * L3 qualified (20); L4 booked (30); L5 converted (60); L6 lost after reaching qualified (40);
 * L7 lost untouched. Two more leads fall just outside the range. Only the reports verticle runs,
 * asked over the bus; the HTTP side (statuses, who gets 403) is PermissionMatrixTest's.
 */
class CrmReportTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final String MARKETER = "00000000-0000-4000-8000-000000000011";

  static FeatureHarness app;
  static JsonObject supervisor;

  @BeforeAll
  static void start() {
    app = FeatureHarness.start("crm-report",
        pool -> List.of(new ReportsVerticle(pool, FeatureHarness.ZONE, Clock.systemUTC())));
    supervisor = app.principalOf(DemoAccounts.SUPERVISOR);
    lead(1, "2026-10-01T00:05", "web_form", "c1", "new", null);
    lead(2, "2026-10-02T10:00", "web_form", "c1", "contacted", 10);
    lead(3, "2026-10-03T10:00", "web_form", "c1", "qualified", 20);
    lead(4, "2026-10-04T10:00", "web_form", "c1", "booked", 30);
    lead(5, "2026-10-05T10:00", "web_form", "c1", "converted", 60);
    lead(6, "2026-10-06T10:00", "referral", null, "lost", 40);
    lead(7, "2026-10-10T23:55", "referral", null, "lost", null);
    lead(8, "2026-09-30T23:59", "web_form", "c1", "new", null);
    lead(9, "2026-10-11T00:00", "web_form", "c1", "new", null);
    app.asOwner("""
        UPDATE crm_leads SET converted_patient_id = '%s', converted_at = '2026-10-08T09:00:00Z' WHERE full_name = 'L5';
        INSERT INTO crm_activities (lead_id, type, from_status, to_status, author_id, created_at)
          SELECT id, 'status_change', 'contacted', 'qualified', '%s', '2026-10-06T09:00:00Z' FROM crm_leads WHERE full_name = 'L6';
        INSERT INTO crm_activities (lead_id, type, body, author_id, created_at)
          SELECT id, t.type, 'x', '%s', t.at::timestamptz FROM crm_leads,
            (VALUES ('call', '2026-10-02T08:00:00Z'), ('call', '2026-10-03T08:00:00Z'), ('call', '2026-10-04T08:00:00Z'),
                    ('note', '2026-10-04T09:00:00Z'), ('call', '2026-10-12T08:00:00Z')) AS t (type, at)
          WHERE full_name = 'L2';
        """.formatted(DemoAccounts.AISHA_PATIENT_ID, MARKETER, MARKETER));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static void lead(int n, String localCreated, String source, String campaign, String status, Integer minutesToContact) {
    Instant created = LocalDateTime.parse(localCreated).atZone(RIYADH).toInstant();
    String contacted = minutesToContact == null ? "NULL" : "'" + created.plusSeconds(60L * minutesToContact) + "'";
    app.asOwner("""
        INSERT INTO crm_leads (full_name, phone, source, utm_campaign, status, lost_reason, owner_id, created_at,
                               first_contacted_at, converted_patient_id)
        VALUES ('L%d', '+9665512300%02d', '%s', %s, '%s', %s, '%s', '%s', %s, %s)""".formatted(n, n, source,
        campaign == null ? "NULL" : "'" + campaign + "'", status.equals("converted") ? "new" : status,
        status.equals("lost") ? "'not interested'" : "NULL", MARKETER, created, contacted, "NULL"));
    if (status.equals("converted")) {
      app.asOwner("UPDATE crm_leads SET status = 'converted', converted_patient_id = '" + DemoAccounts.AISHA_PATIENT_ID
          + "' WHERE full_name = 'L" + n + "'");
    }
  }

  static FeatureHarness.Caller range(String from, String to) {
    FeatureHarness.Caller caller = app.as(supervisor);
    caller = from == null ? caller : caller.param("from", from);
    return to == null ? caller : caller.param("to", to);
  }

  static JsonObject report(String from, String to) {
    return range(from, to).sendForObject(CrmAddresses.REPORTS_SUMMARIZE);
  }

  static void refused(Problem problem, ProblemKind kind, String code) {
    assertThat(problem.kind()).isEqualTo(kind);
    assertThat(problem.code()).isEqualTo(code);
  }

  static String stages(JsonObject funnel) {
    StringBuilder out = new StringBuilder();
    for (Object o : funnel.getJsonArray("stages")) {
      JsonObject s = (JsonObject) o;
      out.append(s.getString("stage")).append('=').append(s.getInteger("count"));
      if (s.containsKey("rateFromPrevious")) {
        out.append('(').append(s.getValue("rateFromPrevious")).append(')');
      }
      out.append(' ');
    }
    return out.toString().trim();
  }

  @Test
  void the_funnel_by_stage_source_and_campaign_matches_the_hand_count() {
    JsonObject r = report("2026-10-01", "2026-10-10");
    assertThat(r.getString("timeZone")).isEqualTo("Asia/Riyadh");
    JsonObject all = r.getJsonObject("funnel");
    assertThat(all.getInteger("leads")).isEqualTo(7);
    assertThat(all.getInteger("lost")).isEqualTo(2);
    assertThat(stages(all)).isEqualTo("new=7 contacted=5(0.7143) qualified=4(0.8) booked=2(0.5) converted=1(0.5)");
    assertThat(all.getDouble("conversionRate")).isEqualTo(0.1429);

    JsonArray bySource = r.getJsonArray("bySource");
    assertThat(bySource).hasSize(2);
    assertThat(bySource.getJsonObject(0).getString("source")).isEqualTo("web_form");
    assertThat(stages(bySource.getJsonObject(0))).isEqualTo("new=5 contacted=4(0.8) qualified=3(0.75) booked=2(0.6667) converted=1(0.5)");
    assertThat(bySource.getJsonObject(1).getString("source")).isEqualTo("referral");
    assertThat(stages(bySource.getJsonObject(1))).isEqualTo("new=2 contacted=1(0.5) qualified=1(1.0) booked=0(0.0) converted=0(null)");
    assertThat(bySource.getJsonObject(1).getInteger("lost")).isEqualTo(2);

    JsonArray byCampaign = r.getJsonArray("byCampaign");
    assertThat(byCampaign.getJsonObject(0).getString("campaign")).isEqualTo("c1");
    assertThat(byCampaign.getJsonObject(0).getInteger("leads")).isEqualTo(5);
    assertThat(byCampaign.getJsonObject(1).getString("campaign")).isNull();
    assertThat(byCampaign.getJsonObject(1).getInteger("leads")).isEqualTo(2);
  }

  @Test
  void time_to_first_contact_and_the_marketers_work_match_the_hand_count() {
    JsonObject r = report("2026-10-01", "2026-10-10");
    JsonObject first = r.getJsonObject("firstContact");
    assertThat(first.getInteger("contactedLeads")).isEqualTo(5);
    assertThat(first.getDouble("medianMinutes")).isEqualTo(30.0);
    assertThat(first.getDouble("averageMinutes")).isEqualTo(32.0);

    JsonObject marketer = r.getJsonArray("marketers").stream().map(JsonObject.class::cast)
        .filter(m -> MARKETER.equals(m.getString("userId"))).findFirst().orElseThrow();
    assertThat(marketer.getInteger("leadsAssigned")).isEqualTo(7);
    assertThat(marketer.getInteger("activities")).isEqualTo(5);
    assertThat(marketer.getJsonObject("activitiesByType"))
        .isEqualTo(new JsonObject().put("call", 3).put("note", 1).put("status_change", 1));
    assertThat(marketer.getInteger("conversions")).isEqualTo(1);
  }

  @Test
  void the_range_is_in_the_clinic_zone_and_bad_ranges_are_refused() {
    // 1 October alone: only L1, which arrived at 00:05 Riyadh time (21:05 UTC the day before)
    assertThat(report("2026-10-01", "2026-10-01").getJsonObject("funnel").getInteger("leads")).isEqualTo(1);
    assertThat(report("2026-09-01", "2026-09-30").getJsonObject("funnel").getInteger("leads")).isEqualTo(1);
    JsonObject empty = report("2020-01-01", "2020-01-31").getJsonObject("funnel");
    assertThat(empty.getInteger("leads")).isZero();
    assertThat(empty.getValue("conversionRate")).isNull();

    refused(range("2026-10-10", "2026-10-01").refusal(CrmAddresses.REPORTS_SUMMARIZE), ProblemKind.INVALID_INPUT, "invalid_range");
    refused(range("2024-01-01", "2026-10-01").refusal(CrmAddresses.REPORTS_SUMMARIZE), ProblemKind.INVALID_INPUT, "range_too_long");
    refused(range("2026-02-31", null).refusal(CrmAddresses.REPORTS_SUMMARIZE), ProblemKind.INVALID_INPUT, "invalid_report_date");
    refused(app.as(app.principalOf(DemoAccounts.RECEPTIONIST)).refusal(CrmAddresses.REPORTS_SUMMARIZE), ProblemKind.FORBIDDEN,
        "forbidden");
  }
}
