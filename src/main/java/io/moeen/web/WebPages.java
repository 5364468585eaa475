package io.moeen.web;

import io.moeen.common.http.PageRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Serves {@link Site} from memory: read once at start on a worker, never from disk on an event loop.
 * Every answer carries a strict Content-Security-Policy (no inline script or style, nothing from elsewhere);
 * the server compresses (gzip) for clients that accept it. An unknown path falls through to the API's 404.
 */
final class WebPages implements PageRoutes {
  /** For pages: only our own scripts, styles, fonts and API; no inline code, no framing, no plugins. */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** For scripts, styles and fonts: they are not documents, nothing may run in their name. */
  static final String ASSET_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String SHORT = "public, max-age=300, must-revalidate";

  private final String root;
  private Future<Site> site;

  WebPages(String root) {
    this.root = root;
  }

  @Override
  public synchronized Future<Void> load(Vertx vertx) {
    if (site == null) {
      site = vertx.executeBlocking(() -> new Site(WebFiles.read(root)));
    }
    return site.mapEmpty();
  }

  @Override
  public void mount(Router router) {
    Site loaded = site.result();
    router.get("/widget.js").handler(ctx -> serve(ctx, loaded));
    router.get("/app/*").handler(ctx -> serve(ctx, loaded));
  }

  @Override
  public List<String> paths() {
    return List.of("/widget.js", "/app/*");
  }

  private static void serve(RoutingContext ctx, Site site) {
    Site.Entry entry = site.find(ctx.request().path()).orElse(null);
    if (entry == null) {
      ctx.next(); // the router's 404, as problem+json
      return;
    }
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType())
        .putHeader(HttpHeaders.ETAG, entry.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, entry.immutable() ? IMMUTABLE : SHORT)
        .putHeader(HttpHeaders.VARY, "Accept-Encoding")
        .putHeader("Content-Security-Policy", entry.page() ? PAGE_POLICY : ASSET_POLICY);
    if (!entry.page()) {
      // the widget runs on other websites: its script, modules, styles and font are fetched from there
      response.putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
    }
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, entry.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.end(Buffer.buffer(entry.body()));
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }
}
