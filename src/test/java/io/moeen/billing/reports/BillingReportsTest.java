package io.moeen.billing.reports;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.moeen.billing.BillingApi.GENERAL_CONSULTATION;
import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.money;
import static io.moeen.billing.BillingApi.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Revenue by day, service and method (JSON and CSV), the VAT return and aging, over the demo data and a new day. */
class BillingReportsTest {
  static RunningApp app;
  static BillingApi api;
  static String accountant;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-reports");
    api = new BillingApi(app);
    accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
    // the demo documents move out of the way: the reports below read only what this test writes today
    app.asOwner("ALTER TABLE invoices DISABLE TRIGGER invoices_issued_final;"
        + " UPDATE invoices SET issued_at = issued_at - interval '400 days' WHERE number IS NOT NULL;"
        + " UPDATE payments SET received_at = received_at - interval '400 days';"
        + " ALTER TABLE invoices ENABLE TRIGGER invoices_issued_final;");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void revenue_vat_and_aging_add_up_what_was_issued_credited_and_collected() {
    String cashier = app.loginAs(DemoAccounts.CASHIER);
    // Aisha (citizen): consultation zero rated + an item at 15 %; Mohammed (resident): consultation at 15 %
    JsonObject aisha = api.issued(cashier, DemoAccounts.AISHA_PATIENT_ID, service(GENERAL_CONSULTATION),
        item("Bandage", "1", "10.00", "0"));
    JsonObject mohammed = api.issued(cashier, DemoAccounts.MOHAMMED_PATIENT_ID, service(GENERAL_CONSULTATION));
    api.call("POST", "/v1/invoices/" + mohammed.getString("id") + "/credit-notes", "en", cashier, new JsonObject()
        .put("reason", "Goodwill").put("lines", new JsonArray().add(item("Goodwill", "1", "20.00", "0"))));
    api.pay(cashier, aisha.getString("id"), UUID.randomUUID().toString(), money("cash", "161.50", null), "payments");
    api.pay(cashier, mohammed.getString("id"), UUID.randomUUID().toString(), money("mada", "50.00", "M-1"), "payments");
    String today = LocalDate.now(ZoneId.of("Asia/Riyadh")).toString();

    JsonObject byDay = api.call("GET", "/v1/billing/reports/revenue", "en", accountant, null).bodyAsJsonObject();
    assertThat(byDay.getJsonArray("items")).hasSize(1);
    // 150 + 10 + 150 − 20 net; 1.50 + 22.50 − 3.00 VAT
    assertThat(byDay.getJsonArray("items").getJsonObject(0).getMap()).containsEntry("key", today)
        .containsEntry("net", "290.00").containsEntry("vat", "21.00").containsEntry("total", "311.00")
        .containsEntry("documents", 3);

    JsonObject byService = api.call("GET", "/v1/billing/reports/revenue?by=service", "ar", accountant, null).bodyAsJsonObject();
    JsonObject consultation = byService.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("key").equals(GENERAL_CONSULTATION.toString())).findFirst().orElseThrow();
    assertThat(consultation.getMap()).containsEntry("label", "كشف عام").containsEntry("net", "300.00").containsEntry("vat", "22.50");

    JsonObject byMethod = api.call("GET", "/v1/billing/reports/revenue?by=method", "en", accountant, null).bodyAsJsonObject();
    assertThat(byMethod.getJsonObject("totals").getString("total")).isEqualTo("211.50");

