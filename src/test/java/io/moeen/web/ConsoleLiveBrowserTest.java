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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live and administrative parts in a real Chromium against the real service: the chat desk follows
 * the desk's event stream (a visitor who asks for a person appears without a reload or a poll, and the staff reply
 * reaches the visitor's widget in another window); the lead board shows the service's SLA in working minutes and a
 * supervisor filters it by marketer; an admin changes a role's permissions, which a supervisor cannot even see.
 * Arabic first, then the same screens in English; axe-core at serious and above on each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLiveBrowserTest {
  static final UUID MARKETER_ID = UUID.fromString("00000000-0000-4000-8000-000000000011");
  static final UUID LATE_LEAD = UUID.fromString("00000000-0000-4000-d155-000000000001");
  static final UUID UNOWNED_LEAD = UUID.fromString("00000000-0000-4000-d155-000000000002");

  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;
  static String consoleWindow;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-console-live");
    // new for a month, owned by the marketer: far past twice the SLA in any working week
    Instant month = Instant.now().minus(30, ChronoUnit.DAYS);
    app.asOwner("INSERT INTO crm_leads (id, full_name, phone, source, owner_id, created_at) VALUES ('" + LATE_LEAD
        + "', 'هند المتأخرة', '+966551550001', 'web_form', '" + MARKETER_ID + "', '" + month + "')");
    app.asOwner("INSERT INTO crm_leads (id, full_name, phone, source, created_at) VALUES ('" + UNOWNED_LEAD
        + "', 'بلا مسؤول', '+966551550002', 'web_form', now())");
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
  @DisplayName("A visitor who asks for a person appears on the open desk by itself; the staff reply reaches the widget live")
  void chat_desk_is_live_both_ways() {
    page.openFresh("/app/console/");
    page.signIn(DemoAccounts.RECEPTIONIST, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    page.nav("chat");
    browser.await(15, "the desk's stream open", b -> "open".equals(page.find(".conversation").getAttribute("data-live")));
    browser.script("window.sameDocument = true");
    consoleWindow = browser.driver().getWindowHandle();
    int before = page.all(".desk button[data-id]").size();

    // the visitor, on the clinic's website in another window
    browser.driver().switchTo().newWindow(WindowType.WINDOW);
    browser.open(app.baseUrl() + "/app/demo/");
    ChatWidgetPage widget = new ChatWidgetPage(browser).ready();
    widget.openAndGreet();
    widget.say("ابي اكلم موظف");
    String sessionId = browser.script("return JSON.parse(Object.entries(localStorage)"
        + ".find(([k]) => k.startsWith('moeen-chat:'))[1]).sessionId");
    assertThat(one("SELECT status FROM chatbot_conversations WHERE id = $1", UUID.fromString(sessionId)).getString("status"))
        .isEqualTo("handed_off");

    // the desk, untouched since: the conversation came in through the stream (no reload, and the desk no longer polls)
    browser.driver().switchTo().window(consoleWindow);
    browser.await(10, "the visitor on the desk", b -> !page.all(".desk button[data-id='" + sessionId + "']").isEmpty());
    assertThat(page.all(".desk button[data-id]")).hasSize(before + 1);
    assertThat(browser.<Boolean>script("return window.sameDocument === true")).isTrue();
    page.find(".desk button[data-id='" + sessionId + "']").click();
    browser.await(10, "the transcript", b -> page.textOf(".transcript").contains("ابي اكلم موظف"));
    page.find(".conversation textarea").sendKeys("أهلًا، معك ريم من الاستقبال");
    page.click(".conversation button.primary", "إرسال");
    browser.await(10, "the reply in the transcript", b -> page.textOf(".transcript").contains("معك ريم"));
    page.screenshots("console-ar-chat-live");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    browser.driver().switchTo().window(otherWindow());
    browser.await(15, "the staff reply in the widget", b -> widget.find(".msg:last-child .text").getText().contains("معك ريم"));
    assertThat(widget.find(".msg:last-child").getAttribute("class")).contains("staff");
    browser.driver().close();
    browser.driver().switchTo().window(consoleWindow);

    // released: it leaves the desk through the same stream
    page.click(".conversation button.release", "أعدها");
    browser.await(10, "released", b -> page.all(".desk button[data-id='" + sessionId + "']").isEmpty());
  }

  @Test
  @Order(2)
  @DisplayName("A supervisor sees the SLA in working minutes on cards and the lead page, and filters the board by marketer")
  void supervisor_sees_sla_and_filters_by_marketer() {
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل دخول الموظفين");
    page.signIn(DemoAccounts.SUPERVISOR, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    assertThat(page.navScreens()).doesNotContain("roles").contains("leads", "admin");
    page.nav("leads");
    WebElement late = page.find("article.lead[data-id='" + LATE_LEAD + "'] [data-sla]");
    assertThat(late.getAttribute("data-sla")).isEqualTo("escalated");
    assertThat(late.getText()).contains("ساعة عمل").contains("ضعف المهلة");
    assertThat(page.find("article.lead[data-id='" + UNOWNED_LEAD + "'] [data-sla]").getAttribute("data-sla")).isEqualTo("waiting");

    new Select(page.find("form.filters select[name=owner]")).selectByValue(MARKETER_ID.toString());
    page.click("form.filters button.primary", "اعرض");
    browser.await(15, "the marketer's board", b -> page.all("article.lead[data-id='" + UNOWNED_LEAD + "']").isEmpty()
        && !page.all("article.lead[data-id='" + LATE_LEAD + "']").isEmpty());
    assertThat(new Select(page.find("form.filters select[name=owner]")).getFirstSelectedOption().getText()).contains("لينا");
    page.screenshots("console-ar-leads-by-marketer");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    page.find("article.lead[data-id='" + LATE_LEAD + "'] h3 a").click();
    browser.await(10, "the lead page", b -> page.heading().contains("هند المتأخرة"));
    assertThat(page.find("dd[data-sla]").getAttribute("data-sla")).isEqualTo("escalated");
    page.screenshots("console-ar-lead-sla");

    // users are visible to a supervisor, roles are not theirs to change
    page.nav("admin");
    assertThat(page.all("tr[data-id] select")).isEmpty();
    assertThat(page.all("button[data-role]")).isEmpty();
  }

  @Test
  @Order(3)
  @DisplayName("An admin gives reception a permission on the roles screen; the protected role keeps what it has")
  void admin_edits_a_roles_permissions() {
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل دخول الموظفين");
    page.signIn(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    page.nav("roles");
    page.awaitHeading("الأدوار والصلاحيات");
    page.find("tr[data-role='admin'] a").click();
    browser.await(10, "the admin role", b -> !page.all("form.role-permissions[data-role='admin']").isEmpty());
    assertThat(page.find("form.role-permissions input[value='roles.manage']").isEnabled()).isFalse();
    page.find("tr[data-role='receptionist'] a").click();
    browser.await(10, "the receptionist role", b -> !page.all("form.role-permissions[data-role='receptionist']").isEmpty());
    WebElement box = page.find("form.role-permissions input[value='leads.read']");
    assertThat(box.isSelected()).isFalse();
    int had = count("SELECT count(*) AS n FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.code = 'receptionist'");
    box.click();
    page.screenshots("console-ar-roles");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("form.role-permissions button.primary", "احفظ");
    browser.await(10, "saved", b -> count("SELECT count(*) AS n FROM role_permissions rp JOIN roles r ON r.id = rp.role_id "
        + "JOIN permissions p ON p.id = rp.permission_id WHERE r.code = 'receptionist' AND p.code = 'leads.read'") == 1);
    assertThat(count("SELECT count(*) AS n FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.code = 'receptionist'"))
        .isEqualTo(had + 1);
  }

  @Test
  @Order(4)
  @DisplayName("The same screens in English, left to right, without a reload")
  void the_same_screens_in_english() {
    browser.script("window.sameDocument = true");
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Roles and permissions");
    page.screenshots("console-en-roles");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("leads");
    assertThat(page.find("article.lead[data-id='" + LATE_LEAD + "'] [data-sla]").getText()).contains("working hours");
    page.screenshots("console-en-leads-sla");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    browser.open(app.baseUrl() + "/app/console/#/leads/lead/" + LATE_LEAD);
    browser.await(10, "the lead page", b -> page.heading().contains("هند المتأخرة"));
    assertThat(page.find("dd[data-sla]").getText()).contains("past twice the SLA");
    page.screenshots("console-en-lead-sla");
    page.nav("chat");
    page.screenshots("console-en-chat-live");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    assertThat(browser.consoleSoFar()).extracting(LogEntry::getMessage)
        .filteredOn(m -> !m.contains("/v1/auth/"))
        .filteredOn(m -> m.contains("SEVERE") || m.contains("Content Security Policy") || m.contains("Uncaught"))
        .isEmpty();
  }

  static String otherWindow() {
    return browser.driver().getWindowHandles().stream().filter(h -> !h.equals(consoleWindow)).findFirst().orElseThrow();
  }

  static int count(String sql) {
    return (int) one(sql).getLong("n").longValue();
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }
}
