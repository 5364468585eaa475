package io.moeen.api;

import io.moeen.common.i18n.LocaleNegotiator;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/** Picks the language of the answer from Accept-Language and says so in Content-Language. */
final class LocaleSelection implements PlatformHandler {
  private final LocaleNegotiator negotiator;

  LocaleSelection(LocaleNegotiator negotiator) {
    this.negotiator = negotiator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SupportedLocale locale = negotiator.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    ctx.put(RequestAttributes.LOCALE, locale);
    ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.tag());
    ctx.response().putHeader(HttpHeaders.VARY, "Accept-Language");
    ctx.next();
  }
}