    var csv = api.call("GET", "/v1/billing/reports/revenue.csv?by=method", "en", accountant, null);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString()).startsWith("\uFEFFkey,documents,taken,refunded,total")
        .contains("cash,1,161.50,0.00,161.50").contains("mada,1,50.00,0.00,50.00");

    JsonObject vat = api.call("GET", "/v1/billing/reports/vat-return", "en", accountant, null).bodyAsJsonObject();
    assertThat(vat.getString("vatDue")).isEqualTo("21.00");
    JsonObject standard = vat.getJsonArray("categories").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("category").equals("S")).findFirst().orElseThrow();
    assertThat(standard.getMap()).containsEntry("sales", "160.00").containsEntry("salesVat", "24.00")
        .containsEntry("adjustments", "20.00").containsEntry("adjustmentsVat", "3.00");
    JsonObject zero = vat.getJsonArray("categories").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("category").equals("Z")).findFirst().orElseThrow();
    assertThat(zero.getString("sales")).isEqualTo("150.00");

    JsonObject aging = api.call("GET", "/v1/billing/reports/receivables-aging", "en", accountant, null).bodyAsJsonObject();
    // Mohammed: 172.50 − 23.00 − 50.00 today; the demo's Mohammed and Fatimah invoices and Bupa's 120.00 on Ahmed's
    // insured one (049), now 400 days old
    assertThat(aging.getJsonArray("buckets").getJsonObject(0).getMap()).containsEntry("bucket", "0-30")
        .containsEntry("owed", "99.50").containsEntry("invoices", 1);
    assertThat(aging.getJsonArray("buckets").getJsonObject(3).getMap()).containsEntry("bucket", "91+")
        .containsEntry("owed", "626.44");
  }

  @Test
  void the_vat_return_and_the_aging_export_as_csv_with_the_json_figures_and_localized_headers() {
    JsonObject vat = api.call("GET", "/v1/billing/reports/vat-return?from=2020-01-01&to=2020-06-30", "en", accountant, null)
        .bodyAsJsonObject();
    var vatCsv = api.call("GET", "/v1/billing/reports/vat-return.csv?from=2020-01-01&to=2020-06-30", "ar", accountant, null);
    assertThat(vatCsv.statusCode()).isEqualTo(200);
    assertThat(vatCsv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(vatCsv.getHeader("Content-Disposition")).contains("filename=\"vat-return-2020-01-01-2020-06-30.csv\"");
    assertThat(vatCsv.bodyAsString()).startsWith("\uFEFFالفئة,الوصف,المبيعات (ريال)")
        .endsWith("الضريبة المستحقة,,,,,," + vat.getString("vatDue") + "\r\n");
    var badCsv = api.call("GET", "/v1/billing/reports/vat-return.csv?from=2026-02-01&to=2026-01-01", "ar", accountant, null);
    assertThat(badCsv.statusCode()).isEqualTo(400);
    assertThat(badCsv.bodyAsJsonObject().getString("code")).isEqualTo("invalid_range");

    // the demo's receivables (400 days old here) and whatever the other test issued today
    String cashier = app.loginAs(DemoAccounts.CASHIER);
    JsonObject aging = api.call("GET", "/v1/billing/reports/receivables-aging", "en", accountant, null).bodyAsJsonObject();
    var agingCsv = api.call("GET", "/v1/billing/reports/receivables-aging.csv", "en", accountant, null);
    assertThat(agingCsv.getHeader("Content-Disposition")).contains("receivables-aging-");
    String[] rows = agingCsv.bodyAsString().split("\r\n");
    assertThat(rows[0]).isEqualTo("\uFEFFAge (days since issue),Invoices,Owed (SAR)");
    for (int i = 0; i < 4; i++) {
      JsonObject bucket = aging.getJsonArray("buckets").getJsonObject(i);
      assertThat(rows[i + 1]).isEqualTo(bucket.getString("bucket") + "," + bucket.getLong("invoices") + "," + bucket.getString("owed"));
    }
    assertThat(rows[5]).startsWith("Total,").endsWith("," + aging.getString("owed"));
    assertThat(api.call("GET", "/v1/billing/reports/receivables-aging.csv", "ar", cashier, null).statusCode()).isEqualTo(403);
    String arabic = api.call("GET", "/v1/billing/reports/receivables-aging.csv", "ar", accountant, null).bodyAsString();
    assertThat(arabic).startsWith("\uFEFFالعمر (أيام منذ الإصدار),عدد الفواتير,المبلغ المستحق (ريال)");
  }

  @Test
  void only_the_accountant_and_supervisors_read_reports_and_a_bad_period_is_refused() {
    assertThat(api.call("GET", "/v1/billing/reports/revenue", "en", app.loginAs(DemoAccounts.CASHIER), null).statusCode())
        .isEqualTo(403);
    assertThat(api.call("GET", "/v1/billing/reports/vat-return", "en", app.loginAs(DemoAccounts.DOCTOR), null).statusCode())
        .isEqualTo(403);
    assertThat(api.call("GET", "/v1/billing/reports/revenue", "en", app.loginAs(DemoAccounts.SUPERVISOR), null).statusCode())
        .isEqualTo(200);
    var reversed = api.call("GET", "/v1/billing/reports/revenue?from=2026-02-01&to=2026-01-01", "ar", accountant, null);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.bodyAsJsonObject().getString("code")).isEqualTo("invalid_range");
  }
}
