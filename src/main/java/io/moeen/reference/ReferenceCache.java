package io.moeen.reference;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Public settings (per requested and default locale) and the active languages, kept in memory:
 * every client asks for them first and they change a few times a year. Never the source of truth:
 * {@code reference.settings.changed} and {@code reference.languages.changed} empty it, and entries
 * expire {@link #TTL} after they were read, a safety net for a change no event announced (one made
 * straight in the database, an event lost while a node was cut off).
 * <p>Used on the reference verticle's event loop only; concurrent misses share one read.
 */
final class ReferenceCache {
  static final Duration TTL = Duration.ofSeconds(30);

  private final AsyncCache<String, JsonObject> settings;
  private final AsyncCache<String, List<ReferenceStore.Language>> languages;

  ReferenceCache() {
    this(Ticker.systemTicker());
  }

  ReferenceCache(Ticker ticker) {
    this.settings = build(ticker);
    this.languages = build(ticker);
  }

  private static <V> AsyncCache<String, V> build(Ticker ticker) {
    return Caffeine.newBuilder()
        .expireAfterWrite(TTL)
        .maximumSize(64) // locale pairs: a handful
        .ticker(ticker)
        .executor(Runnable::run) // nothing blocks here: no thread pool needed
        .buildAsync();
  }

  /** The public settings for {@code locale} (falling back to {@code defaultLocale}); each caller gets its own copy. */
  Future<JsonObject> settings(String locale, String defaultLocale, Supplier<Future<JsonObject>> read) {
    return Future.fromCompletionStage(settings.get(locale + "|" + defaultLocale, (key, executor) -> start(read)))
        .map(JsonObject::copy);
  }

  Future<List<ReferenceStore.Language>> languages(Supplier<Future<List<ReferenceStore.Language>>> read) {
    return Future.fromCompletionStage(languages.get("active", (key, executor) -> start(read)));
  }

  void settingsChanged() {
    settings.synchronous().invalidateAll();
  }

  void languagesChanged() {
    languages.synchronous().invalidateAll();
  }

  /** A failed read is not kept: Caffeine drops an entry whose future fails. */
  private static <V> CompletableFuture<V> start(Supplier<Future<V>> read) {
    return read.get().toCompletionStage().toCompletableFuture();
  }
}
