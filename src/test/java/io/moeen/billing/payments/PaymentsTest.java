package io.moeen.billing.payments;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Payments and refunds: partial, in full, never more than owed or paid, once per Idempotency-Key; the cash-up. */
class PaymentsTest {
  static RunningApp app;
  static BillingApi api;
  static String cashier;
  static String accountant;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-payments");
    api = new BillingApi(app);
    cashier = app.loginAs(DemoAccounts.CASHIER);
    accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** An issued invoice of 115.00 (100.00 + 15 % VAT). */
  static String invoice() {
    return api.issued(cashier, DemoAccounts.REEM_PATIENT_ID, item("Splint", "1", "100.00", "0")).getString("id");
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  static Map<String, Object> body(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getMap();
  }

  @Test
  void a_partial_payment_then_the_rest_settles_the_invoice() {
    String id = invoice();

    var part = api.pay(cashier, id, key(), money("cash", "15", null), "payments");
    assertThat(part.statusCode()).as(part.bodyAsString()).isEqualTo(201);
    assertThat(body(part)).containsEntry("invoiceStatus", "partially_paid").containsEntry("balanceDue", "100.00")
        .containsEntry("amount", "15.00").containsEntry("receivedBy", DemoAccounts.CASHIER_ID.toString());
    var rest = api.pay(cashier, id, key(), money("mada", "100.00", "MADA-778812"), "payments");
    assertThat(body(rest)).containsEntry("invoiceStatus", "paid").containsEntry("balanceDue", "0.00");
    var more = api.pay(cashier, id, key(), money("cash", "1", null), "payments");
    assertThat(more.statusCode()).isEqualTo(409);
    assertThat(more.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_payable");
    var listed = api.call("GET", "/v1/invoices/" + id + "/payments", "en", accountant, null).bodyAsJsonObject();
    assertThat(listed.getJsonArray("items")).hasSize(2);
  }

  @Test
  void more_than_is_owed_a_draft_a_cancelled_invoice_or_a_card_without_reference_are_refused_and_nothing_is_written() {
    String id = invoice();
    String draft = api.draft(cashier, DemoAccounts.REEM_PATIENT_ID, item("X", "1", "5", "0")).bodyAsJsonObject().getString("id");
    String credited = invoice();
    api.call("POST", "/v1/invoices/" + credited + "/credit-notes", "en", cashier, new JsonObject().put("reason", "Waived")
        .put("lines", new JsonArray().add(item("Splint", "1", "100.00", "0"))));
    long before = api.count("SELECT 1 FROM payments");

    var tooMuch = api.pay(cashier, id, key(), money("cash", "115.01", null), "payments");
    var onDraft = api.pay(cashier, draft, key(), money("cash", "1", null), "payments");
    var onCancelled = api.pay(cashier, credited, key(), money("cash", "1", null), "payments");
    var noReference = api.pay(cashier, id, key(), money("card", "10", null), "payments");
    var negative = api.pay(cashier, id, key(), money("cash", "-5", null), "payments");
    var noKey = api.pay(cashier, id, null, money("cash", "5", null), "payments");

    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.bodyAsJsonObject().getString("detail")).contains("115.01", "115.00");
    assertThat(onDraft.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_issued");
    assertThat(api.scalar("SELECT status FROM invoices WHERE id = '" + credited + "'")).isEqualTo("cancelled");
    assertThat(onCancelled.statusCode()).isEqualTo(409);
    assertThat(onCancelled.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_payable");
    assertThat(noReference.statusCode()).isEqualTo(400);
    assertThat(noReference.bodyAsJsonObject().getString("code")).isEqualTo("payment_reference_required");
    assertThat(negative.bodyAsJsonObject().getString("code")).isEqualTo("invalid_amount");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(api.count("SELECT 1 FROM payments")).isEqualTo(before);
    assertThat(api.count("SELECT 1 FROM idempotency_keys WHERE scope LIKE 'billing.payments:%' AND state = 'in_progress'")).isZero();
  }

  @Test
  void refunds_give_back_at_most_what_was_paid_and_reopen_the_balance() {
    String id = invoice();
    api.pay(cashier, id, key(), money("cash", "115.00", null), "payments");

    var tooMuch = api.pay(cashier, id, key(), money("cash", "115.01", null).put("reason", "x"), "refunds");
    var part = api.pay(cashier, id, key(), money("cash", "15.00", null).put("reason", "Overcharged"), "refunds");
    var rest = api.pay(cashier, id, key(), money("cash", "100.01", null), "refunds");

    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.bodyAsJsonObject().getString("code")).isEqualTo("refund_exceeds_paid");
    assertThat(part.statusCode()).isEqualTo(201);
    assertThat(body(part)).containsEntry("kind", "refund").containsEntry("invoiceStatus", "partially_paid")
        .containsEntry("balanceDue", "15.00");
    assertThat(rest.bodyAsJsonObject().getString("detail")).contains("100.00");
    // the money given back is owed until a credit note says otherwise
    var credit = api.call("POST", "/v1/invoices/" + id + "/credit-notes", "en", cashier, new JsonObject()
        .put("reason", "Overcharged").put("lines", new JsonArray().add(item("Splint", "1", "13.04", "0"))));
    assertThat(credit.statusCode()).as(credit.bodyAsString()).isEqualTo(201);
    assertThat(api.scalar("SELECT status || ' ' || invoice_balance(id) FROM invoices WHERE id = '" + id + "'"))
        .isEqualTo("paid 0.00");
  }

  @Test
  void a_retry_with_the_same_key_answers_the_first_answer_and_another_body_is_refused() {
    String id = invoice();
    String key = key();

    var first = api.pay(cashier, id, key, money("cash", "10", null), "payments");
    var retry = api.pay(cashier, id, key, money("cash", "10", null), "payments");
    var other = api.pay(cashier, id, key, money("cash", "11", null), "payments");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("payment_key_reused");
    assertThat(api.count("SELECT 1 FROM payments WHERE invoice_id = '" + id + "'")).isEqualTo(1);
  }

  @Test
  void duplicates_sent_at_once_are_taken_once_and_racing_payments_never_take_more_than_owed() {
    String id = invoice();
    String key = key();
    List<Future<HttpResponse<Buffer>>> same = IntStream.range(0, 8).mapToObj(i -> app.client()
        .post("/v1/invoices/" + id + "/payments").putHeader("Authorization", "Bearer " + cashier)
        .putHeader("Idempotency-Key", key).sendJsonObject(money("cash", "20", null))).toList();
    Future.all(same).await();
    assertThat(same).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(201));
    assertThat(same.stream().map(f -> f.result().bodyAsJsonObject().getString("id")).distinct()).hasSize(1);

    List<Future<HttpResponse<Buffer>>> racing = IntStream.range(0, 8).mapToObj(i -> app.client()
        .post("/v1/invoices/" + id + "/payments").putHeader("Authorization", "Bearer " + cashier)
        .putHeader("Idempotency-Key", key()).sendJsonObject(money("cash", "30", null))).toList();
    Future.all(racing).await();
    long taken = racing.stream().filter(f -> f.result().statusCode() == 201).count();
    assertThat(taken).isEqualTo(3);
    assertThat(racing.stream().map(f -> f.result().statusCode()).filter(s -> s != 201)).containsOnly(422);
    assertThat(api.scalar("SELECT invoice_balance('" + id + "')")).isEqualTo("5.00");
  }

  @Test
  void the_cash_up_adds_a_cashiers_day_by_method_and_says_what_is_in_the_drawer() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    String mine = invoice();
    String another = invoice();
    var before = api.call("GET", "/v1/billing/cash-up", "en", reception, null).bodyAsJsonObject();
    String receptionId = before.getString("cashierId");

    api.pay(reception, mine, key(), money("cash", "50.00", null), "payments");
    api.pay(reception, mine, key(), money("card", "65.00", "POS-1"), "payments");
    api.pay(reception, mine, key(), money("cash", "20.00", null), "refunds");
    api.pay(reception, another, key(), money("bank_transfer", "15.00", "TRF-9"), "payments");
    api.pay(cashier, another, key(), money("cash", "7.00", null), "payments");

    JsonObject day = api.call("GET", "/v1/billing/cash-up", "en", reception, null).bodyAsJsonObject();
    assertThat(day.getString("timeZone")).isEqualTo("Asia/Riyadh");
    JsonObject cash = day.getJsonArray("methods").getJsonObject(0);
    assertThat(cash.getMap()).containsEntry("method", "cash").containsEntry("taken", "50.00")
        .containsEntry("refunded", "20.00").containsEntry("net", "30.00").containsEntry("count", 2);
    assertThat(day.getMap()).containsEntry("taken", "130.00").containsEntry("refunded", "20.00")
        .containsEntry("net", "110.00").containsEntry("expectedCashInDrawer", "30.00");

    var byAccountant = api.call("GET", "/v1/billing/cash-up?cashierId=" + receptionId, "en", accountant, null);
    assertThat(byAccountant.bodyAsJsonObject().getString("net")).isEqualTo("110.00");
    var byCashier = api.call("GET", "/v1/billing/cash-up?cashierId=" + receptionId, "en", cashier, null);
    assertThat(byCashier.statusCode()).isEqualTo(403);
    var otherDay = api.call("GET", "/v1/billing/cash-up?date=2020-01-01", "en", reception, null).bodyAsJsonObject();
    assertThat(otherDay.getString("taken")).isEqualTo("0.00");
  }
}
