package io.moeen.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * HEAD is answered wherever GET is (RFC 9110): the request is routed as a GET and the server
 * leaves out the body of the answer to a HEAD.
 */
final class HeadAsGet implements PlatformHandler {
  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.HEAD && ctx.get("moeen.headRerouted") == null) {
      ctx.put("moeen.headRerouted", true);
      ctx.reroute(HttpMethod.GET, ctx.request().uri());
      return;
    }
    ctx.next();
  }
}
