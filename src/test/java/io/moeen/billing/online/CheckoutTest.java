package io.moeen.billing.online;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moeen.billing.BillingApi.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying online against a gateway stand-in on loopback (real HTTP both ways, no mocks): the checkout is for what the
 * patient owes, made once per Idempotency-Key; the signed webhook records ONE card/mada payment however often and
 * however concurrently it comes; unsigned, badly signed, stale, or mismatched deliveries write nothing; failed and
 * cancelled payments record nothing and say why; other people's invoices are 404, paid and cancelled ones 409, and a
 * family member needs both scopes billing.read and billing.pay.
 */
class CheckoutTest {
  static GatewayStandIn gateway;
  static RunningApp app;
  static BillingApi api;
  static String reception;
  static String ahmed;
  static final UUID AHMED = DemoAccounts.AHMED_PATIENT_ID;

  @BeforeAll
  static void start() {
    gateway = GatewayStandIn.start(0);
    app = RunningApp.start("billing-checkout", Map.of("MOEEN_PAYMENT_GATEWAY_URL", gateway.baseUrl(),
        "MOEEN_PAYMENT_GATEWAY_API_KEY", GatewayStandIn.API_KEY,
        "MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET", GatewayStandIn.SECRET));
    gateway.deliverTo(app.baseUrl() + "/v1/payments/gateway/webhook");
    api = new BillingApi(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
    gateway.close();
  }

  /** An invoice of Ahmed's, issued, with something for him to pay (he is insured: his share of it). */
  private static String owed() {
    return api.issued(reception, AHMED, item("Crutches", "1", "100.00", "0.00")).getString("id");
  }

  private static HttpResponse<Buffer> checkout(String token, String invoice, String key, String lang) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.POST, "/v1/invoices/" + invoice + "/checkout")
        .putHeader("Authorization", "Bearer " + token);
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    return app.send(request, lang, null, null);
  }

  private static JsonObject made(String invoice) {
    var made = checkout(ahmed, invoice, UUID.randomUUID().toString(), "en");
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    return made.bodyAsJsonObject();
  }

  private static JsonObject status(String invoice, String checkout, String lang) {
    var got = api.call("GET", "/v1/invoices/" + invoice + "/checkouts/" + checkout, lang, ahmed, null);
    assertThat(got.statusCode()).as(got.bodyAsString()).isEqualTo(200);
    return got.bodyAsJsonObject();
  }

  private static long halalas(JsonObject checkout) {
    return new BigDecimal(checkout.getString("amount")).movePointRight(2).longValueExact();
  }

  private static HttpResponse<Buffer> signed(JsonObject event) {
    String body = event.encode();
    return gateway.deliver(body, GatewayStandIn.signature(GatewayStandIn.SECRET, body)).await();
  }

  private static long payments(String checkout) {
    return api.count("SELECT 1 FROM payments WHERE checkout_id = '" + checkout + "'");
  }

  @Test
  void online_payment_is_available_with_a_gateway() {
    var answer = api.call("GET", "/v1/billing/online-payments", "ar", ahmed, null).bodyAsJsonObject();
    assertThat(answer.getBoolean("available")).isTrue();
    assertThat(answer.getJsonArray("methods")).containsExactly("card", "mada");
    assertThat(answer.getString("message")).contains("مدى");
  }

  @Test
  void the_patient_pays_their_share_and_the_webhook_records_one_mada_payment_even_when_delivered_twice() {
    String invoice = owed();
    BigDecimal due = new BigDecimal(api.scalar("SELECT invoice_patient_due('" + invoice + "')"));
    BigDecimal balance = new BigDecimal(api.scalar("SELECT invoice_balance('" + invoice + "')"));
    assertThat(due).isPositive().isLessThan(balance); // the insurer pays part of it

    String key = UUID.randomUUID().toString();
    var first = checkout(ahmed, invoice, key, "en");
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    JsonObject checkout = first.bodyAsJsonObject();
    assertThat(new BigDecimal(checkout.getString("amount"))).isEqualByComparingTo(due);
    assertThat(checkout.getString("status")).isEqualTo("initiated");
    assertThat(checkout.getString("paymentUrl")).startsWith(gateway.baseUrl() + "/pay/");
    // the same key again: the same checkout, one checkout at the gateway
    var again = checkout(ahmed, invoice, key, "en");
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(checkout.getString("id"));
    assertThat(gateway.createsPerKey.get(checkout.getString("id")).get()).isEqualTo(1);
    JsonObject atGateway = gateway.checkouts.values().stream()
        .filter(c -> c.getJsonObject("metadata").getString("checkout_id").equals(checkout.getString("id"))).findFirst().orElseThrow();
    assertThat(atGateway.getLong("amount")).isEqualTo(halalas(checkout));
    assertThat(atGateway.getString("callback_url")).startsWith(app.baseUrl() + "/app/portal/")
        .endsWith("#/invoices/" + invoice + "/checkout/" + checkout.getString("id"));
    // a key used again for another invoice is refused
    assertThat(checkout(ahmed, owed(), key, "en").statusCode()).isEqualTo(422);

    JsonObject paid = GatewayStandIn.event("pay_happy_1", "paid", halalas(checkout), "SAR", "mada", checkout.getString("id"),
        Instant.now(), null);
    var recorded = signed(paid);
    assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(200);
    assertThat(recorded.bodyAsJsonObject().getString("result")).isEqualTo("recorded");
    var twice = signed(paid);
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.bodyAsJsonObject().getString("result")).isEqualTo("duplicate");

    assertThat(payments(checkout.getString("id"))).isEqualTo(1);
    assertThat(api.scalar("SELECT method || ' ' || reference || ' ' || amount FROM payments WHERE checkout_id = '"
        + checkout.getString("id") + "'")).isEqualTo("mada pay_happy_1 " + due.setScale(2));
    JsonObject after = status(invoice, checkout.getString("id"), "en");
    assertThat(after.getString("status")).isEqualTo("paid");
    assertThat(after.getString("method")).isEqualTo("mada");
    assertThat(after.getString("paymentId")).isNotNull();
    assertThat(after.getString("invoiceStatus")).isEqualTo("partially_paid"); // the insurer's share is still owed
    assertThat(new BigDecimal(api.scalar("SELECT invoice_patient_due('" + invoice + "')"))).isZero();
    // and now there is nothing left for Ahmed to pay online
    var nothing = checkout(ahmed, invoice, UUID.randomUUID().toString(), "ar");
    assertThat(nothing.statusCode()).isEqualTo(409);
    assertThat(nothing.bodyAsJsonObject().getString("code")).isEqualTo("nothing_to_pay_online");
    assertThat(nothing.bodyAsJsonObject().getString("detail")).contains("التأمين");
  }

  @Test
  void ten_concurrent_deliveries_of_one_payment_record_it_once() {
    String invoice = owed();
    JsonObject checkout = made(invoice);
    JsonObject paid = GatewayStandIn.event("pay_race_1", "paid", halalas(checkout), "SAR", "creditcard",
        checkout.getString("id"), Instant.now(), null);
    String body = paid.encode();
    String signature = GatewayStandIn.signature(GatewayStandIn.SECRET, body);
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(gateway.deliver(body, signature));
    }
    Future.all(all).await();
    List<String> results = all.stream().map(f -> f.result().statusCode() + " " + f.result().bodyAsJsonObject().getString("result")).toList();
    assertThat(results).containsOnly("200 recorded", "200 duplicate");
    assertThat(results).filteredOn(r -> r.endsWith("recorded")).hasSize(1);
    assertThat(payments(checkout.getString("id"))).isEqualTo(1);
    assertThat(api.count("SELECT 1 FROM payments WHERE reference = 'pay_race_1'")).isEqualTo(1);
    assertThat(status(invoice, checkout.getString("id"), "en").getString("method")).isEqualTo("card");
  }

  @Test
  void unsigned_badly_signed_stale_or_mismatched_deliveries_write_nothing() {
    String invoice = owed();
    JsonObject checkout = made(invoice);
    String id = checkout.getString("id");
    String body = GatewayStandIn.event("pay_bad_1", "paid", halalas(checkout), "SAR", "mada", id, Instant.now(), null).encode();
    assertThat(gateway.deliver(body, null).await().statusCode()).isEqualTo(401);
    assertThat(gateway.deliver(body, GatewayStandIn.signature("not-the-secret-at-all", body)).await().statusCode()).isEqualTo(401);
    assertThat(gateway.deliver(body, "sha256=zz").await().statusCode()).isEqualTo(401);
    // signed, then changed on the way: the signature no longer matches
    String tampered = body.replace("\"amount\":" + halalas(checkout), "\"amount\":1");
    assertThat(gateway.deliver(tampered, GatewayStandIn.signature(GatewayStandIn.SECRET, body)).await().statusCode()).isEqualTo(401);
    // a signed delivery from ten minutes ago (a replay): 400
    var stale = signed(GatewayStandIn.event("pay_bad_1", "paid", halalas(checkout), "SAR", "mada", id,
        Instant.now().minus(Duration.ofMinutes(10)), null));
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("webhook_stale");
    // signed and recent, but not the checkout's amount or currency: 422, nothing written
    var less = signed(GatewayStandIn.event("pay_bad_1", "paid", halalas(checkout) - 1, "SAR", "mada", id, Instant.now(), null));
    assertThat(less.statusCode()).isEqualTo(422);
    assertThat(less.bodyAsJsonObject().getString("code")).isEqualTo("gateway_amount_mismatch");
    var dollars = signed(GatewayStandIn.event("pay_bad_1", "paid", halalas(checkout), "USD", "mada", id, Instant.now(), null));
    assertThat(dollars.statusCode()).isEqualTo(422);
    assertThat(payments(id)).isZero();
    assertThat(status(invoice, id, "en").getString("status")).isEqualTo("initiated");
    // an unknown checkout: 404
    var unknown = signed(GatewayStandIn.event("pay_bad_2", "paid", 100, "SAR", "mada", UUID.randomUUID().toString(),
        Instant.now(), null));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(api.count("SELECT 1 FROM payments WHERE reference LIKE 'pay_bad_%'")).isZero();
  }

  @Test
  void a_declined_or_cancelled_payment_records_nothing_and_the_checkout_says_why() {
    String invoice = owed();
    JsonObject declined = made(invoice);
    var failed = signed(GatewayStandIn.event("pay_declined", "failed", halalas(declined), "SAR", "creditcard",
        declined.getString("id"), Instant.now(), "INSUFFICIENT_FUNDS"));
    assertThat(failed.statusCode()).isEqualTo(200);
    JsonObject seen = status(invoice, declined.getString("id"), "ar");
    assertThat(seen.getString("status")).isEqualTo("failed");
    assertThat(seen.getJsonObject("failure").getString("code")).isEqualTo("failed");
    assertThat(seen.getJsonObject("failure").getString("reason")).contains("رُفض الدفع");
    assertThat(seen.getJsonObject("failure").getString("gatewayMessage")).isEqualTo("INSUFFICIENT_FUNDS");

    JsonObject cancelled = made(invoice);
    signed(GatewayStandIn.event("pay_cancelled", "canceled", halalas(cancelled), "SAR", "mada",
        cancelled.getString("id"), Instant.now(), null));
    JsonObject ended = status(invoice, cancelled.getString("id"), "en");
    assertThat(ended.getString("status")).isEqualTo("cancelled");
    assertThat(ended.getJsonObject("failure").getString("reason")).contains("cancelled");
    assertThat(api.count("SELECT 1 FROM payments WHERE invoice_id = '" + invoice + "'")).isZero();
    assertThat(ended.getString("invoiceStatus")).isEqualTo("issued");
  }

  @Test
  void money_arriving_for_an_invoice_settled_meanwhile_is_refused_and_kept_for_a_refund() {
    String invoice = owed();
    JsonObject checkout = made(invoice);
    // Ahmed pays his share at the desk while the gateway's page is still open
    String due = api.scalar("SELECT invoice_patient_due('" + invoice + "')");
    assertThat(api.pay(reception, invoice, UUID.randomUUID().toString(), BillingApi.money("cash", due, null), "payments")
        .statusCode()).isEqualTo(201);
    var late = signed(GatewayStandIn.event("pay_late", "paid", halalas(checkout), "SAR", "mada", checkout.getString("id"),
        Instant.now(), null));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.bodyAsJsonObject().getString("result")).isEqualTo("refused");
    assertThat(payments(checkout.getString("id"))).isZero();
    JsonObject seen = status(invoice, checkout.getString("id"), "en");
    assertThat(seen.getString("status")).isEqualTo("refused");
    assertThat(seen.getString("gatewayPaymentId")).isEqualTo("pay_late");
  }

  @Test
  void other_peoples_invoices_are_hidden_and_paid_or_cancelled_ones_take_nothing() {
    var fatimahs = checkout(ahmed, "00000000-0000-4019-8000-000000000003", UUID.randomUUID().toString(), "en");
    assertThat(fatimahs.statusCode()).isEqualTo(404);
    assertThat(fatimahs.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_found");
    var paid = checkout(ahmed, BillingApi.AHMED_PAID_INVOICE.toString(), UUID.randomUUID().toString(), "en");
    assertThat(paid.statusCode()).isEqualTo(409);
    assertThat(paid.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_payable");
    // a cancelled draft of Ahmed's
    String draft = api.draft(reception, AHMED, item("Gauze", "1", "10.00", "0.00")).bodyAsJsonObject().getString("id");
    assertThat(api.call("POST", "/v1/invoices/" + draft + "/cancel", "en", reception, null).statusCode()).isEqualTo(200);
    var cancelled = checkout(ahmed, draft, UUID.randomUUID().toString(), "en");
    assertThat(cancelled.statusCode()).isEqualTo(409);
    // without an Idempotency-Key: 400
    assertThat(checkout(ahmed, owed(), null, "en").statusCode()).isEqualTo(400);
    // staff take card payments at the desk, not through the patient's checkout
    assertThat(checkout(reception, owed(), UUID.randomUUID().toString(), "en").statusCode()).isEqualTo(403);
    // a checkout read through another invoice is 404
    String invoice = owed();
    JsonObject checkout = made(invoice);
    assertThat(api.call("GET", "/v1/invoices/" + owed() + "/checkouts/" + checkout.getString("id"), "en", ahmed, null)
        .statusCode()).isEqualTo(404);
    assertThat(api.count("SELECT 1 FROM payment_checkouts WHERE invoice_id IN ('00000000-0000-4019-8000-000000000003', '"
        + BillingApi.AHMED_PAID_INVOICE + "', '" + draft + "') AND id <> '00000000-0000-4019-8000-0000000006c1'")).isZero();
  }

  @Test
  void a_family_member_pays_only_with_both_scopes() {
    String invoice = owed();
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var refused = checkout(yousef, invoice, UUID.randomUUID().toString(), "ar");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    String member = api.scalar("SELECT id FROM family_members WHERE user_id = '" + DemoAccounts.YOUSEF_USER_ID
        + "' AND patient_id = '" + AHMED + "' AND revoked_at IS NULL");
    String grant = "/v1/patients/" + AHMED + "/family-members/" + member;
    // seeing the invoices is not paying them
    assertThat(api.call("PATCH", grant, "en", ahmed, new JsonObject().put("scopes", new JsonArray().add("billing.read")))
        .statusCode()).isEqualTo(200);
    yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var readOnly = checkout(yousef, invoice, UUID.randomUUID().toString(), "en");
    assertThat(readOnly.statusCode()).isEqualTo(403);
    assertThat(readOnly.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    assertThat(api.call("PATCH", grant, "en", ahmed, new JsonObject().put("scopes", new JsonArray().add("billing.read")
        .add("billing.pay"))).statusCode()).isEqualTo(200);
    yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var allowed = checkout(yousef, invoice, UUID.randomUUID().toString(), "en");
    assertThat(allowed.statusCode()).as(allowed.bodyAsString()).isEqualTo(201);
  }

  @Test
  void a_gateway_that_does_not_answer_charges_nothing_and_the_key_can_be_used_again() {
    String invoice = owed();
    String key = UUID.randomUUID().toString();
    gateway.failCreates = true;
    try {
      var down = checkout(ahmed, invoice, key, "ar");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.bodyAsJsonObject().getString("code")).isEqualTo("payment_gateway_unavailable");
      assertThat(down.bodyAsJsonObject().getString("title")).isEqualTo("خدمة الدفع لا تستجيب");
    } finally {
      gateway.failCreates = false;
    }
    assertThat(api.scalar("SELECT status || ' ' || failure_code FROM payment_checkouts WHERE invoice_id = '" + invoice + "'"))
        .isEqualTo("failed gateway_unavailable");
    var later = checkout(ahmed, invoice, key, "en");
    assertThat(later.statusCode()).as(later.bodyAsString()).isEqualTo(201);
    assertThat(gateway.problems).isEmpty();
  }
}
