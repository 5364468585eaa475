package io.moeen.web;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient portal in a real Chromium against the real service and database: sign-in (phone, e-mail, two-step),
 * booking service → doctor → slot, moving and cancelling, profile, the live inbox, a family account, the language
 * switch without a reload, refresh-token rotation, the end of a session and signing out. One browser, tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    // the outbox delivers in-app notifications on its own here: the inbox is tested live
    app = RunningApp.start("web-portal", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "300"));
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    // a patient may hold 3 coming appointments: Ahmed starts with none, so the tests' bookings fit
    // his demo dental plan's booked step points at one of them (db/demo/052)
    app.asOwner("DELETE FROM dental_plan_steps WHERE appointment_id IN (SELECT id FROM appointments WHERE patient_id = '"
        + DemoAccounts.AHMED_PATIENT_ID + "' AND starts_at > now())");
    app.asOwner("DELETE FROM appointments WHERE patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "' AND starts_at > now()");
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
  }

  @Test
  @Order(1)
  @DisplayName("A patient signs in with a local phone number in Arabic digits; the portal is Arabic and right to left")
  void patient_signs_in_by_phone_in_arabic() {
    page.openFresh("/app/portal/");
    assertThat(page.dir()).isEqualTo("rtl");
    assertThat(page.lang()).isEqualTo("ar");
    assertThat(page.heading()).isEqualTo("تسجيل الدخول إلى بوابة المرضى");
    page.screenshots("portal-ar-sign-in");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    page.signIn("٠٥٥٠٠٠٠٠٠٧", "wrong password");
    assertThat(page.alert()).isNotBlank();
    assertThat(page.refreshToken()).isNull();

    page.signIn("٠٥٥٠٠٠٠٠٠٧", DemoAccounts.PASSWORD);
    page.awaitHeading("مواعيدي");
    assertThat(page.navScreens()).containsExactly("appointments", "book", "inbox", "invoices", "education", "family", "messages", "intake", "profile");
    assertThat(page.find("header .who").getText()).contains("أحمد");
    assertThat(page.refreshToken()).as("the refresh token is in this tab's sessionStorage").isNotBlank();
    assertThat(browser.<Long>script("return window.localStorage.length")).as("nothing of the sign-in in localStorage").isZero();
  }

  @Test
  @Order(2)
  @DisplayName("Booking: service → doctor → day → slot → confirm, the day written in both calendars")
  void patient_books_service_doctor_slot() {
    page.nav("book");
    assertThat(page.find("main h2").getText()).isEqualTo("اختر الخدمة");
    page.screenshots("portal-ar-book-service");
    page.click("button.choice", "كشف عام");
    assertThat(page.find(".step h2").getText()).isEqualTo("اختر الطبيب");
    page.click("button.choice", "خالد");
    browser.await(15, "the slots", b -> !page.all("button.slot").isEmpty() || !page.all(".step .empty").isEmpty());
    if (page.all("button.slot").isEmpty()) {
      page.click(".step .actions button", "الأيام التالية");
      browser.await(15, "the slots a week on", b -> !page.all("button.slot").isEmpty());
    }
    String range = page.find(".range").getText();
    assertThat(range).as("Gregorian · Hijri").contains(" · ").contains("هـ");
    page.screenshots("portal-ar-book-slot");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    WebElement slot = page.all("button.slot").get(0);
    String startsAt = slot.getAttribute("data-starts-at");
    slot.click();
    assertThat(page.find(".step h2").getText()).isEqualTo("تأكيد الحجز");
    page.find(".step textarea").sendKeys("أول زيارة");
    page.screenshots("portal-ar-book-confirm");
    page.click(".step button.primary", "احجز");
    page.awaitHeading("مواعيدي");
    browser.await(10, "the booking in the list", b -> !page.all("article.appointment.status-pending").isEmpty());

    Row row = one("SELECT status, source, notes, starts_at FROM appointments WHERE patient_id = $1 AND notes = 'أول زيارة'",
        DemoAccounts.AHMED_PATIENT_ID);
    assertThat(row.getString("source")).isEqualTo("web");
    assertThat(row.getString("notes")).isEqualTo("أول زيارة");
    assertThat(row.getOffsetDateTime("starts_at").toInstant()).isEqualTo(OffsetDateTime.parse(startsAt).toInstant());
    WebElement card = page.find("article.appointment.status-pending");
    assertThat(card.getText()).contains("كشف عام").contains("بانتظار التأكيد").contains("هـ");
    page.screenshots("portal-ar-appointments");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(3)
  @DisplayName("An appointment less than the notice away is not moved but asked about: a reschedule request with the new time")
  void moving_a_close_appointment_asks_the_clinic() {
    String id = one("SELECT id FROM appointments WHERE patient_id = $1 AND notes = 'أول زيارة'", DemoAccounts.AHMED_PATIENT_ID)
        .getUUID("id").toString();
    WebElement card = page.find("article.appointment[data-id='" + id + "']");
    assertThat(card.findElement(By.cssSelector("a.button")).getText()).isEqualTo("طلب تغيير الموعد");
    card.findElement(By.cssSelector("a.button")).click();
    browser.await(15, "the slots", b -> !page.all("button.slot").isEmpty());
    assertThat(page.heading()).isEqualTo("تغيير الموعد");
    assertThat(page.find("ul.chosen").getText()).contains("الموعد الحالي");
    List<WebElement> slots = page.all("button.slot");
    WebElement last = slots.get(slots.size() - 1);
    String requested = last.getAttribute("data-starts-at");
    last.click();
    assertThat(page.find(".step h2").getText()).isEqualTo("طلب تغيير الموعد");
    assertThat(page.find(".step .note").getText()).contains("موافقة العيادة");
    page.click(".step button.primary", "أرسل الطلب");
    page.awaitHeading("مواعيدي");
    Row row = one("SELECT status, requested_starts_at FROM appointments WHERE id = $1", java.util.UUID.fromString(id));
    assertThat(row.getString("status")).isEqualTo("reschedule_requested");
    assertThat(row.getOffsetDateTime("requested_starts_at").toInstant()).isEqualTo(OffsetDateTime.parse(requested).toInstant());
    assertThat(page.find("article.appointment[data-id='" + id + "']").getText()).contains("طلب تغيير الموعد");
  }

  @Test
  @Order(4)
  @DisplayName("An appointment days away is moved directly, then cancelled with a reason")
  void moving_and_cancelling_a_later_appointment() {
    String id = bookForAhmed(SchedulingDemo.riyadh(SchedulingDemo.sunday(1), "10:00").toString());
    page.nav("book");
    page.nav("appointments");
    WebElement card = page.find("article.appointment[data-id='" + id + "']");
    card.findElement(By.cssSelector("a.button")).click();
    browser.await(15, "the slots", b -> !page.all("button.slot").isEmpty());
    WebElement first = page.all("button.slot").get(0);
    String newStart = first.getAttribute("data-starts-at");
    first.click();
    assertThat(page.find(".step h2").getText()).isEqualTo("تأكيد الموعد الجديد");
    page.click(".step button.primary", "انقل الموعد");
    page.awaitHeading("مواعيدي");
    Row moved = one("SELECT status, starts_at FROM appointments WHERE id = $1", java.util.UUID.fromString(id));
    assertThat(moved.getOffsetDateTime("starts_at").toInstant()).isEqualTo(OffsetDateTime.parse(newStart).toInstant());

    page.find("article.appointment[data-id='" + id + "'] button.danger").click();
    WebElement dialog = page.find("dialog[open]");
    assertThat(dialog.getAttribute("aria-labelledby")).isNotBlank();
    assertThat(browser.<String>script("return document.activeElement.tagName")).isEqualTo("TEXTAREA");
    browser.driver().switchTo().activeElement().sendKeys("سفر طارئ");
    page.screenshots("portal-ar-cancel-dialog");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("dialog[open] button.danger", "نعم");
    browser.await(10, "the dialog closed", b -> page.all("dialog[open]").isEmpty());
    page.awaitHeading("مواعيدي");
    Row cancelled = one("SELECT status, cancellation_reason FROM appointments WHERE id = $1", java.util.UUID.fromString(id));
    assertThat(cancelled.getString("status")).isEqualTo("cancelled");
    assertThat(cancelled.getString("cancellation_reason")).isEqualTo("سفر طارئ");
  }

  @Test
  @Order(5)
  @DisplayName("The inbox shows notifications and a new one arrives live, without a reload")
  void inbox_is_live() {
    page.nav("inbox");
    browser.script("window.sameInbox = true");
    int before = page.all("li.notice").size();
    bookForAhmed(SchedulingDemo.riyadh(SchedulingDemo.sunday(2), "11:00").toString());
    browser.await(20, "a new notification, live", b -> page.all("li.notice").size() > before);
    assertThat(browser.<Boolean>script("return window.sameInbox === true")).isTrue();
    WebElement newest = page.find("li.notice");
    assertThat(newest.getAttribute("class")).contains("unread");
    assertThat(newest.findElement(By.cssSelector("h2")).getAttribute("dir")).isEqualTo("auto");
    assertThat(page.all("li.notice h2")).extracting(WebElement::getText).as("in the language on screen, live ones too")
        .contains("تم حجز موعدك").allMatch(title -> title.matches(".*[\\u0600-\\u06FF].*"));
    page.screenshots("portal-ar-inbox");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    newest.findElement(By.cssSelector("button.link")).click();
    browser.await(10, "marked read", b -> !page.classOf("li.notice").contains("unread"));
    String id = page.find("li.notice").getAttribute("data-id");
    assertThat(one("SELECT is_read FROM notifications WHERE id = $1", java.util.UUID.fromString(id)).getBoolean("is_read")).isTrue();
  }

  @Test
  @Order(6)
  @DisplayName("My profile: contact details saved through the patient record")
  void profile_saves_contact_details() {
    page.nav("profile");
    assertThat(page.find(".facts").getText()).contains("ahmed@patients.example").contains("غير مفعّل");
    WebElement address = page.find("input[name=address]");
    address.clear();
    address.sendKeys("حي العليا، الرياض");
    page.click("form button.primary", "حفظ");
    assertThat(page.find(".success").getText()).isEqualTo("حُفظت بياناتك.");
    assertThat(one("SELECT address FROM patients WHERE id = $1", DemoAccounts.AHMED_PATIENT_ID).getString("address"))
        .isEqualTo("حي العليا، الرياض");
    page.screenshots("portal-ar-profile");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(7)
  @DisplayName("Switching to English flips text and direction in place, without a reload; every screen in English")
  void language_switch_flips_without_reload() {
    browser.script("window.sameDocument = true");
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    assertThat(page.lang()).isEqualTo("en");
    page.awaitHeading("My profile");
    assertThat(browser.<Boolean>script("return window.sameDocument === true")).as("no reload").isTrue();
    assertThat(browser.<String>script("return document.activeElement.className")).as("focus stays on the switch").isEqualTo("language");
    assertThat(page.find("header button.language").getText()).isEqualTo("العربية");
    page.screenshots("portal-en-profile");
    page.nav("appointments");
    assertThat(page.find("article.appointment").getText()).contains("AH").doesNotContain("هـ").contains("AH");
    page.screenshots("portal-en-appointments");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("book");
    page.click("button.choice", "General");
    page.click("button.choice", "Khalid");
    browser.await(15, "the slots", b -> !page.all("button.slot").isEmpty() || !page.all(".step .empty").isEmpty());
    page.screenshots("portal-en-book-slot");
    page.nav("inbox");
    page.screenshots("portal-en-inbox");
    page.nav("family");
    page.screenshots("portal-en-family");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    // the service also writes its texts in English now: the account prefers it
    assertThat(one("SELECT language_preference FROM users WHERE id = $1", DemoAccounts.AHMED_USER_ID).getString("language_preference"))
        .isEqualTo("en");
    page.find("header button.language").click();
    browser.await(10, "Arabic again", b -> "rtl".equals(page.dir()));
  }

  @Test
  @Order(8)
  @DisplayName("Refresh tokens rotate on a reload; a spent one presented again ends the sign-in, and the portal asks to sign in")
  void refresh_rotation_and_session_end() {
    String first = page.refreshToken();
    browser.driver().navigate().refresh();
    page.awaitHeading("العائلة");
    String second = page.refreshToken();
    assertThat(second).as("rotated on the reload").isNotBlank().isNotEqualTo(first);
    var reused = ApiCalls.call(app, "POST", "/v1/auth/refresh", "en", null, new JsonObject().put("refreshToken", first).encode());
    assertThat(reused.statusCode()).isEqualTo(401);
    assertThat(reused.bodyAsJsonObject().getString("code")).isEqualTo("refresh_token_reused");
    browser.driver().navigate().refresh();
    page.awaitHeading("تسجيل الدخول إلى بوابة المرضى");
    assertThat(page.alert()).isEqualTo("انتهت جلستك، سجّل الدخول من جديد للمتابعة.");
    assertThat(page.refreshToken()).isNull();
  }

  @Test
  @Order(9)
  @DisplayName("A family account sees the appointments of the patient who let it in and may book for them")
  void family_account_sees_family_appointments() {
    // what the portal reads: GET /v1/me says which patients let the account in, and what they granted
    var me = app.get("/v1/me", "en", app.loginAs(DemoAccounts.FAMILY_YOUSEF)).bodyAsJsonObject();
    assertThat(me.getString("patientId")).isNull();
    assertThat(me.getJsonArray("family").getJsonObject(0).getString("patientId")).isEqualTo(DemoAccounts.AHMED_PATIENT_ID.toString());
    assertThat(me.getJsonArray("family").getJsonObject(0).getJsonArray("scopes").getList())
        .containsExactly("appointments.read", "appointments.write", "patients.read");
    assertThat(app.get("/v1/me", "en", app.loginAs(DemoAccounts.PATIENT_REEM)).bodyAsJsonObject().getJsonArray("family")).isEmpty();
    page.signIn(DemoAccounts.FAMILY_YOUSEF, DemoAccounts.PASSWORD);
    page.awaitHeading("العائلة"); // back where the ended session was
    assertThat(page.navScreens()).containsExactly("appointments", "book", "inbox", "family", "messages", "profile");
    WebElement section = page.find("section.family");
    assertThat(section.findElement(By.cssSelector("h2")).getText()).isEqualTo("أحمد الغامدي");
    assertThat(section.getText()).contains("الاطلاع على مواعيده").contains("احجز موعدًا لـ أحمد الغامدي");
    assertThat(section.findElements(By.cssSelector("article.appointment"))).isNotEmpty();
    page.screenshots("portal-ar-family");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("appointments");
    assertThat(page.find("article.appointment .for").getText()).contains("أحمد الغامدي");
    page.nav("family");
    page.click("section.family a.button", "احجز");
    assertThat(page.find(".step h2").getText()).isEqualTo("اختر الخدمة");
    assertThat(page.find("ul.chosen").getText()).contains("أحمد الغامدي");
  }

  @Test
  @Order(10)
  @DisplayName("Signing out ends the sign-in at the service too")
  void sign_out() {
    String token = page.refreshToken();
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل الدخول إلى بوابة المرضى");
    assertThat(page.alert()).isEqualTo("سجّلت خروجك.");
    assertThat(page.refreshToken()).isNull();
    var refreshed = ApiCalls.call(app, "POST", "/v1/auth/refresh", "en", null, new JsonObject().put("refreshToken", token).encode());
    assertThat(refreshed.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(11)
  @DisplayName("An account with two-step sign-in is asked for its code; in English, by keyboard only")
  void two_factor_sign_in_by_keyboard_in_english() {
    String access = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    String secret = ApiCalls.call(app, "POST", "/v1/me/two-factor", "en", access, null).bodyAsJsonObject().getString("secret");
    assertThat(ApiCalls.call(app, "POST", "/v1/me/two-factor/confirm", "en", access,
        new JsonObject().put("code", AppPage.totp(secret, 0)).encode()).statusCode()).isEqualTo(204);

    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Sign in to the patient portal");
    page.find("input[name=identifier]").click();
    new Actions(browser.driver()).sendKeys(DemoAccounts.PATIENT_FATIMAH, Keys.TAB, DemoAccounts.PASSWORD, Keys.ENTER).perform();
    page.awaitHeading("Two-step verification");
    assertThat(browser.<String>script("return document.activeElement.name")).isEqualTo("code");
    page.screenshots("portal-en-two-factor");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    new Actions(browser.driver()).sendKeys("000000", Keys.ENTER).perform();
    assertThat(page.alert()).isNotBlank();
    new Actions(browser.driver()).sendKeys(AppPage.totp(secret, 1), Keys.ENTER).perform();
    page.awaitHeading("My appointments");
    // keyboard: the skip link first, then the sections
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertThat(browser.<String>script("return document.activeElement.className")).isEqualTo("skip");
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertThat(browser.<String>script("return document.activeElement.dataset.screen")).isEqualTo("appointments");
    assertThat(browser.<String>script("return getComputedStyle(document.activeElement).outlineStyle")).as("focus visible").isEqualTo("solid");
    new Actions(browser.driver()).sendKeys(Keys.TAB, Keys.ENTER).perform();
    browser.await(10, "booking by keyboard", b -> "book".equals(b.<String>script(
        "const s = document.querySelector('section.screen'); return s && s.dataset.screen")));
  }

  @Test
  @Order(12)
  @DisplayName("The pages logged no error and broke no Content-Security-Policy")
  void no_errors_or_policy_violations() {
    assertThat(problems()).extracting(LogEntry::getMessage)
        .filteredOn(m -> !m.contains("/v1/auth/") && !m.contains("/v1/auth/login"))
        .isEmpty();
  }

  /** Books as Ahmed through the API; the appointment's id. */
  static String bookForAhmed(String startsAt) {
    String token = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var response = ApiCalls.call(app, "POST", "/v1/appointments", "ar", token, new JsonObject()
        .put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString())
        .put("serviceId", SchedulingDemo.GENERAL_CONSULTATION.toString())
        .put("doctorId", SchedulingDemo.KHALID.toString())
        .put("locationId", SchedulingDemo.RIYADH_OLAYA.toString())
        .put("startsAt", startsAt).encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }

  static List<LogEntry> problems() {
    return browser.consoleSoFar().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .toList();
  }
}
