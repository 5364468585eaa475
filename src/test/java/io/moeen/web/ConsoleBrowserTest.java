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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in a real Chromium against the real service: each role sees its own screens; reception
 * checks a patient in and completes the visit; the chat desk answers a visitor and releases the conversation;
 * a marketer drags a lead from new to contacted, moves one by keyboard and loses one with a reason; an admin
 * grants and takes back a role. Arabic first, then every screen in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static final UUID SARA_LEAD = UUID.fromString("00000000-0000-4000-d100-000000000001");
  static final UUID KHALID_LEAD = UUID.fromString("00000000-0000-4000-d100-000000000006");
  static final UUID LINA_LEAD = UUID.fromString("00000000-0000-4000-d100-000000000008");
  static final UUID MARKETER_ID = UUID.fromString("00000000-0000-4000-8000-000000000011");

  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;
  static String visitId;
  static LocalDate visitDay;
  static String chatId;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-console");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    // started 10 minutes ago: check-in is for the visit's day, completing only after its start
    Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    visitDay = LocalDate.ofInstant(start, SchedulingDemo.RIYADH);
    app.asOwner(SchedulingDemo.appointment(DemoAccounts.AISHA_PATIENT_ID, SchedulingDemo.KHALID,
        SchedulingDemo.GENERAL_CONSULTATION, start, 30, 0));
    visitId = one("SELECT id FROM appointments WHERE patient_id = $1 AND starts_at = $2", DemoAccounts.AISHA_PATIENT_ID,
        start.atOffset(java.time.ZoneOffset.UTC)).getUUID("id").toString();
    // a visitor in the web chat, waiting for a person
    var session = ApiCalls.call(app, "POST", "/v1/chat/sessions", "ar", null, new JsonObject().put("locale", "ar").encode());
    assertThat(session.statusCode()).as(session.bodyAsString()).isEqualTo(201);
    chatId = session.bodyAsJsonObject().getString("sessionId");
    app.asOwner("UPDATE chatbot_conversations SET status = 'handed_off', handed_off_at = now(), handed_off_by = 'user' "
        + "WHERE id = '" + chatId + "'");
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
  @DisplayName("Reception sees the agenda, patients and the chat desk only; checks a patient in, then completes the visit")
  void reception_checks_a_patient_in() {
    page.openFresh("/app/console/");
    assertThat(page.dir()).isEqualTo("rtl");
    assertThat(page.heading()).isEqualTo("تسجيل دخول الموظفين");
    page.signIn(DemoAccounts.RECEPTIONIST, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    assertThat(page.navScreens()).containsExactly("agenda", "patients", "chat");
    browser.open(app.baseUrl() + "/app/console/#/agenda/" + visitDay);
    page.awaitHeading("جدول المواعيد");
    WebElement visit = page.find("article.visit[data-id='" + visitId + "']");
    assertThat(visit.getText()).contains("عائشة").contains("كشف عام");
    assertThat(page.find("section.column[data-doctor='" + SchedulingDemo.KHALID + "'] h2").getText()).contains("خالد");
    page.screenshots("console-ar-agenda");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    visit.findElement(By.cssSelector("button[data-action='check-in']")).click();
    browser.await(10, "checked in", b -> page.classOf("article.visit[data-id='" + visitId + "']").contains("checked_in"));
    assertThat(status(visitId)).isEqualTo("checked_in");
    // the check-in opened the visit's encounter; the doctor finishes it (clinical records) before reception completes
    app.asOwner("UPDATE encounters SET status = 'finished', ended_at = greatest(started_at, now()) WHERE appointment_id = '"
        + visitId + "'");
    page.find("article.visit[data-id='" + visitId + "'] button[data-action='complete']").click();
    browser.await(10, "completed", b -> page.classOf("article.visit[data-id='" + visitId + "']").contains("completed"));
    assertThat(status(visitId)).isEqualTo("completed");
  }

  @Test
  @Order(2)
  @DisplayName("The chat desk lists a visitor waiting for a person; a reply reaches the visitor's history; release gives it back to the bot")
  void chat_desk_replies_and_releases() {
    page.nav("chat");
    // the desk's list is redrawn whenever its live stream speaks: click whatever button is there now
    page.click(".desk button[data-id='" + chatId + "']", "");
    browser.await(10, "the reply box", b -> {
      b.driver().findElement(org.openqa.selenium.By.cssSelector(".conversation textarea")).sendKeys("أهلًا، معك سارة من الاستقبال");
      return true;
    });
    page.click(".conversation button.primary", "إرسال");
    browser.await(10, "the reply in the transcript", b -> b.<Boolean>script(
        "return !!document.querySelector('.transcript') && document.querySelector('.transcript').textContent.includes('معك سارة')"));
    page.screenshots("console-ar-chat");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    assertThat(one("SELECT count(*) AS n FROM chatbot_messages WHERE conversation_id = $1 AND author = 'staff'",
        UUID.fromString(chatId)).getLong("n")).isEqualTo(1);
    page.click(".conversation button.release", "أعدها");
    browser.await(10, "released", b -> page.all(".desk button[data-id='" + chatId + "']").isEmpty());
    assertThat(one("SELECT status FROM chatbot_conversations WHERE id = $1", UUID.fromString(chatId)).getString("status"))
        .isEqualTo("active");
  }

  @Test
  @Order(3)
  @DisplayName("A marketer drags a lead from new to contacted, moves one with the keyboard, and loses one with a reason")
  void marketer_moves_leads() {
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل دخول الموظفين");
    page.signIn(DemoAccounts.MARKETER, DemoAccounts.PASSWORD);
    page.awaitHeading("لوحة العملاء المحتملين");
    assertThat(page.navScreens()).containsExactly("leads", "funnel", "chat", "flows");
    assertThat(page.find("section.column[data-stage='new']").getText()).contains("سارة العتيبي");
    page.screenshots("console-ar-leads");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    // drag and drop as the browser does it (WebDriver cannot drive HTML5 drag and drop itself)
    browser.script("""
        const card = document.querySelector(`article.lead[data-id='${arguments[0]}']`);
        const column = document.querySelector("section.column[data-stage='contacted']");
        const data = new DataTransfer();
        card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
        column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
        column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
        """, SARA_LEAD.toString());
    browser.await(10, "Sara in contacted", b -> page.textOf("section.column[data-stage='contacted']").contains("سارة العتيبي"));
    assertThat(leadStatus(SARA_LEAD)).isEqualTo("contacted");

    WebElement mover = page.find("select[data-move='" + KHALID_LEAD + "']");
    mover.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN); // new → (contacted) → qualified, by keyboard
    mover.sendKeys(Keys.TAB);
    assertThat(browser.<String>script("return document.activeElement.dataset.moveButton")).isEqualTo(KHALID_LEAD.toString());
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.await(10, "Khalid qualified", b -> "qualified".equals(leadStatus(KHALID_LEAD)));

    page.awaitHeading("لوحة العملاء المحتملين");
    new Select(page.find("select[data-move='" + LINA_LEAD + "']")).selectByValue("lost");
    page.find("button[data-move-button='" + LINA_LEAD + "']").click();
    WebElement reason = page.find("dialog[open] textarea");
    page.screenshots("console-ar-leads-lost");
    reason.sendKeys("اختارت عيادة أقرب");
    page.click("dialog[open] button.danger", "خسرناه");
    browser.await(10, "Lina lost", b -> "lost".equals(leadStatus(LINA_LEAD)));
    assertThat(one("SELECT lost_reason FROM crm_leads WHERE id = $1", LINA_LEAD).getString("lost_reason")).isEqualTo("اختارت عيادة أقرب");
  }

  @Test
  @Order(4)
  @DisplayName("An admin sees every screen, grants a role and takes it back")
  void admin_grants_and_revokes_a_role() {
    page.click("header button.sign-out", "خروج");
    page.awaitHeading("تسجيل دخول الموظفين");
    page.signIn(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    assertThat(page.navScreens()).containsExactly("agenda", "patients", "leads", "funnel", "chat", "flows", "outbox", "admin", "roles");
    page.nav("admin");
    WebElement row = page.find("tr[data-id='" + MARKETER_ID + "']");
    assertThat(row.getText()).contains("لينا");
    new Select(row.findElement(By.cssSelector("select"))).selectByValue("receptionist");
    row.findElement(By.cssSelector(".grant button")).click();
    browser.await(10, "granted", b -> roles(MARKETER_ID) == 2);
    page.screenshots("console-ar-admin");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.find("tr[data-id='" + MARKETER_ID + "'] button[data-role='receptionist']").click();
    browser.await(10, "revoked", b -> roles(MARKETER_ID) == 1);
  }

  @Test
  @Order(5)
  @DisplayName("Every console screen in English, left to right, switched without a reload")
  void every_screen_in_english() {
    browser.script("window.sameDocument = true");
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Users and roles");
    page.screenshots("console-en-admin");
    browser.open(app.baseUrl() + "/app/console/#/agenda/" + visitDay);
    page.awaitHeading("Agenda");
    assertThat(page.find("article.visit[data-id='" + visitId + "']").getText()).contains("Completed");
    page.screenshots("console-en-agenda");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("leads");
    assertThat(page.find("section.column[data-stage='lost'] h2").getText()).startsWith("Lost");
    page.screenshots("console-en-leads");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("chat");
    page.screenshots("console-en-chat");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(6)
  @DisplayName("A patient who opens the console is told it is for staff, with a way to the portal")
  void patient_gets_no_console_screen() {
    page.click("header button.sign-out", "Sign out");
    page.awaitHeading("Staff sign-in");
    page.signIn(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD);
    page.awaitHeading("Nothing here for your account");
    assertThat(page.navScreens()).isEmpty();
    assertThat(page.find("main a[href='/app/portal/']").getText()).isEqualTo("Patient portal");
    assertThat(browser.consoleSoFar()).extracting(LogEntry::getMessage)
        .filteredOn(m -> !m.contains("/v1/auth/"))
        .filteredOn(m -> m.contains("SEVERE") || m.contains("Content Security Policy") || m.contains("Uncaught"))
        .isEmpty();
  }

  static String status(String id) {
    return one("SELECT status FROM appointments WHERE id = $1", UUID.fromString(id)).getString("status");
  }

  static String leadStatus(UUID id) {
    return one("SELECT status FROM crm_leads WHERE id = $1", id).getString("status");
  }

  static long roles(UUID user) {
    return one("SELECT count(*) AS n FROM user_roles WHERE user_id = $1", user).getLong("n");
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }
}
