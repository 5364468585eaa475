package io.moeen.bench;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.testing.WebBrowser;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * (ready) and the bot's greeting after a click. Not a test: run bench/web.sh.
 */
public final class WebBench {
  private static final List<String> WIDGET_FILES = List.of("/widget/widget.js", "/widget/api.js",
      "/widget/conversation.js", "/widget/i18n.js", "/widget/storage.js", "/widget/view.js", "/widget/widget.css");

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Application app = Application.start(ConfigReader.read(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT",
        String.valueOf(port), "MOEEN_DATA_DIR", Files.createTempDirectory("moeen-bench").toString())));
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
      System.out.printf("widget code and style: %.1f KB gzipped (budget 60 KB)%n", widget / 1024.0);
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
    } finally {
      app.stop();
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
