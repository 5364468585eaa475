package io.moeen.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules the web files keep, read from the classpath as the service reads them. */
class WebSourcesTest {
  /** A physical direction or size where a logical one belongs (outside media queries, which have no logical form). */
  private static final Pattern PHYSICAL = Pattern.compile(
      "(?<![-\\w])((margin|padding|border)-(left|right|top|bottom)[\\w-]*|left|right|top|bottom|(min-|max-)?(width|height))\\s*:"
          + "|text-align\\s*:\\s*(left|right)|float\\s*:\\s*(left|right)");
  /** Ways to turn text into markup or code, or to write inline styles: none of them in the widget. */
  private static final Pattern UNSAFE = Pattern.compile(
      "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|\\.style\\.|setAttribute\\('style'");
  static final int WIDGET_BUDGET_BYTES = 60 * 1024;

  static Map<String, byte[]> files;

  @BeforeAll
  static void read() {
    files = WebFiles.read(WebFiles.ROOT);
  }

  static String text(String name) {
    return new String(files.get(name), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("stylesheets use logical properties only, so one rule serves right-to-left and left-to-right")
  void stylesheets_use_logical_properties_only() {
    List<String> physical = new ArrayList<>();
    files.keySet().stream().filter(n -> n.endsWith(".css")).forEach(name -> {
      String[] lines = text(name).split("\n");
      for (int i = 0; i < lines.length; i++) {
        Matcher m = PHYSICAL.matcher(lines[i]);
        if (!lines[i].trim().startsWith("@media") && m.find()) {
          physical.add(name + ":" + (i + 1) + ": " + lines[i].trim());
        }
      }
    });
    assertThat(physical).isEmpty();
    assertThat(PHYSICAL.matcher("  margin-left: 1rem;").find()).as("the check sees one").isTrue();
    assertThat(PHYSICAL.matcher("  margin-inline-start: 1rem;").find()).isFalse();
  }

  @Test
  void scripts_never_write_markup_code_or_inline_styles() {
    List<String> unsafe = new ArrayList<>();
    files.keySet().stream().filter(n -> n.endsWith(".js")).forEach(name -> {
      Matcher m = UNSAFE.matcher(text(name));
      while (m.find()) {
        unsafe.add(name + ": " + m.group());
      }
    });
    assertThat(unsafe).isEmpty();
  }

  @Test
  @DisplayName("the widget (loader, modules, stylesheet) stays under 60 KB gzipped; the font comes on its own")
  void widget_weight_is_within_its_budget() {
    long widget = gzipped(files.get("widget.js"));
    for (String name : files.keySet()) {
      // the widget's own modules and the two shared ones it imports (texts and formats, and their fetch)
      if (name.startsWith("assets/widget/") || name.equals("assets/common/i18n.js") || name.equals("assets/common/http.js")) {
        widget += gzipped(files.get(name));
      }
    }
    long font = gzipped(files.get("assets/fonts/NotoNaskhArabic-Regular.ttf"));
    System.out.printf("widget: %.1f KB gzipped (budget %d KB); Arabic font: %.1f KB gzipped, loaded only for Arabic text%n",
        widget / 1024.0, WIDGET_BUDGET_BYTES / 1024, font / 1024.0);
    assertThat(widget).isLessThan(WIDGET_BUDGET_BYTES);
  }

  static long gzipped(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(bytes);
      }
      return out.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
