package io.moeen.billing.invoices;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.moeen.billing.BillingApi.AHMED_PAID_INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which invoice, the seller's VAT number, and the draft a completed appointment leaves. */
class InvoiceAccessTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static RunningApp app;
  static BillingApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-access");
    api = new BillingApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void doctors_see_no_money_and_patients_see_only_their_own_invoices() {
    String path = "/v1/invoices/" + AHMED_PAID_INVOICE;
    var doctor = api.call("GET", path, "en", app.loginAs(DemoAccounts.DOCTOR), null);
    var fatimah = api.call("GET", path, "en", app.loginAs(DemoAccounts.PATIENT_FATIMAH), null);
    String ahmedToken = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var ahmed = api.call("GET", path, "en", ahmedToken, null);
    var yousef = api.call("GET", path, "en", app.loginAs(DemoAccounts.FAMILY_YOUSEF), null);

    assertThat(doctor.statusCode()).isEqualTo(403);
    assertThat(api.call("GET", "/v1/invoices", "en", app.loginAs(DemoAccounts.DOCTOR), null).statusCode()).isEqualTo(403);
    assertThat(fatimah.statusCode()).isEqualTo(404);
    assertThat(fatimah.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_found");
    assertThat(ahmed.statusCode()).isEqualTo(200);
    assertThat(ahmed.bodyAsJsonObject().getMap()).containsEntry("status", "paid").containsEntry("balanceDue", "0.00");
    assertThat(yousef.statusCode()).isEqualTo(403);
    assertThat(yousef.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    assertThat(yousef.bodyAsJsonObject().getString("detail")).contains("see their invoices");

    var mine = api.call("GET", "/v1/invoices", "en", ahmedToken, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(mine).isNotEmpty();
    assertThat(mine.stream().map(i -> ((JsonObject) i).getString("patientId")).distinct())
        .containsExactly(DemoAccounts.AHMED_PATIENT_ID.toString());
    var others = api.call("GET", "/v1/invoices?patientId=" + DemoAccounts.FATIMAH_PATIENT_ID, "en", ahmedToken, null);
    assertThat(others.statusCode()).isEqualTo(404);

    app.asOwner("UPDATE family_members SET scopes = scopes || '{billing.read}' WHERE user_id = '"
        + DemoAccounts.YOUSEF_USER_ID + "'");
    var granted = api.call("GET", path, "en", app.loginAs(DemoAccounts.FAMILY_YOUSEF), null);
    assertThat(granted.statusCode()).isEqualTo(200);
    var payments = api.call("GET", path + "/payments", "en", app.loginAs(DemoAccounts.FAMILY_YOUSEF), null);
    assertThat(payments.bodyAsJsonObject().getJsonArray("items")).hasSize(1);
  }

  @Test
  void the_demo_clinic_has_invoices_in_every_state_with_their_qr_and_a_credit_note() {
    String accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
    var items = api.call("GET", "/v1/invoices", "en", accountant, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(items.stream().map(i -> ((JsonObject) i).getString("status")).distinct())
        .contains("draft", "issued", "paid", "partially_paid", "cancelled");
    assertThat(items.stream().map(i -> ((JsonObject) i).getString("kind"))).contains("credit_note");
    JsonObject fatimah = api.call("GET", "/v1/invoices/00000000-0000-4019-8000-000000000003", "en", accountant, null)
        .bodyAsJsonObject();
    assertThat(fatimah.getMap()).containsEntry("status", "partially_paid").containsEntry("balanceDue", "103.94");
    // the QR written by the demo data reads back as the application writes it
    var fields = InvoicesTest.tlvValues(java.util.Base64.getDecoder().decode(fatimah.getString("qr")));
    assertThat(fields.get(0)).isEqualTo("شركة عيادة معين الطبية");
    assertThat(fields.subList(3, 5)).containsExactly("203.94", "7.04");
  }

  @Test
  void a_vat_number_that_is_not_15_digits_starting_and_ending_with_3_is_refused_and_nothing_changes() {
    String accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
    String path = "/v1/billing/sellers/" + BillingApi.JEDDAH;
    JsonObject seller = api.call("GET", path, "en", accountant, null).bodyAsJsonObject();
    String before = seller.encode();
    seller.remove("locationId");

    for (String bad : new String[] {"31012239350000", "410122393500003", "310122393500004", "3101223935000033", "3101223935OOO03"}) {
      var refused = api.call("PUT", path, "ar", accountant, seller.copy().put("vatNumber", bad));
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("invalid_vat_number");
      assertThat(refused.bodyAsJsonObject().getString("title")).isEqualTo("رقم ضريبي غير صالح");
    }
    assertThat(api.call("GET", path, "en", accountant, null).bodyAsJsonObject().encode()).isEqualTo(before);
    var saved = api.call("PUT", path, "en", accountant, seller.copy().put("vatNumber", "300000000000003"));
    assertThat(saved.bodyAsJsonObject().getString("vatNumber")).isEqualTo("300000000000003");
    assertThat(api.call("PUT", path, "en", app.loginAs(DemoAccounts.CASHIER), seller).statusCode()).isEqualTo(403);
  }

  @Test
  void completing_an_appointment_drafts_its_invoice_from_the_service_price_once() throws InterruptedException {
    UUID appointment = UUID.randomUUID();
    Instant midnight = LocalDate.now(RIYADH).atStartOfDay(RIYADH).toInstant();
    Instant start = Instant.now().isAfter(midnight.plus(40, ChronoUnit.MINUTES))
        ? midnight.plus(5, ChronoUnit.MINUTES) : Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source)
        VALUES ('%s', '%s', '00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c300-000000000005',
                '00000000-0000-4000-c100-000000000001', '%s', '%s', '%s', '%s', 'checked_in', 'reception')
        """.formatted(appointment, DemoAccounts.MOHAMMED_PATIENT_ID, start, start.plus(20, ChronoUnit.MINUTES),
        start.minus(5, ChronoUnit.MINUTES), start.plus(25, ChronoUnit.MINUTES)));
    // written checked in, it opened its visit record (028); the doctor has finished it
    app.asOwner("UPDATE encounters SET status = 'finished', ended_at = greatest(started_at, now()) WHERE appointment_id = '"
        + appointment + "'");
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);

    var completed = api.call("POST", "/v1/appointments/" + appointment + "/complete", "en", reception, null);
    assertThat(completed.statusCode()).as(completed.bodyAsString()).isEqualTo(200);

    String sql = "SELECT i.id FROM invoices i WHERE i.appointment_id = '" + appointment + "'";
    for (int i = 0; i < 100 && api.scalar(sql) == null; i++) {
      Thread.sleep(50);
    }
    String invoice = api.scalar(sql);
    assertThat(invoice).isNotNull();
    JsonObject draft = api.call("GET", "/v1/invoices/" + invoice, "en", reception, null).bodyAsJsonObject();
    assertThat(draft.getMap()).containsEntry("status", "draft").containsEntry("appointmentId", appointment.toString())
        .containsEntry("locationId", BillingApi.OLAYA.toString());
    assertThat(draft.getJsonArray("lines").getJsonObject(0).getMap()).containsEntry("sourceKind", "service")
        .containsEntry("unitPrice", "120.00").containsEntry("vatAmount", "18.00").containsEntry("description", "Electrocardiogram (ECG)");
    // the event heard again (another node, a replay) drafts nothing more
    app.asOwner("SELECT billing_draft_for_appointment('" + appointment + "')");
    assertThat(api.count(sql)).isEqualTo(1);
    // reception adds a line and issues it
    api.call("POST", "/v1/invoices/" + invoice + "/lines", "en", reception, BillingApi.item("Electrodes", "1", "10", "0"));
    var issued = api.call("POST", "/v1/invoices/" + invoice + "/issue", "en", reception, null);
    assertThat(issued.bodyAsJsonObject().getJsonObject("totals").getString("total")).isEqualTo("149.50");
  }
}
