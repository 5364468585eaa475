package io.moeen.dental;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's SVG picture, as served, opened in a real Chromium: both arches with every FDI number, the states
 * coloured on the right surfaces, the legend in the reader's language and, in Arabic, set right to left.
 * Screenshots land in target/screenshots/dental-chart-*.png for a person to look at.
 */
class DentalChartPictureTest {
  static final String FATIMAH = DemoAccounts.FATIMAH_PATIENT_ID.toString();
  static RunningApp app;
  static WebBrowser browser;
  static String dentist;

  @BeforeAll
  static void start() {
    browser = WebBrowser.start(900, 760);
    app = RunningApp.start("dental-picture");
    dentist = app.loginAs(DemoAccounts.DENTIST);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  static Path saved(String path, String lang, String name) throws IOException {
    var response = ApiCalls.call(app, "GET", path, lang, dentist, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("image/svg+xml");
    Files.createDirectories(WebBrowser.SCREENSHOTS);
    Path file = WebBrowser.SCREENSHOTS.resolve(name + ".svg").toAbsolutePath();
    Files.writeString(file, response.bodyAsString(), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void the_arabic_picture_shows_both_arches_with_the_states_and_a_right_to_left_legend() throws IOException {
    Path file = saved("/v1/patients/" + FATIMAH + "/dental-chart/svg", "ar", "dental-chart-ar");
    browser.open(file.toUri().toString());
    // 32 permanent teeth and, since Fatimah keeps a primary molar (65), the 20 primary ones
    assertThat(browser.<Long>script("return document.querySelectorAll('g.tooth').length")).isEqualTo(52L);
    List<Object> numbers = browser.script("return [...document.querySelectorAll('g.tooth > text')].map(t => t.textContent)");
    assertThat(numbers).contains("18", "11", "21", "28", "48", "41", "31", "38", "55", "65", "85", "75");
    // upper right 18 is drawn left of upper left 28, and above lower right 48 (the dentist's view, not mirrored)
    Map<String, Object> box18 = box("g.tooth[data-tooth='18']");
    Map<String, Object> box28 = box("g.tooth[data-tooth='28']");
    Map<String, Object> box48 = box("g.tooth[data-tooth='48']");
    assertThat(num(box18, "x")).isLessThan(num(box28, "x"));
    assertThat(num(box18, "y")).isLessThan(num(box48, "y"));
    // states: 11 crowned, 38 extracted, 14 filled on mesial and occlusal, 25 missing
    assertThat(fill("g.tooth[data-tooth='11'] polygon[data-surface='incisal']")).isEqualTo("rgb(242, 201, 76)");
    assertThat(browser.<String>script("return document.querySelector(\"g.tooth[data-tooth='38']\").dataset.status"))
        .isEqualTo("extracted");
    assertThat(fill("g.tooth[data-tooth='14'] polygon[data-surface='mesial']")).isEqualTo("rgb(30, 111, 217)");
    assertThat(fill("g.tooth[data-tooth='14'] polygon[data-surface='occlusal']")).isEqualTo("rgb(30, 111, 217)");
    assertThat(fill("g.tooth[data-tooth='14'] polygon[data-surface='buccal']")).isEqualTo("rgb(255, 255, 255)");
    // mesial of 14 (patient's right) faces the midline: to the right of its distal face
    assertThat(num(box("g.tooth[data-tooth='14'] polygon[data-surface='mesial']"), "x"))
        .isGreaterThan(num(box("g.tooth[data-tooth='14'] polygon[data-surface='distal']"), "x"));
    // the legend in Arabic, laid out right to left: its title ends at the right margin
    String legend = browser.script("return document.querySelector('g.legend').textContent");
    assertThat(legend).contains("دليل الألوان", "تسوس", "حشوة", "تاج", "زرعة", "علاج عصب");
    assertThat(browser.<String>script("return getComputedStyle(document.querySelector('g.legend text')).direction")).isEqualTo("rtl");
    Map<String, Object> title = box("g.legend > text");
    double svgWidth = num(box("svg"), "width");
    assertThat(num(title, "x") + num(title, "width")).isGreaterThan(svgWidth - 60);
    assertThat(num(title, "x")).isGreaterThan(svgWidth / 2);
    // Arabic glyphs are drawn (a box of real width), not left empty
    assertThat(num(title, "width")).isGreaterThan(40);
    assertThat(browser.<String>script("return document.querySelector('svg > text').textContent")).contains("مخطط الأسنان", "فاطمة");
    browser.screenshot("dental-chart-ar");
  }

  @Test
  void the_english_picture_at_a_past_date_is_left_to_right_and_shows_that_day() throws IOException {
    String date = LocalDate.now(ZoneId.of("Asia/Riyadh")).minusDays(60).toString();
    Path file = saved("/v1/patients/" + FATIMAH + "/dental-chart/svg?lang=en&at=" + date, "ar", "dental-chart-en");
    browser.open(file.toUri().toString());
    String legend = browser.script("return document.querySelector('g.legend').textContent");
    assertThat(legend).contains("Legend", "Caries", "Filling", "Crown", "Root canal treated", "Bridge");
    assertThat(browser.<String>script("return getComputedStyle(document.querySelector('g.legend text')).direction")).isEqualTo("ltr");
    Map<String, Object> title = box("g.legend > text");
    assertThat(num(title, "x")).isLessThan(60);
    // 60 days ago: 11 was fractured, not yet crowned; 14 still carious on its mesial face
    assertThat(fill("g.tooth[data-tooth='11'] polygon[data-surface='incisal']")).isEqualTo("rgb(255, 255, 255)");
    assertThat(browser.<Long>script("return document.querySelectorAll(\"g.tooth[data-tooth='11'] path\").length")).isEqualTo(1L);
    assertThat(fill("g.tooth[data-tooth='14'] polygon[data-surface='mesial']")).isEqualTo("rgb(211, 47, 47)");
    assertThat(browser.<String>script("return document.querySelector('svg > text:nth-of-type(2)').textContent")).contains(date);
    browser.screenshot("dental-chart-en");
  }

  private static Map<String, Object> box(String selector) {
    return browser.script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        + " return {x: r.x, y: r.y, width: r.width, height: r.height};", selector);
  }

  private static double num(Map<String, Object> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }

  private static String fill(String selector) {
    return browser.script("return getComputedStyle(document.querySelector(arguments[0])).fill", selector);
  }
}
