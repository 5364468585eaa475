package io.moeen.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane (so a trace can
 * cross a proxy), a fresh UUID otherwise. The id is echoed in the response header, every log
 * line and every problem.
 */
final class RequestIds implements PlatformHandler {
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.put(RequestAttributes.REQUEST_ID, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }
}
