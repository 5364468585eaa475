package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.testing.WebBrowser;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat widget's page weight and speed on loopback: starts the whole service (embedded database, demo
 * clinic), sums what a browser downloads for the widget as the server sends it (gzip), then opens the demo
 * page {@code runs} times in a headless Chromium with nothing cached and times the launcher appearing
 * (ready) and the bot's greeting after a click; then the portal's and the console's weight and each of their
 * screens' time to interactive ({@link #screens}). Not a test: run bench/web.sh.
 */
public final class WebBench {
  private static final List<String> WIDGET_FILES = List.of("/widget/widget.js", "/widget/api.js",
      "/widget/conversation.js", "/common/i18n.js", "/common/http.js", "/widget/storage.js", "/widget/view.js", "/widget/widget.css");

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Application app = Application.start(ConfigReader.read(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT",
        String.valueOf(port), "MOEEN_DATA_DIR", Scratch.dir("moeen-bench").toString())));
    String base = "http://127.0.0.1:" + port;
    try (WebBrowser browser = WebBrowser.start(1280, 900)) {
      // HTTP/1.1 as browsers speak it to a plain-HTTP origin (no h2c upgrade)
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String loader = get(http, base + "/widget.js").body();
      Matcher m = Pattern.compile("/app/a/[0-9a-f]{12}").matcher(loader);
      m.find();
      String assets = base + m.group();
      long widget = gzipped(http, base + "/widget.js");
      for (String file : WIDGET_FILES) {
        widget += gzipped(http, assets + file);
      }
      long texts = gzipped(http, base + "/v1/i18n/ar");
      long font = gzipped(http, assets + "/fonts/NotoNaskhArabic-Regular.ttf");
      System.out.printf("widget code and style: %.1f KB gzipped (budget %d KB)%s%n", widget / 1024.0, APP_BUDGET_KB,
          widget > APP_BUDGET_KB * 1024 ? "  OVER BUDGET" : "");
      System.out.printf("texts (GET /v1/i18n/ar): %.1f KB gzipped; Arabic font: %.1f KB gzipped, only when Arabic shows%n",
          texts / 1024.0, font / 1024.0);

      List<Long> ready = new ArrayList<>();
      List<Long> greeted = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.clearBrowserCache", Map.of());
        browser.open(base + "/app/demo/");
        browser.forgetSite();
        long start = System.nanoTime();
        browser.driver().navigate().refresh();
        browser.await(15, "launcher", b -> b.<Boolean>script("const r = document.querySelector('[data-moeen-widget]')"
            + "?.shadowRoot; return !!r && !r.querySelector('.launcher').hidden"));
        ready.add((System.nanoTime() - start) / 1_000_000);
        long click = System.nanoTime();
        browser.script("document.querySelector('[data-moeen-widget]').shadowRoot.querySelector('.launcher').click()");
        browser.await(15, "greeting", b -> b.<Boolean>script("return document.querySelector('[data-moeen-widget]')"
            + ".shadowRoot.querySelectorAll('.msg.bot').length > 0"));
        greeted.add((System.nanoTime() - click) / 1_000_000);
      }
      System.out.printf("demo page, nothing cached, %d runs: widget ready p50 %d ms (max %d); greeting after the click "
          + "p50 %d ms (max %d)%n", runs, median(ready), Collections.max(ready), median(greeted), Collections.max(greeted));
      screens(browser, http, base, assets, runs);
    } finally {
      app.stop();
    }
  }

  private static final int SCREEN_BUDGET_MS = 1000;
  private static final int APP_BUDGET_KB = 60;

  /**
   * The portal's and the console's code weight, and each screen's time to interactive: a reload with nothing
   * cached (the sign-in kept in the tab, so the reload also exchanges the refresh token and reads /v1/me), until the
   * screen has drawn and is no longer busy. Budgets: 60 KB gzipped per client, 1 s per screen.
   */
  private static void screens(WebBrowser browser, HttpClient http, String base, String assets, int runs) throws Exception {
    Map<String, List<String>> files = Map.of(
        "portal", List.of("/portal/portal.js", "/portal/appointments.js", "/portal/book.js", "/portal/family.js",
            "/portal/inbox.js", "/portal/profile.js", "/portal/messages.js", "/portal/signup.js", "/portal/invoices.js",
            "/portal/education.js", "/portal/intake.js"),
        "console", List.of("/console/console.js", "/console/agenda.js", "/console/leads.js", "/console/chat.js",
            "/console/admin.js", "/console/patients.js", "/console/lead.js", "/console/leadtools.js", "/console/funnel.js",
            "/console/flows.js", "/console/outbox.js", "/console/roles.js", "/portal/book.js", "/portal/appointments.js"));
    List<String> common = List.of("/common/api.js", "/common/dom.js", "/common/http.js", "/common/i18n.js",
        "/common/session.js", "/common/shell.js", "/common/datefield.js", "/common/app.css");
    Map<String, String> accounts = Map.of("portal", "ahmed@patients.example", "console", "admin@moeen-clinic.example");
    Map<String, List<String>> screens = Map.of(
        "portal", List.of("appointments", "book", "inbox", "invoices", "education", "family", "messages", "intake", "profile"),
        "console", List.of("agenda", "patients", "leads", "funnel", "chat", "flows", "outbox", "admin", "roles"));
    for (String client : List.of("portal", "console")) {
      long weight = gzipped(http, base + "/app/" + client + "/");
      for (String file : common) {
        weight += gzipped(http, assets + file);
      }
      for (String file : files.get(client)) {
        weight += gzipped(http, assets + file);
      }
      System.out.printf("%s page, code and style: %.1f KB gzipped (budget %d KB)%s%n", client, weight / 1024.0,
          APP_BUDGET_KB, weight > APP_BUDGET_KB * 1024 ? "  OVER BUDGET" : "");
      browser.open(base + "/app/" + client + "/");
      browser.script("window.sessionStorage.clear(); window.localStorage.clear()");
      browser.driver().navigate().refresh();
      browser.await(15, "sign-in form", b -> b.<Boolean>script("return !!document.querySelector('input[name=password]')"));
      browser.script("document.querySelector('input[name=identifier]').value = arguments[0];"
          + "document.querySelector('input[name=password]').value = 'MoeenDemo#2026';"
          + "document.querySelector('form').requestSubmit()", accounts.get(client));
      browser.await(15, "signed in", b -> b.<Boolean>script("return !!document.querySelector('section.screen')"));
      for (String screen : screens.get(client)) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          browser.cdp("Network.clearBrowserCache", Map.of());
          browser.script("window.history.replaceState(null, '', '#/' + arguments[0])", screen);
          long start = System.nanoTime();
          browser.driver().navigate().refresh();
          browser.await(15, screen, b -> b.<Boolean>script("const s = document.querySelector('section.screen');"
              + " return !!s && s.dataset.screen === arguments[0] && !s.hasAttribute('aria-busy')", screen));
          times.add((System.nanoTime() - start) / 1_000_000);
        }
        long p50 = median(times);
        System.out.printf("  %s #/%s, nothing cached, %d runs: interactive p50 %d ms (max %d; budget %d ms)%s%n", client,
            screen, runs, p50, Collections.max(times), SCREEN_BUDGET_MS, p50 > SCREEN_BUDGET_MS ? "  OVER BUDGET" : "");
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Bytes on the wire as the server sends them to a browser that accepts gzip. */
  private static long gzipped(HttpClient http, String url) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip")
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || !"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.headers().map());
    }
    return response.body().length;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
