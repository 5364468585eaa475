package io.moeen.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A clinic's own website on another origin (localhost, another port) that embeds the widget with the one
 * line docs/web.md gives: its own strict Content-Security-Policy that names only Moeen's origin, and loud
 * CSS on every element that must not reach the widget.
 */
final class ClinicWebsite {
  private ClinicWebsite() {
  }

  static HttpServer serve(Vertx vertx, String moeen) {
    String html = """
        <!doctype html>
        <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8">
          <title>عيادة الشفاء</title>
          <link rel="icon" href="data:,">
          <style>
            * { font-family: "Courier New", monospace !important; color: #c00000 !important; letter-spacing: 0.3em; }
            div, p, button, input { direction: ltr; text-align: left; margin: 3rem; font-size: 30px; }
            button { background: yellow; border: 5px dashed red; }
          </style>
        </head>
        <body>
          <h1>عيادة الشفاء لطب الأسرة</h1>
          <p>موقع العيادة، والمساعد مضمّن بسطر واحد.</p>
          <script src="MOEEN/widget.js" data-locale="ar" async></script>
        </body>
        </html>
        """.replace("MOEEN", moeen);
    String policy = "default-src 'none'; style-src 'unsafe-inline' MOEEN; script-src MOEEN; connect-src MOEEN; "
        .replace("MOEEN", moeen) + "font-src " + moeen + "; img-src 'self' data:";
    return vertx.createHttpServer()
        .requestHandler(request -> {
          if (!request.path().equals("/")) {
            request.response().setStatusCode(404).end();
            return;
          }
          request.response()
              .putHeader("Content-Type", "text/html; charset=utf-8")
              .putHeader("Content-Security-Policy", policy)
              .end(html);
        })
        .listen(0, "127.0.0.1")
        .await();
  }
}
