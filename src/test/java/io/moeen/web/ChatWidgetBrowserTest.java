package io.moeen.web;

import io.moeen.common.i18n.Digits;
import io.moeen.reference.ReferenceAddresses;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat widget in a real Chromium, on the demo clinic page, against the real service and database: one
 * browser for the whole class, the tests in order (a conversation goes on from one to the next).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatWidgetBrowserTest {
  static RunningApp app;
  static WebBrowser browser;
  static ChatWidgetPage widget;
  static HttpServer clinicSite;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900); // skipped here without Chromium, before the service starts
    app = RunningApp.start("web-widget");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    widget = new ChatWidgetPage(browser);
    clinicSite = ClinicWebsite.serve(app.clientVertx(), app.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (clinicSite != null) {
      clinicSite.close().await();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("On a clinic's own website (another origin, its own strict policy and loud CSS), an Arabic visitor books "
      + "from the greeting to a booked appointment, tapping the bot's buttons")
  void arabic_visitor_books_through_the_widget() {
    LocalDate day = SchedulingDemo.sunday(1);
    browser.open("http://localhost:" + clinicSite.actualPort() + "/?utm_source=instagram&utm_campaign=winter");
    widget.ready();
    assertThat(widget.attribute(".root", "dir")).isEqualTo("rtl");
    assertThat(widget.attribute(".root", "lang")).isEqualTo("ar");
    assertThat(widget.find(".launcher").getText()).contains("تحدث معنا");

    assertThat(widget.openAndGreet()).contains("معين");
    assertThat(widget.offered()).containsExactly("ar", "en");
    // the day in both calendars, e.g. «الأحد، ٦ ديسمبر ٢٠٢٦ · ١٥ جمادى الآخرة ١٤٤٨ هـ»
    assertThat(widget.find(".day").getText()).contains(" · ").endsWith("هـ");
    // the Arabic font came from the service (cross-origin safe) and is the one in use
    browser.await(10, "the widget's Arabic font loaded", b -> "loaded".equals(
        b.<String>script("return [...document.fonts].find(f => f.family.includes('Moeen')).status")));
    browser.screenshot("widget-ar-greeting");
    assertThat(widget.tap("ar")).contains("وش أقدر أخدمك");
    assertThat(widget.say("أبغى أحجز موعد")).contains("أي خدمة");
    // one doctor gives the general consultation: named, not asked
    assertThat(widget.say("كشف عام")).contains("هذه الخدمة عندنا مع").contains("أي يوم");
    assertThat(widget.say(Digits.toArabicIndic(day.toString()))).contains("المواعيد المتاحة");
    assertThat(widget.find(".msg:last-child .choices button[data-reply-id='slot1']").getText()).contains("09:00");
    assertThat(widget.tap("slot1")).contains("رقم جوالك");
    assertThat(widget.say("٠٥٥١٢٣٤٥٦٧")).contains("اسمك");
    assertThat(widget.say("سارة العتيبي")).contains("عروض");
    assertThat(widget.tap("no")).contains("أأكد لك الموعد").contains("كشف عام");
    assertThat(widget.tap("yes")).contains("تم حجز موعدك");

    Row booked = one("SELECT a.status, a.source, p.first_name_ar FROM appointments a JOIN patients p ON p.id = a.patient_id "
        + "WHERE p.phone = $1", "+966551234567");
    assertThat(booked.getString("status")).isEqualTo("pending");
    assertThat(booked.getString("source")).isEqualTo("chatbot");
    assertThat(booked.getString("first_name_ar")).isEqualTo("سارة العتيبي");
    Row lead = one("SELECT l.utm_source, l.utm_campaign FROM crm_leads l JOIN chatbot_conversations c ON c.lead_id = l.id "
        + "WHERE l.phone = $1", "+966551234567");
    assertThat(lead.getString("utm_source")).as("the host page's UTM went to the session").isEqualTo("instagram");
    assertThat(lead.getString("utm_campaign")).isEqualTo("winter");

    // the page's loud CSS stayed outside: no letter spacing, its font or its colour in the widget
    assertThat(widget.find(".msg.bot .text").getCssValue("letter-spacing")).isEqualTo("normal");
    assertThat(widget.find(".msg.bot .text").getCssValue("font-family")).startsWith("\"Moeen Naskh\"");
    assertThat(widget.find(".composer input").getCssValue("text-align")).isIn("start", "right");
    // the visitor's words keep their own direction
    assertThat(widget.attribute(".msg.user .text", "dir")).isEqualTo("auto");
    browser.screenshot("widget-ar-desktop");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName("A reload keeps the conversation, open where it was")
  void reload_keeps_the_conversation() {
    int before = widget.messages();
    assertThat(widget.find(".msg .meta time").getText()).matches("[0-9]{2}:[0-9]{2}.*"); // clinic.digits latin, the default
    clinicDigits("arabic");
    browser.script("window.beforeReload = true");
    browser.driver().navigate().refresh();
    widget.ready();
    assertThat(browser.<Object>script("return window.beforeReload")).as("it was a real reload").isNull();
    browser.await(15, "the conversation back", b -> widget.messages() == before);
    assertThat(widget.panelOpen()).isTrue();
    assertThat(widget.find(".log").getText()).contains("تم حجز موعدك");
    // the clinic now writes Arabic-Indic digits: times and dates follow, the bot's own words are as it wrote them
    assertThat(widget.find(".msg .meta time").getText()).matches("[٠-٩]{2}:[٠-٩]{2}.*");
    assertThat(widget.find(".day").getText()).matches(".*[٠-٩]{4}.*").doesNotContainPattern("[0-9]");
    // taps show what was tapped, from the history too
    assertThat(widget.shadow().findElements(org.openqa.selenium.By.cssSelector(".msg.user .text")))
        .extracting(org.openqa.selenium.WebElement::getText).contains("عربي", "لا، شكراً").doesNotContain("");
  }

  @Test
  @Order(3)
  @DisplayName("Switching the language flips text and layout at once, without a reload")
  void switching_language_flips_the_layout_without_a_reload() {
    browser.script("window.sameDocument = true");
    int arabicX = widget.find(".panel").getRect().getX();
    int turn = widget.visitorMessages() + 1;
    widget.find(".header .language").click();
    browser.await(5, "English", b -> "ltr".equals(widget.attribute(".root", "dir")));
    assertThat(widget.attribute(".root", "lang")).isEqualTo("en");
    assertThat(widget.find(".composer button").getText()).isEqualTo("Send");
    assertThat(widget.find(".header .language").getText()).isEqualTo("العربية");
    // the panel moved from the left edge (inline end in Arabic) to the right edge (inline end in English)
    assertThat(widget.find(".panel").getRect().getX()).isGreaterThan(arabicX);
    // and the bot was told: it goes on in English
    assertThat(widget.saidAfter(turn)).contains("English");
    browser.screenshot("widget-en-switched");

    widget.find(".header .language").click();
    browser.await(5, "Arabic again", b -> "rtl".equals(widget.attribute(".root", "dir")));
    assertThat(widget.find(".composer button").getText()).isEqualTo("إرسال");
    assertThat(widget.saidAfter(turn + 1)).contains("العربي");
    assertThat(browser.<Boolean>script("return window.sameDocument")).isTrue();
  }

  @Test
  @Order(4)
  @DisplayName("On a phone the panel takes the whole screen, still right to left")
  void phone_width_is_full_screen() {
    browser.resize(390, 844);
    try {
      browser.await(5, "full width", b -> widget.find(".panel").getRect().getWidth()
          == b.<Long>script("return window.innerWidth").intValue());
      assertThat(widget.attribute(".root", "dir")).isEqualTo("rtl");
      browser.screenshot("widget-ar-phone");
    } finally {
      browser.resize(1280, 900);
      clinicDigits("latin");
    }
  }

  @Test
  @Order(5)
  @DisplayName("An English visitor books with the keyboard only: Tab to the launcher, Enter, type, Shift+Tab to a button")
  void english_visitor_books_with_the_keyboard_only() {
    LocalDate day = SchedulingDemo.sunday(2);
    browser.forgetSite();
    browser.open(app.baseUrl() + "/app/demo/en.html");
    widget.ready();
    assertThat(widget.attribute(".root", "dir")).isEqualTo("ltr");
    Actions keys = new Actions(browser.driver());
    for (int i = 0; i < 10 && !"button.launcher".equals(widget.focused()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(widget.focused()).isEqualTo("button.launcher");
    keys.sendKeys(Keys.ENTER).perform();
    assertThat(widget.saidAfter(0)).contains("Moeen");
    assertThat(widget.focused()).as("opening puts the cursor where one types").isEqualTo("input");

    keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(widget.focused()).isEqualTo("button#en");
    keys.sendKeys(Keys.ENTER).perform();
    assertThat(widget.saidAfter(1)).contains("How can I help");
    assertThat(widget.focused()).as("after a choice the cursor is back in the input").isEqualTo("input");

    assertThat(typeAndEnter(keys, "I'd like to book an appointment", 2)).contains("Which service");
    // one doctor gives the general consultation: named, not asked
    assertThat(typeAndEnter(keys, "general consultation", 3)).contains("given here by").contains("Which day");
    assertThat(typeAndEnter(keys, day.toString(), 4)).contains("free");
    assertThat(typeAndEnter(keys, "2", 5)).contains("mobile number");
    assertThat(typeAndEnter(keys, "+966 55 765 4321", 6)).contains("name");
    typeAndEnter(keys, "John Carter", 7);
    assertThat(typeAndEnter(keys, "yes", 8)).contains("Shall I book it");
    assertThat(typeAndEnter(keys, "yes", 9)).contains("You're booked");
    assertThat(one("SELECT count(*) AS n FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.phone = $1",
        "+966557654321").getLong("n")).isEqualTo(1);
    browser.screenshot("widget-en-desktop");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    browser.resize(390, 844);
    try {
      browser.await(5, "full width", b -> widget.find(".panel").getRect().getWidth()
          == b.<Long>script("return window.innerWidth").intValue());
      browser.screenshot("widget-en-phone");
    } finally {
      browser.resize(1280, 900);
    }

    keys.sendKeys(Keys.ESCAPE).perform();
    assertThat(widget.panelOpen()).isFalse();
    assertThat(widget.focused()).as("closing gives focus back to the launcher").isEqualTo("button.launcher");
  }

  @Test
  @Order(6)
  @DisplayName("A message typed while the network is down waits, says so, and is sent once when it is back")
  void a_network_drop_loses_no_message() {
    widget.find(".launcher").click();
    browser.await(10, "the panel open", b -> widget.panelOpen());
    int turn = widget.visitorMessages() + 1;
    browser.cdp("Network.enable", Map.of());
    browser.cdp("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
    try {
      WebElement input = widget.find(".composer input");
      input.sendKeys("What are your opening hours?");
      input.sendKeys(Keys.ENTER);
      browser.await(10, "the offline banner", b -> widget.find(".banner").isDisplayed());
      assertThat(widget.find(".banner").getText()).contains("retrying");
      browser.await(10, "the message marked as not sent", b -> widget.find(".msg.pending .meta").getText()
          .contains("Not sent yet"));
    } finally {
      browser.cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
          "downloadThroughput", -1, "uploadThroughput", -1));
    }
    String answer = browser.await(40, "the bot's answer after the network came back",
        b -> b.<String>script("const r = document.querySelector('[data-moeen-widget]').shadowRoot;"
            + "return r.querySelector('.msg.pending') || !r.querySelector('.banner').hidden ? null"
            + " : r.querySelector('.msg:last-child .text').textContent"));
    assertThat(answer).isNotBlank();
    assertThat(widget.visitorMessages()).isEqualTo(turn);
    assertThat(widget.shadow().findElements(By.cssSelector(".msg.user .text"))).extracting(WebElement::getText)
        .filteredOn("What are your opening hours?"::equals).hasSize(1);
  }

  @Test
  @Order(7)
  @DisplayName("A staff reply appears in the open widget by itself")
  void staff_replies_reach_the_widget_live() {
    int turn = widget.visitorMessages() + 1;
    assertThat(widget.say("I want to talk to a human please")).contains("colleague");
    String sessionId = browser.script("return JSON.parse(Object.entries(localStorage)"
        + ".find(([k]) => k.startsWith('moeen-chat:'))[1]).sessionId");
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    var reply = ApiCalls.call(app, "POST", "/v1/chat/conversations/" + sessionId + "/replies", "en", reception,
        new JsonObject().put("text", "Hi, this is Reem from reception.").encode());
    assertThat(reply.statusCode()).isEqualTo(201);
    browser.await(15, "the staff reply in the widget", b -> widget.find(".msg:last-child .text").getText()
        .contains("Reem from reception"));
    assertThat(widget.find(".msg:last-child").getAttribute("class")).contains("staff");
    assertThat(widget.visitorMessages()).isEqualTo(turn);
  }

  @Test
  @Order(8)
  @DisplayName("The pages carry a Content-Security-Policy and the browser reported no violation of it")
  void no_content_security_policy_violations() {
    assertThat(app.get("/app/demo/", "ar").getHeader("Content-Security-Policy")).contains("script-src 'self'");
    List<LogEntry> console = browser.consoleSoFar();
    assertThat(console).extracting(LogEntry::getMessage)
        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    // errors: none, except the requests the network-drop test made fail on purpose
    assertThat(console).filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .extracting(LogEntry::getMessage).filteredOn(m -> !m.contains("net::ERR_INTERNET_DISCONNECTED")).isEmpty();
  }

  private String typeAndEnter(Actions keys, String text, int turn) {
    keys.sendKeys(text).sendKeys(Keys.ENTER).perform();
    return widget.saidAfter(turn);
  }

  static Row one(String sql, Object arg) {
    var rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.of(arg)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }

  /** No operation writes settings: a change made in the database is announced, as its writer would. */
  private static void clinicDigits(String digits) {
    app.asOwner("UPDATE system_settings SET value = '\"" + digits + "\"' WHERE key = 'clinic.digits'");
    app.application().vertx().eventBus().publish(ReferenceAddresses.SETTINGS_CHANGED, new JsonObject());
  }
}
