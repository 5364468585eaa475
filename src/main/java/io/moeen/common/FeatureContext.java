package io.moeen.common;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.config.AppConfig;
import io.moeen.common.http.PageRoutes;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * What the application opened at start and hands to every feature: the database pool, the key-value
 * store, the configuration, the interface texts, the default locale, the clock, the access-token signer, and
 * what the features serve to browsers ({@link io.moeen.common.Feature#pages()}, mounted by the API).
 */
public record FeatureContext(Pool pool, KeyValueStore store, AppConfig config, Messages messages,
                             SupportedLocale defaultLocale, Clock clock, AccessTokens tokens, List<PageRoutes> pages) {
  public FeatureContext {
    pages = List.copyOf(pages);
  }

  /** The clinic's zone ({@code MOEEN_TIMEZONE}). */
  public ZoneId timeZone() {
    return config.timeZone();
  }
}
