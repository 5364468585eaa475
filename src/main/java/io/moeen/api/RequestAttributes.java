package io.moeen.api;

import io.moeen.common.i18n.SupportedLocale;
import io.vertx.ext.web.RoutingContext;

/** The per-request values the API's handlers share through the routing context. */
final class RequestAttributes {
  static final String REQUEST_ID = "moeen.requestId";
  static final String LOCALE = "moeen.locale";

  private RequestAttributes() {
  }

  static String requestId(RoutingContext ctx) {
    String id = ctx.get(REQUEST_ID);
    return id == null ? "unknown" : id;
  }

  static SupportedLocale locale(RoutingContext ctx, SupportedLocale fallback) {
    SupportedLocale locale = ctx.get(LOCALE);
    return locale == null ? fallback : locale;
  }
}
