package io.moeen.scheduling.catalogue;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The public catalogue's answers kept in memory, body and ETag computed once, keyed by the
 * operation, the language and the query: a read of services, doctors, locations, hours or holidays
 * costs no SQL and no hashing until something changes. Never the source of truth: every catalogue
 * write drops all of it after commit and publishes {@value SchedulingAddresses#CATALOGUE_INVALIDATED}
 * so other nodes drop theirs; entries also expire {@link #TTL} after they were read.
 */
final class CatalogueCache {
  /**
   * The safety net behind the events: what no event announces (a change made straight in the
   * database, a doctor's name changed in their account, an event lost while a node was cut off)
   * is stale at most this long.
   */
  static final Duration TTL = Duration.ofSeconds(30);
  private static final long MAX_ANSWERS = 10_000;

  private final Vertx vertx;
  private final AsyncCache<String, Reply> answers = Caffeine.newBuilder()
      .expireAfterWrite(TTL)
      .maximumSize(MAX_ANSWERS)
      .executor(Runnable::run) // nothing blocks here: no thread pool needed
      .buildAsync();

  CatalogueCache(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * {@code read}'s answer to {@code request} at {@code address}, from memory or read once (concurrent
   * misses share one read); a failed read (404) is not kept. The answer continues on the caller's context.
   */
  Function<RequestEnvelope, Future<Reply>> cached(String address, Function<RequestEnvelope, Future<Reply>> read) {
    return request -> {
      String key = address + '|' + (CatalogueRequests.arabic(request) ? "ar" : "en") + '|' + params(request);
      CompletableFuture<Reply> entry = answers.get(key,
          (k, executor) -> read.apply(request).toCompletionStage().toCompletableFuture());
      return Future.fromCompletionStage(entry, vertx.getOrCreateContext());
    };
  }

  /** Drops every answer, reads in flight included (they may have begun before the change committed). */
  void invalidateAll() {
    answers.synchronous().invalidateAll();
  }

  /** After a committed write: drop this node's answers now, and tell every node (a clustered bus included). */
  <T> T changed(T result) {
    invalidateAll();
    vertx.eventBus().publish(SchedulingAddresses.CATALOGUE_INVALIDATED, new JsonObject());
    return result;
  }

  private static String params(RequestEnvelope request) {
    JsonObject params = request.params();
    return params == null ? "" : params.encode();
  }
}
