package io.moeen.web;

import io.moeen.testing.Scratch;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's marketing and administration screens in a real Chromium against the real service: a marketer
 * searches and filters the board, sees a new lead's first-contact wait, opens a lead (score breakdown, timeline),
 * logs a call, exports and imports CSV; a supervisor reads the funnel chart, fixes a chatbot flow at the node the
 * validator names and publishes it, and sends a failed notification again. Arabic, then English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleManageBrowserTest {
  static final UUID SARA_LEAD = UUID.fromString("00000000-0000-4000-d100-000000000001");

  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;
  static UUID failedNotification;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-console-manage");
    // Sara came in 40 minutes ago and nobody has called her yet
    app.asOwner("UPDATE crm_leads SET created_at = now() - interval '40 minutes', first_contacted_at = NULL WHERE id = '" + SARA_LEAD + "'");
    failedNotification = UUID.randomUUID();
    app.asOwner("INSERT INTO notifications (id, recipient_phone, channel, event_type, locale, status, attempts, last_error, idempotency_key) "
        + "VALUES ('" + failedNotification + "', '+966559870038', 'sms', 'appointment_reminder', 'ar', 'dead', 5, 'provider said 500', 'web-test-"
        + failedNotification + "')");
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
  @DisplayName("A marketer searches the board across spellings, sees Sara's first-contact wait, and filters by source")
  void marketer_searches_and_filters() {
    page.openFresh("/app/console/");
    page.signIn(DemoAccounts.MARKETER, DemoAccounts.PASSWORD);
    page.awaitHeading("لوحة العملاء المحتملين");
    // two hours old: waiting, overdue or escalated depending on how much of it was working time
    assertThat(page.find("article.lead[data-id='" + SARA_LEAD + "'] [data-sla]").getText()).contains(" عمل");
    page.find("form.filters input[name=q]").sendKeys("ساره", Keys.ENTER);
    browser.await(15, "the search", b -> b.<Boolean>script("return location.hash.startsWith('#/leads/filter/')"));
    page.awaitHeading("لوحة العملاء المحتملين");
    assertThat(page.all("article.lead")).extracting(e -> e.getAttribute("data-id")).containsExactly(SARA_LEAD.toString());
    page.screenshots("console-ar-leads-search");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("form.filters a.button", "إلغاء التصفية");
    page.awaitHeading("لوحة العملاء المحتملين");
    new Select(page.find("form.filters select[name=source]")).selectByValue("whatsapp");
    page.click("form.filters button.primary", "اعرض");
    browser.await(15, "the filter", b -> b.<Boolean>script("return decodeURIComponent(location.hash).includes('source=whatsapp')"));
    page.awaitHeading("لوحة العملاء المحتملين");
    assertThat(page.all("article.lead")).isNotEmpty();
    assertThat(page.all("article.lead")).allSatisfy(card -> assertThat(card.getText()).contains("واتساب"));
  }

  @Test
  @Order(2)
  @DisplayName("The CSV export has the board's leads as filtered; an import adds a lead and names the refused row")
  void export_and_import_csv() throws Exception {
    browser.script("window.__blobs = []; const make = URL.createObjectURL; URL.createObjectURL = (b) => { window.__blobs.push(b); return make(b); }");
    page.click(".lead-tools button.export", "تصدير CSV");
    String csv = browser.driver().executeAsyncScript(
        "const done = arguments[0]; const wait = () => window.__blobs.length ? window.__blobs[0].text().then(done) : setTimeout(wait, 100); wait();")
        .toString();
    assertThat(csv).contains("سارة العتيبي");
    for (WebElement card : page.all("article.lead h3")) {
      assertThat(csv).as("the export has every lead on the filtered board").contains(card.getText());
    }

    Path file = Scratch.file("leads", ".csv");
    Files.writeString(file, "full_name,phone,email,preferred_language,source,utm_campaign,utm_medium,utm_source,interested_in,notes\n"
        + "نورة الحربي,0559870049,,ar,campaign,winter,,,تنظيف أسنان,\n"
        + "بلا رقم,,,ar,campaign,,,,,\n", StandardCharsets.UTF_8);
    page.find(".lead-tools input[type=file]").sendKeys(file.toAbsolutePath().toString());
    page.click(".lead-tools form.import button", "استيراد");
    browser.await(15, "the import report", b -> !page.all(".import-report:not([hidden]) p").isEmpty());
    assertThat(page.textOf(".import-report")).contains("أُضيف 1").contains("رُفض 1").contains("الصف 2");
    assertThat(count("SELECT count(*) AS n FROM crm_leads WHERE full_name = 'نورة الحربي'")).isEqualTo(1);
    page.screenshots("console-ar-leads-import");
    Files.deleteIfExists(file);
  }

  @Test
  @Order(3)
  @DisplayName("Sara's lead: the score and the rules that gave it, the timeline, and a call logged")
  void lead_detail_with_score_and_timeline() {
    page.click("form.filters a.button", "إلغاء التصفية");
    page.awaitHeading("لوحة العملاء المحتملين");
    page.find("article.lead[data-id='" + SARA_LEAD + "'] h3 a").click();
    page.awaitHeading("سارة العتيبي");
    assertThat(page.find(".score h2").getText()).startsWith("التقييم");
    assertThat(page.all("table.breakdown tbody tr")).isNotEmpty();
    assertThat(page.find("table.breakdown tr[data-rule='source.whatsapp'] th").getText()).isEqualTo("المصدر: واتساب");
    assertThat(page.find("dd[data-sla]").getText()).contains(" عمل");
    int before = page.all("ol.timeline li").size();
    new Select(page.find("form.log-activity select[name=type]")).selectByValue("call");
    page.find("form.log-activity textarea").sendKeys("اتصلت بها وستحجز غدًا");
    page.click("form.log-activity button.primary", "سجّل");
    browser.await(15, "the call in the timeline", b -> page.all("ol.timeline li").size() > before);
    assertThat(page.find("ol.timeline li[data-type=call]").getText()).contains("اتصلت بها").contains("اتصال");
    assertThat(count("SELECT count(*) AS n FROM crm_activities WHERE lead_id = '" + SARA_LEAD + "' AND type = 'call' AND body LIKE 'اتصلت بها%'"))
        .isEqualTo(1);
    page.screenshots("console-ar-lead-detail");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(4)
  @DisplayName("A supervisor reads the funnel as a chart: a bar per stage, the whole as the first stage")
  void supervisor_funnel_chart() {
    page.click("header button.sign-out", "خروج");
    page.signIn(DemoAccounts.SUPERVISOR, DemoAccounts.PASSWORD);
    page.settled();
    page.nav("funnel");
    assertThat(page.heading()).isEqualTo("قمع العملاء المحتملين");
    assertThat(page.all("figure.chart ol.bars li progress")).hasSize(5);
    WebElement first = page.find("ol.bars li[data-stage=new] progress");
    assertThat(Integer.parseInt(first.getAttribute("value"))).isLessThanOrEqualTo(Integer.parseInt(first.getAttribute("max")));
    assertThat(Integer.parseInt(page.find("ol.bars li[data-stage=contacted] progress").getAttribute("value")))
        .isLessThanOrEqualTo(Integer.parseInt(first.getAttribute("value")));
    page.screenshots("console-ar-funnel");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(5)
  @DisplayName("A chatbot flow draft: the validator's problem shown at its node, the node found in the JSON, fixed and published")
  void flow_editor_shows_problems_at_their_node() {
    String token = app.loginAs(DemoAccounts.SUPERVISOR);
    JsonObject definition = new JsonObject("{\"start\":\"hello\",\"nodes\":{\"hello\":{\"type\":\"message\","
        + "\"text\":{\"ar\":\"أهلًا\",\"en\":\"Hi\"},\"next\":\"missing\"}}}");
    var created = ApiCalls.call(app, "POST", "/v1/chat/flows", "ar", token,
        new JsonObject().put("key", "web_test").put("definition", definition).encode());
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    int version = created.bodyAsJsonObject().getInteger("version");
    browser.open(app.baseUrl() + "/app/console/#/flows/web_test/" + version);
    page.awaitHeading("web_test");
    page.click(".flow-editor button", "تحقق");
    browser.await(15, "the problems", b -> !page.all(".problems li[data-node='hello']").isEmpty());
    assertThat(page.all(".problems li[data-node='hello'] li")).extracting(e -> e.getAttribute("data-code")).contains("dangling_edge");
    page.find(".problems li[data-node='hello'] h3 button").click();
    assertThat(browser.<String>script("const t = document.activeElement; return t.value.substring(t.selectionStart, t.selectionEnd)"))
        .isEqualTo("\"hello\":");
    page.screenshots("console-ar-flow-problems");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    browser.script("const t = document.querySelector('textarea[name=definition]'); t.value = arguments[0];",
        "{\"start\":\"hello\",\"nodes\":{\"hello\":{\"type\":\"message\",\"text\":{\"ar\":\"أهلًا\",\"en\":\"Hi\"},\"next\":\"bye\"},"
            + "\"bye\":{\"type\":\"end\",\"text\":{\"ar\":\"مع السلامة\",\"en\":\"Bye\"}}}}");
    page.click(".flow-editor button.primary", "انشر");
    browser.await(15, "published", b -> "#/flows".equals(b.script("return location.hash")));
    assertThat(one("SELECT status FROM chatbot_flows WHERE key = 'web_test' AND version = $1", version).getString("status"))
        .isEqualTo("published");
  }

  @Test
  @Order(6)
  @DisplayName("The outbox: a dead message is sent again with a reason, kept in its retry history")
  void outbox_retry() {
    page.nav("outbox");
    new Select(page.find("select[name=status]")).selectByValue("dead");
    page.click("form.toolbar button.primary", "اعرض");
    browser.await(15, "the dead message", b -> !page.all("table.outbox tr[data-id='" + failedNotification + "']").isEmpty());
    page.screenshots("console-ar-outbox");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.find("tr[data-id='" + failedNotification + "'] button[data-retry]").click();
    page.find("dialog[open] textarea").sendKeys("صحّح المريض رقمه");
    page.click("dialog[open] button.primary", "أعد الإرسال");
    browser.await(15, "retried", b -> count("SELECT count(*) AS n FROM notification_retries WHERE notification_id = '"
        + failedNotification + "' AND reason = 'صحّح المريض رقمه'") == 1);
    assertThat(one("SELECT status FROM notifications WHERE id = $1", failedNotification).getString("status")).isNotEqualTo("dead");
  }

  @Test
  @Order(7)
  @DisplayName("The same screens in English")
  void screens_in_english() {
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Notification outbox");
    page.screenshots("console-en-outbox");
    page.nav("funnel");
    page.awaitHeading("Lead funnel");
    page.screenshots("console-en-funnel");
    page.nav("flows");
    page.awaitHeading("Chatbot flows");
    page.screenshots("console-en-flows");
    browser.open(app.baseUrl() + "/app/console/#/leads/lead/" + SARA_LEAD);
    page.awaitHeading("سارة العتيبي");
    assertThat(page.find("table.breakdown tr[data-rule='source.whatsapp'] th").getText()).isEqualTo("Source: WhatsApp");
    page.screenshots("console-en-lead-detail");
    page.nav("leads");
    page.screenshots("console-en-leads");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(8)
  @DisplayName("The pages logged no error and broke no Content-Security-Policy")
  void no_errors_or_policy_violations() {
    assertThat(browser.consoleSoFar().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(LogEntry::getMessage).toList()).isEmpty();
  }

  static long count(String sql) {
    return one(sql).getLong("n");
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }
}
