package io.moeen.web;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My materials" in the patient portal, in a real Chromium against the real service: Ahmed's demo materials in
 * Arabic, right to left, one read and one new; marking the new one read; the same screen in English.
 */
class EducationBrowserTest {
  static final String AHMED_UNREAD = "00000000-0000-4023-8000-000000000102";
  static RunningApp app;
  static WebBrowser browser;
  static AppPage page;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(1280, 900);
    app = RunningApp.start("web-education");
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

  static String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_patient_reads_his_materials_and_marks_the_new_one_read_in_arabic_and_english() {
    page.openFresh("/app/portal/");
    page.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD);
    page.awaitHeading("مواعيدي");
    assertThat(page.navScreens()).contains("education");
    page.nav("education");
    page.awaitHeading("موادي التثقيفية");
    assertThat(page.dir()).isEqualTo("rtl");
    assertThat(page.all("li.material")).hasSize(2);
    assertThat(page.textOf("li.material.read h2")).isEqualTo("التعايش مع ارتفاع ضغط الدم");
    assertThat(page.textOf("li.material.read .badge")).isEqualTo("مقروءة");
    assertThat(page.textOf("li.material.unread h2")).isEqualTo("الطريقة الصحيحة لتنظيف الأسنان بالفرشاة والخيط");
    assertThat(page.textOf("li.material.unread .badge")).isEqualTo("جديدة");
    assertThat(page.textOf("li.material.unread .comment")).isEqualTo("شاهده مع أطفالك أيضًا.");
    assertThat(page.find("li.material.unread a.button").getAttribute("href"))
        .isEqualTo("https://videos.example.org/moeen/brushing-and-flossing");
    assertThat(page.textOf("main h1")).contains("(جديدة: 1)");
    assertThat(page.textOf("li.material.read .meta")).startsWith("من خالد").contains("قُرئت في").doesNotContain("object", "null");
    assertThat(page.textOf("li.material.unread .meta")).startsWith("من هدى").doesNotContain("قُرئت", "null");
    page.screenshots("portal-ar-education");
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();

    page.click("li.material.unread button.mark-read", "عَلِّمها كمقروءة");
    browser.await(10, "no material left unread", b -> b.<Boolean>script("return !document.querySelector('li.material.unread')"));
    assertThat(page.textOf("li.material[data-id='" + AHMED_UNREAD + "'] .badge")).isEqualTo("مقروءة");
    assertThat(page.textOf("main h1")).doesNotContain("جديدة");
    assertThat(page.all("li.material button.mark-read")).isEmpty();
    assertThat(one("SELECT read_by::text FROM education_assignments WHERE id = '" + AHMED_UNREAD + "'"))
        .isEqualTo(DemoAccounts.AHMED_USER_ID.toString());

    page.find("header button.language").click();
    page.awaitHeading("My health materials");
    assertThat(page.dir()).isEqualTo("ltr");
    assertThat(page.textOf("li.material[data-id='" + AHMED_UNREAD + "'] h2")).isEqualTo("Brushing and flossing the right way");
    assertThat(page.textOf("li.material[data-id='" + AHMED_UNREAD + "'] .badge")).isEqualTo("Read");
    page.screenshots("portal-en-education");
    assertThat(browser.consoleSoFar().stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()))
        .isEmpty();
  }
}
