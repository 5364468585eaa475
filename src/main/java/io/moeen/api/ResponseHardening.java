package io.moeen.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/** Headers every answer carries: no MIME sniffing, no framing, no referrer leaks. */
final class ResponseHardening implements PlatformHandler {
  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
