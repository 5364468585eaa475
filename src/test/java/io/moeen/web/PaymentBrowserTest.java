package io.moeen.web;

import io.moeen.billing.BillingApi;
import io.moeen.billing.online.GatewayStandIn;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Pay now" in the patient portal, in a real Chromium, through the gateway stand-in's hosted page on loopback: Mohammed
 * sees his unpaid invoice (in English, his language), pays it with mada on the stand-in's page, comes back to the portal, which asks the
 * service until the gateway's signed webhook has recorded the payment, and shows the invoice paid, then in Arabic.
 */
class PaymentBrowserTest {
  static GatewayStandIn gateway;
  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    gateway = GatewayStandIn.start(0);
    app = RunningApp.start("web-payment", Map.of("MOEEN_PAYMENT_GATEWAY_URL", gateway.baseUrl(),
        "MOEEN_PAYMENT_GATEWAY_API_KEY", GatewayStandIn.API_KEY,
        "MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET", GatewayStandIn.SECRET));
    gateway.deliverTo(app.baseUrl() + "/v1/payments/gateway/webhook");
    page = new AppPage(browser, app.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void a_patient_pays_an_invoice_with_mada_and_the_portal_shows_it_paid() {
    BillingApi api = new BillingApi(app);
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    String invoice = api.issued(reception, DemoAccounts.MOHAMMED_PATIENT_ID,
        BillingApi.item("Crutches", "1", "100.00", "0.00")).getString("id");
    String card = "article.invoice[data-id='" + invoice + "']";

    page.openFresh("/app/portal/");
    page.signIn(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD);
    page.awaitHeading("My appointments"); // Mohammed reads English
    assertThat(page.navScreens()).contains("invoices");
    page.nav("invoices");
    page.awaitHeading("My invoices");
    assertThat(page.textOf(card + " .invoice-status")).isEqualTo("Issued, unpaid");
    assertThat(page.textOf(card + " .due")).contains("115");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click(card + " button.pay-now", "Pay now");

    // the gateway's hosted page (the stand-in's), then back to the portal
    browser.await(15, "the gateway's page", b -> b.<Boolean>script("return !!document.getElementById('pay-mada')"));
    assertThat(browser.<String>script("return document.getElementById('amount').textContent")).isEqualTo("115.00 SAR");
    browser.script("document.getElementById('pay-mada').click()");
    browser.await(20, "the portal says the payment arrived", b -> b.<Boolean>script(
        "const n = document.querySelector('.payment-notice .success'); return !!n && n.textContent.includes('Thank you')"));
    assertThat(browser.<String>script("return window.location.hash")).startsWith("#/invoices/" + invoice + "/checkout/");
    browser.await(10, "the invoice shown paid", b -> b.<Boolean>script(
        "const s = document.querySelector(arguments[0]); return !!s && s.textContent === 'Paid'", card + " .invoice-status"));
    assertThat(page.all(card + " button.pay-now")).isEmpty();
    page.screenshots("portal-en-invoice-paid");
    // the same screen in Arabic, right to left
    page.find("header button.language").click();
    page.awaitHeading("فواتيري");
    assertThat(page.dir()).isEqualTo("rtl");
    assertThat(page.textOf(card + " .invoice-status")).isEqualTo("مدفوعة");
    page.screenshots("portal-ar-invoice-paid");
    assertThat(api.scalar("SELECT method || ' ' || amount FROM payments WHERE invoice_id = '" + invoice + "'"))
        .isEqualTo("mada 115.00");
    assertThat(gateway.problemsSoFar()).isEmpty();
  }

  @Test
  void without_a_gateway_the_button_says_online_payment_is_not_set_up() {
    RunningApp off = RunningApp.start("web-payment-off");
    try {
      AppPage offPage = new AppPage(browser, off.baseUrl());
      offPage.openFresh("/app/portal/");
      offPage.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD);
      offPage.awaitHeading("مواعيدي");
      offPage.nav("invoices");
      offPage.awaitHeading("فواتيري");
      // Ahmed's second Bupa invoice waits for the insurer: it is partly paid, so it still shows the button
      String button = "article.invoice.status-partially_paid button.pay-now";
      assertThat(offPage.find(button).getText()).isEqualTo("الدفع الإلكتروني غير مفعّل");
      assertThat(offPage.find(button).isEnabled()).isFalse();
      assertThat(offPage.textOf("article.invoice.status-partially_paid .hint")).contains("غير مفعّل").contains("الاستقبال");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
      offPage.screenshots("portal-ar-invoices-no-gateway");
      // and the API says so too, in the caller's language, writing nothing
      String ahmed = off.loginAs(DemoAccounts.PATIENT_AHMED);
      String invoice = browser.script("return document.querySelector('article.invoice.status-partially_paid').dataset.id");
      var refused = off.send(off.client().request(io.vertx.core.http.HttpMethod.POST, "/v1/invoices/" + invoice + "/checkout")
          .putHeader("Authorization", "Bearer " + ahmed).putHeader("Idempotency-Key", "off-1"), "en", null, null);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("online_payment_unavailable");
      assertThat(refused.bodyAsJsonObject().getString("title")).isEqualTo("Online payment is not set up");
      assertThat(new BillingApi(off).count("SELECT 1 FROM payment_checkouts WHERE invoice_id = '" + invoice + "'")).isZero();
      // the webhook refuses everything: no secret to check a signature with
      var webhook = off.post("/v1/payments/gateway/webhook", "en", "application/json", "{}");
      assertThat(webhook.statusCode()).isEqualTo(401);
    } finally {
      off.close();
    }
  }
}
