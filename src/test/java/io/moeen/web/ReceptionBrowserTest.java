package io.moeen.web;

import io.moeen.scheduling.SchedulingDemo;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception in the staff console, in a real Chromium against the real service: patient search with Arabic
 * spelling variants, a walk-in registered at the desk and booked with the portal's steps, the visit then in the
 * agenda; the agenda's day written as the clinic writes it (not the browser's 12/06/2026). Arabic, then English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceptionBrowserTest {
  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;
  static String walkInId;
  static final String VISIT = "00000000-0000-4064-8500-000000000001";
  /** Clinic room 3 at the Riyadh branch (db/demo/064-appointment-rooms-demo.sql). */
  static final String ROOM_3 = "00000000-0000-4064-8000-000000000001";

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-reception");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
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
  @DisplayName("Search finds «أحمد» typed as «احمد», and a record number and a phone in Arabic digits")
  void search_with_arabic_spelling_variants() {
    page.openFresh("/app/console/");
    page.signIn(DemoAccounts.RECEPTIONIST, DemoAccounts.PASSWORD);
    page.awaitHeading("جدول المواعيد");
    page.nav("patients");
    assertThat(page.heading()).isEqualTo("المرضى");
    page.find("input[name=q]").sendKeys("احمد", Keys.ENTER);
    browser.await(10, "results", b -> !page.all("table.patients tbody tr").isEmpty());
    assertThat(page.find("table.patients tr[data-id='" + DemoAccounts.AHMED_PATIENT_ID + "']").getText()).contains("أحمد");
    page.screenshots("console-ar-patients-search");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    String mrn = one("SELECT medical_record_number AS v FROM patients WHERE id = $1", DemoAccounts.AHMED_PATIENT_ID).getString("v");
    search(mrn.toLowerCase());
    assertThat(page.all("table.patients tbody tr")).hasSize(1);
    String phone = one("SELECT phone AS v FROM patients WHERE id = $1", DemoAccounts.AHMED_PATIENT_ID).getString("v");
    String local = "0" + phone.substring(4);
    search(arabicDigits(local));
    assertThat(page.find("table.patients tbody tr").getAttribute("data-id")).isEqualTo(DemoAccounts.AHMED_PATIENT_ID.toString());
  }

  @Test
  @Order(2)
  @DisplayName("A walk-in is registered at the desk (date of birth by day, month name and year) and gets a record number")
  void walk_in_registration() {
    page.click("form[role=search] a.button", "تسجيل مريض جديد");
    page.find("form.walk-in");
    page.awaitHeading("المرضى");
    assertThat(browser.<String>script("return document.activeElement.name")).isEqualTo("firstNameAr");
    page.find("input[name=firstNameAr]").sendKeys("عبدالله");
    page.find("input[name=lastNameAr]").sendKeys("الشهري");
    page.find("input[name=firstNameEn]").sendKeys("Abdullah");
    page.find("input[name=lastNameEn]").sendKeys("Al-Shehri");
    page.find("input[name=phone]").sendKeys("٠٥٥٩٨٧٠٠٢٧");
    new Select(page.find("select[name=dateOfBirth-day]")).selectByValue("31");
    new Select(page.find("select[name=dateOfBirth-month]")).selectByValue("2");
    page.find("input[name=dateOfBirth-year]").sendKeys("1990");
    page.click("form.walk-in button.primary", "سجّل المريض");
    assertThat(page.alert()).as("31 February is no day").contains("تاريخ الميلاد");
    new Select(page.find("select[name=dateOfBirth-day]")).selectByValue("28");
    page.screenshots("console-ar-walk-in");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("form.walk-in button.primary", "سجّل المريض");
    browser.await(10, "registered", b -> !page.all("section.registered").isEmpty());
    Row row = one("SELECT id, medical_record_number, phone, date_of_birth::text AS born, first_name_en FROM patients WHERE first_name_ar = $1",
        "عبدالله");
    walkInId = row.getUUID("id").toString();
    assertThat(row.getString("phone")).isEqualTo("+966559870027");
    assertThat(row.getString("born")).isEqualTo("1990-02-28");
    assertThat(row.getString("first_name_en")).isEqualTo("Abdullah");
    assertThat(page.find("section.registered .mrn").getText()).isEqualTo(row.getString("medical_record_number"));
    page.screenshots("console-ar-walk-in-registered");
  }

  @Test
  @Order(3)
  @DisplayName("Reception books for the walk-in (service → doctor → day → slot) and lands on that day's agenda")
  void booking_for_a_patient() {
    page.click("section.registered a.primary", "احجز موعدًا");
    assertThat(page.find(".step h2").getText()).isEqualTo("اختر الخدمة");
    assertThat(page.find("ul.chosen").getText()).contains("عبدالله الشهري");
    page.click("button.choice", "كشف عام");
    page.click("button.choice", "خالد");
    browser.await(15, "the slots", b -> !page.all("button.slot").isEmpty() || !page.all(".step .empty").isEmpty());
    if (page.all("button.slot").isEmpty()) {
      page.click(".step .actions button", "الأيام التالية");
      browser.await(15, "the slots a week on", b -> !page.all("button.slot").isEmpty());
    }
    WebElement slot = page.all("button.slot").get(0);
    String startsAt = slot.getAttribute("data-starts-at");
    slot.click();
    page.screenshots("console-ar-book-confirm");
    page.click(".step button.primary", "احجز");
    page.awaitHeading("جدول المواعيد");
    LocalDate day = OffsetDateTime.parse(startsAt).atZoneSameInstant(SchedulingDemo.RIYADH).toLocalDate();
    assertThat(browser.<String>script("return location.hash")).isEqualTo("#/agenda/" + day);
    Row booked = one("SELECT id, starts_at FROM appointments WHERE patient_id = $1", java.util.UUID.fromString(walkInId));
    assertThat(booked.getOffsetDateTime("starts_at").toInstant()).isEqualTo(OffsetDateTime.parse(startsAt).toInstant());
    assertThat(page.find("article.visit[data-id='" + booked.getUUID("id") + "']").getText()).contains("عبدالله");
  }

  @Test
  @Order(4)
  @DisplayName("The agenda's day is written as the clinic writes it, and another day is chosen by day, month and year")
  void agenda_day_in_the_clinics_words() {
    assertThat(page.all("main input[type=date]")).as("not the browser's own date input").isEmpty();
    String hash = browser.script("return location.hash");
    LocalDate day = LocalDate.parse(hash.substring("#/agenda/".length()));
    Select month = new Select(page.find("select[name=day-month]"));
    assertThat(month.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(day.getMonthValue()));
    assertThat(month.getFirstSelectedOption().getText()).matches("[\\u0600-\\u06FF ]+");
    assertThat(new Select(page.find("select[name=day-day]")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(String.valueOf(day.getDayOfMonth()));
    page.screenshots("console-ar-agenda-day");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    LocalDate other = day.plusDays(3);
    new Select(page.find("select[name=day-day]")).selectByValue(String.valueOf(other.getDayOfMonth()));
    new Select(page.find("select[name=day-month]")).selectByValue(String.valueOf(other.getMonthValue()));
    WebElement year = page.find("input[name=day-year]");
    year.clear();
    year.sendKeys(String.valueOf(other.getYear()));
    page.click("form.toolbar button[type=submit]", "اعرض");
    browser.await(10, "the other day", b -> ("#/agenda/" + other).equals(b.script("return location.hash")));
    page.awaitHeading("جدول المواعيد");
  }

  @Test
  @Order(5)
  @DisplayName("Today by room: a column per consulting room (no hospital ward), a visit put in a room from its card, then by doctor")
  void agenda_by_room() {
    // Mohammed with Dr. Faisal today, in no room yet (10 minutes ago, or just after midnight early in the day)
    java.time.Instant midnight = LocalDate.now(SchedulingDemo.RIYADH).atStartOfDay(SchedulingDemo.RIYADH).toInstant();
    java.time.Instant tenAgo = java.time.Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    java.time.Instant start = tenAgo.isBefore(midnight.plusSeconds(300)) ? midnight.plusSeconds(300) : tenAgo;
    app.asOwner("INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, "
        + "blocked_from, blocked_until, status, source) VALUES ('" + VISIT + "', '" + DemoAccounts.MOHAMMED_PATIENT_ID + "', '"
        + SchedulingDemo.FAISAL + "', '" + SchedulingDemo.FOLLOW_UP + "', '" + SchedulingDemo.RIYADH_OLAYA + "', '" + start
        + "', '" + start.plusSeconds(900) + "', '" + start + "', '" + start.plusSeconds(900) + "', 'confirmed', 'reception')");
    String today = LocalDate.now(SchedulingDemo.RIYADH).toString();
    browser.open(app.baseUrl() + "/app/console/#/agenda/" + today);
    page.awaitHeading("جدول المواعيد");
    page.click("nav.view-switch a[data-view=rooms]", "حسب الغرفة");
    browser.await(10, "the room view", b -> ("#/agenda/" + today + "/rooms").equals(b.script("return location.hash"))
        && !page.all("section.column[data-room]").isEmpty());
    assertThat(page.dir()).isEqualTo("rtl");
    java.util.List<String> titles = page.all("section.column[data-room] h2").stream()
        .map(h -> h.getAttribute("textContent").strip()).toList();
    assertThat(titles).anyMatch(h -> h.startsWith("عيادة ٣")).anyMatch(h -> h.startsWith("بلا غرفة"))
        .noneMatch(h -> h.contains("العناية المركزة") || h.contains("غرفة خاصة") || h.contains("الجناح العام"));
    WebElement card = page.find("section.column[data-room='none'] article.visit[data-id='" + VISIT + "']");
    browser.script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", card);
    assertThat(card.getText()).contains("محمد").contains("بلا غرفة");
    new Select(card.findElement(By.cssSelector("select[name=room]"))).selectByVisibleText("عيادة ٣");
    browser.await(10, "the visit in room 3", b -> !page.all("section.column[data-room='" + ROOM_3 + "'] article.visit[data-id='"
        + VISIT + "']").isEmpty());
    assertThat(one("SELECT room_id::text AS v FROM appointments WHERE id = $1", java.util.UUID.fromString(VISIT)).getString("v"))
        .isEqualTo(ROOM_3);
    assertThat(text("article.visit[data-id='" + VISIT + "'] p.room")).contains("عيادة ٣");
    page.screenshots("console-ar-agenda-rooms");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("nav.view-switch a[data-view=doctors]", "حسب الطبيب");
    browser.await(10, "the doctor view", b -> !page.all("section.column[data-doctor]").isEmpty());
    assertThat(text("section.column[data-doctor='" + SchedulingDemo.FAISAL + "'] article.visit[data-id='" + VISIT + "'] p.room"))
        .contains("عيادة ٣");
  }

  @Test
  @Order(6)
  @DisplayName("In English: the agenda's month by its English name, and the patients' screens left to right")
  void reception_in_english() {
    page.find("header button.language").click();
    browser.await(10, "English", b -> "ltr".equals(page.dir()));
    page.awaitHeading("Agenda");
    assertThat(new Select(page.find("select[name=day-month]")).getOptions().stream().map(WebElement::getText).toList())
        .contains("January", "December");
    page.screenshots("console-en-agenda-day");
    browser.open(app.baseUrl() + "/app/console/#/agenda/" + LocalDate.now(SchedulingDemo.RIYADH) + "/rooms");
    browser.await(10, "the room view in English", b -> !page.all("section.column[data-room] h2").isEmpty()
        && text("section.column[data-room='" + ROOM_3 + "'] h2").startsWith("Clinic room 3"));
    assertThat(text("article.visit[data-id='" + VISIT + "'] p.room")).contains("Room: Clinic room 3");
    page.screenshots("console-en-agenda-rooms");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.nav("patients");
    search("فاطمه");
    assertThat(page.find("table.patients tr[data-id='" + DemoAccounts.FATIMAH_PATIENT_ID + "']").getText()).contains("فاطمة");
    page.screenshots("console-en-patients-search");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    page.click("form[role=search] a.button", "Register a walk-in");
    page.find("form.walk-in");
    page.awaitHeading("Patients");
    page.screenshots("console-en-walk-in");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  @Test
  @Order(7)
  @DisplayName("The pages logged no error and broke no Content-Security-Policy")
  void no_errors_or_policy_violations() {
    assertThat(browser.consoleSoFar().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(LogEntry::getMessage).toList()).isEmpty();
  }

  /** An element's text whether or not the columns' scrolling shows it now. */
  static String text(String css) {
    return page.find(css).getAttribute("textContent");
  }

  static void search(String typed) {
    browser.script("document.querySelectorAll('main p[role=status]').forEach(p => p.dataset.old = 'yes')");
    WebElement input = page.find("input[name=q]");
    input.clear();
    input.sendKeys(typed, Keys.ENTER);
    browser.await(10, "the results for " + typed, b -> b.<Boolean>script(
        "const s = document.querySelector('section.screen'); return !!s && !s.hasAttribute('aria-busy')"
            + " && !!document.querySelector('main p[role=status]:not([data-old])')"));
  }

  static String arabicDigits(String latin) {
    StringBuilder out = new StringBuilder();
    for (char c : latin.toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('٠' + (c - '0')) : c);
    }
    return out.toString();
  }

  static Row one(String sql, Object... args) {
    RowSet<Row> rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.from(args)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }
}
