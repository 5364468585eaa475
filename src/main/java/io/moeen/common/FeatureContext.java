package io.moeen.common;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.config.AppConfig;
import io.moeen.common.http.PageRoutes;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the application opened at start and hands to every feature: the database pool, the key-value
 * store, the configuration, the interface texts, the default locale, the clock, the access-token signer,
 * what the features serve to browsers ({@link Feature#pages()}, mounted by the API), what each
 * feature's {@link Feature#prepare} yielded (by feature name), and {@code othersUp}: completed when every
 * feature but the last (the API) is deployed, failed when one failed. The API deploys beside the others and
 * builds its router meanwhile; it opens the port only when this completes.
 */
public record FeatureContext(Pool pool, KeyValueStore store, AppConfig config, Messages messages,
                             SupportedLocale defaultLocale, Clock clock, AccessTokens tokens, List<PageRoutes> pages,
                             Map<String, Object> prepared, Future<Void> othersUp) {
  public FeatureContext {
    pages = List.copyOf(pages);
    prepared = Map.copyOf(prepared);
  }

  /** What {@code feature}'s {@link Feature#prepare} yielded. */
  public <T> T prepared(Feature feature, Class<T> type) {
    Object value = prepared.get(feature.name());
    if (!type.isInstance(value)) {
      throw new IllegalStateException(feature.name() + " prepared " + value + ", not a " + type.getSimpleName());
    }
    return type.cast(value);
  }

  /** The clinic's zone ({@code MOEEN_TIMEZONE}). */
  public ZoneId timeZone() {
    return config.timeZone();
  }
}
