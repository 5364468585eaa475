package io.moeen.web;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own account screens in a real Chromium against the real service: signing up (a refusal shown,
 * then the account and record made and signed in), the messages screen (channels per kind of message, quiet
 * hours, marketing consent with the service's wording) and a patient's family members (what each may see,
 * letting someone in, taking access back). Arabic first, then each screen in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalAccountBrowserTest {
  static final String NEW_PHONE = "0559870016";
  static final String NEW_PHONE_E164 = "+966559870016";

  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-portal-account");
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
  @DisplayName("Sign-up in Arabic: the birth date as the clinic writes it, the service's refusal shown, then signed in with a new record")
  void a_visitor_signs_up_in_arabic() {
    page.openFresh("/app/portal/");
    page.click("form.sign-in button.link", "أنشئ حسابًا");
    page.awaitHeading("إنشاء حساب في بوابة المرضى");
    assertThat(browser.<String>script("return document.activeElement.name")).isEqualTo("firstName");
    List<String> months = new Select(page.find("select[name=dateOfBirth-month]")).getOptions().stream().map(WebElement::getText).toList();
    assertThat(months).as("month names in Arabic").contains("مايو", "ديسمبر");
    page.find("input[name=firstName]").sendKeys("ليلى");
    page.find("input[name=lastName]").sendKeys("القحطاني");
    page.find("input[name=phone]").sendKeys("٠٥٥٩٨٧٠٠١٦");
    page.find("input[name=password]").sendKeys("password");
    new Select(page.find("select[name=dateOfBirth-day]")).selectByValue("20");
    new Select(page.find("select[name=dateOfBirth-month]")).selectByValue("5");
    page.find("input[name=dateOfBirth-year]").sendKeys("١٩٩٥");
    page.find("input[name=gender][value=female]").click();
    page.screenshots("portal-ar-sign-up");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("form.sign-up button.primary", "أنشئ الحساب");
    // first the phone is proved: a code by SMS (read here from the outbox, as the phone would show it)
    page.awaitHeading("تأكيد رقم الجوال");
    assertThat(page.find("form.code-step p.muted bdi").getText()).isEqualTo(NEW_PHONE_E164);
    String code = browser.await(10, "the code in the outbox", b -> {
      List<Row> rows = rows("SELECT payload ->> 'code' AS code FROM notifications WHERE event_type = 'signup_code' "
          + "AND channel = 'sms' AND recipient_phone = $1 ORDER BY created_at DESC LIMIT 1", NEW_PHONE_E164);
      return rows.isEmpty() ? null : rows.get(0).getString("code");
    });
    assertThat(code).matches("\\d{6}");
    page.screenshots("portal-ar-sign-up-code");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.find("form.code-step input[name=code]").sendKeys(code.equals("000000") ? "111111" : "000000");
    page.click("form.code-step button.primary", "تأكيد الرمز");
    assertThat(page.alert()).as("a wrong code, said in Arabic").contains("غير صحيح");
    page.find("form.code-step input[name=code]").clear();
    // typed in Arabic-Indic digits, as an Arabic keyboard writes them
    page.find("form.code-step input[name=code]").sendKeys(code.chars()
        .mapToObj(c -> String.valueOf((char) ('٠' + (c - '0')))).reduce("", String::concat));
    page.click("form.code-step button.primary", "تأكيد الرمز");
    page.awaitHeading("إنشاء حساب في بوابة المرضى");
    assertThat(page.alert()).as("the service's refusal of a common password, in Arabic").matches(".*[\\u0600-\\u06FF].*");
    assertThat(browser.<String>script("return document.activeElement.name")).isEqualTo("password");
    assertThat(count("SELECT count(*) AS n FROM users WHERE phone = $1", NEW_PHONE_E164)).isZero();

    page.find("input[name=password]").sendKeys("Nakheel-Garden-1995");
    page.click("form.sign-up button.primary", "أنشئ الحساب");
    page.awaitHeading("مواعيدي");
    assertThat(page.find("header .who").getText()).contains("ليلى");
    assertThat(page.refreshToken()).isNotBlank();
    Row patient = one("SELECT p.first_name_ar, p.last_name_ar, p.date_of_birth::text AS born, p.gender, p.preferred_language FROM patients p "
        + "JOIN users u ON u.id = p.user_id WHERE u.phone = $1", NEW_PHONE_E164);
    assertThat(patient.getString("first_name_ar")).isEqualTo("ليلى");
    assertThat(patient.getString("last_name_ar")).isEqualTo("القحطاني");
    assertThat(patient.getString("born")).isEqualTo("1995-05-20");
    assertThat(patient.getString("gender")).isEqualTo("female");
    assertThat(patient.getString("preferred_language")).isEqualTo("ar");
    // the phone was proved once: the password retry did not ask again, and the account says it is verified
    assertThat(count("SELECT count(*) AS n FROM signup_verifications WHERE destination = $1", NEW_PHONE_E164)).isEqualTo(1);
    assertThat(one("SELECT phone_verified_at IS NOT NULL AS proved FROM users WHERE phone = $1", NEW_PHONE_E164)
        .getBoolean("proved")).isTrue();
  }

  @Test
  @Order(2)
  @DisplayName("Messages: SMS off for everything but reminders, quiet hours 22:00–07:00, and WhatsApp offers agreed with the service's wording")
  void preferences_and_consent() {
    page.nav("messages");
    assertThat(page.heading()).isEqualTo("الرسائل والموافقات");
    assertThat(page.find("table.switches caption").getText()).isEqualTo("أنواع الرسائل والقنوات");
    page.find("tr[data-event='*'] input[name='*:sms']").click();
    page.find("tr[data-event='appointment_reminder'] input[name='appointment_reminder:sms']").click();
    new Select(page.find("select[name=quietStart]")).selectByValue("22:00");
    new Select(page.find("select[name=quietEnd]")).selectByValue("07:00");
    page.click("form.card button.primary", "احفظ التفضيلات");
    browser.await(10, "saved", b -> !page.all("form.card .success:not([hidden])").isEmpty());
    Row saved = one("SELECT channels::text AS channels, quiet_start::text AS qs, quiet_end::text AS qe FROM notification_preferences n "
        + "JOIN users u ON u.id = n.user_id WHERE u.phone = $1", NEW_PHONE_E164);
    assertThat(new io.vertx.core.json.JsonObject(saved.getString("channels")).getJsonObject("*").getBoolean("sms")).isFalse();
    assertThat(new io.vertx.core.json.JsonObject(saved.getString("channels")).getJsonObject("appointment_reminder").getBoolean("sms")).isTrue();
    assertThat(saved.getString("qs")).startsWith("22:00");
    assertThat(saved.getString("qe")).startsWith("07:00");

    WebElement whatsapp = page.find("li.consent[data-channel=whatsapp]");
    String wording = whatsapp.findElement(By.cssSelector(".wording")).getText();
    assertThat(wording).matches(".*[\\u0600-\\u06FF].*");
    whatsapp.findElement(By.cssSelector("button")).click();
    browser.await(10, "agreed", b -> "true".equals(b.script(
        "const e = document.querySelector('li.consent[data-channel=whatsapp] button'); return e && e.getAttribute('aria-pressed')")));
    Row consent = one("SELECT action, wording, locale, source FROM consent_events c JOIN users u ON u.id = c.user_id "
        + "WHERE u.phone = $1 AND c.channel = 'whatsapp' ORDER BY occurred_at DESC LIMIT 1", NEW_PHONE_E164);
    assertThat(consent.getString("action")).isEqualTo("opt_in");
    assertThat(consent.getString("wording")).isEqualTo(wording);
    assertThat(consent.getString("locale")).isEqualTo("ar");
    assertThat(browser.<String>script("return document.activeElement.dataset.channel")).as("focus stays on the button").isEqualTo("whatsapp");
    page.screenshots("portal-ar-messages");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    // after a reload the screen reads what was saved
    browser.driver().navigate().refresh();
    page.awaitHeading("الرسائل والموافقات");
    assertThat(page.find("tr[data-event='*'] input[name='*:sms']").isSelected()).isFalse();
    assertThat(page.find("tr[data-event='appointment_reminder'] input[name='appointment_reminder:sms']").isSelected()).isTrue();
    assertThat(page.find("tr[data-event='appointment_booked'] input[name='appointment_booked:sms']").isSelected()).isFalse();
    assertThat(new Select(page.find("select[name=quietStart]")).getFirstSelectedOption().getAttribute("value")).isEqualTo("22:00");
    page.screenshots("portal-ar-messages-top");
  }

  @Test
  @Order(3)
  @DisplayName("Family: Ahmed lets Yousef book too, lets Layla in by her phone, then takes her access back")
  void patient_manages_family_members() {
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل الدخول إلى بوابة المرضى");
    page.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD);
    page.awaitHeading("مواعيدي");
    page.nav("family");
    WebElement yousef = page.find("form.member[data-member]");
    String yousefId = yousef.getAttribute("data-member");
    assertThat(yousef.getText()).contains("يوسف");
    WebElement medical = yousef.findElement(By.cssSelector("input[value='medical_records.read']"));
    assertThat(medical.isSelected()).isFalse();
    medical.click();
    yousef.findElement(By.cssSelector("button.primary")).click();
    browser.await(10, "saved", b -> count("SELECT count(*) AS n FROM family_members WHERE id = $1 AND 'medical_records.read' = ANY(scopes)",
        java.util.UUID.fromString(yousefId)) == 1);
    // the list is drawn again and the cursor is back on that member's save button
    browser.await(10, "redrawn", b -> b.<Boolean>script(
        "return document.activeElement.matches('form.member[data-member=\"' + arguments[0] + '\"] button.primary')", yousefId));

    page.find("form.add input[name=who]").sendKeys("٠٥٥٩٨٧٠٠١٦");
    new Select(page.find("form.add select")).selectByValue("spouse");
    page.click("form.add button.primary", "أضف");
    browser.await(10, "Layla let in", b -> page.all("form.member[data-member]").size() == 2);
    assertThat(count("SELECT count(*) AS n FROM family_members f JOIN users u ON u.id = f.user_id WHERE u.phone = $1 "
        + "AND f.relationship = 'spouse' AND f.scopes = ARRAY['appointments.read']::text[] AND f.revoked_at IS NULL", NEW_PHONE_E164)).isEqualTo(1);
    page.screenshots("portal-ar-family-members");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    page.click("form.member:not(.add):not([data-member='" + yousefId + "']) button.danger", "أوقف الوصول");
    page.find("dialog[open]");
    page.screenshots("portal-ar-family-revoke");
    page.click("dialog[open] button.danger", "أوقف الوصول");
    browser.await(10, "Layla's access taken back", b -> page.all("form.member[data-member]").size() == 1);
    assertThat(count("SELECT count(*) AS n FROM family_members f JOIN users u ON u.id = f.user_id WHERE u.phone = $1 "
        + "AND f.revoked_at IS NULL", NEW_PHONE_E164)).isZero();
  }

  @Test
  @Order(4)
  @DisplayName("The same screens in English, left to right, with English month names and wording")
  void screens_in_english() {
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Family");
    page.screenshots("portal-en-family-members");
    page.nav("messages");
    page.awaitHeading("Messages and consent");
    assertThat(page.find("li.consent[data-channel=whatsapp] .wording").getText()).isNotBlank().doesNotContainPattern("[\\u0600-\\u06FF]");
    page.screenshots("portal-en-messages");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("header button.sign-out", "Sign out");
    page.click("form.sign-in button.link", "Create one");
    page.awaitHeading("Create a patient portal account");
    assertThat(new Select(page.find("select[name=dateOfBirth-month]")).getOptions().stream().map(WebElement::getText).toList())
        .contains("May", "December");
    page.screenshots("portal-en-sign-up");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    // the language button on the sign-up form keeps the sign-up form
    page.find("header button.language").click();
    browser.await(10, "Arabic", b -> "rtl".equals(page.dir()));
    page.awaitHeading("إنشاء حساب في بوابة المرضى");
  }

  @Test
  @Order(5)
  @DisplayName("The pages logged no error and broke no Content-Security-Policy")
  void no_errors_or_policy_violations() {
    assertThat(browser.consoleSoFar().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("/v1/auth/register"))
        .toList()).isEmpty();
  }

  static long count(String sql, Object... args) {
    return one(sql, args).getLong("n");
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }

  static List<Row> rows(String sql, Object... args) {
    RowSet<Row> found = app.pool().preparedQuery(sql).execute(Tuple.from(args)).await();
    List<Row> out = new java.util.ArrayList<>();
    found.forEach(out::add);
    return out;
  }
}
