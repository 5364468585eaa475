package io.moeen.chatbot.actions;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.moeen.identity.IdentityAddresses;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The public catalogue reads of the chat's action turns (services, locations, a service's doctors), kept
 * in memory for a few seconds: a booking conversation asked scheduling for the whole services list three
 * times and the locations once, each an event-bus round trip that copied the list twice as JSON. Dropped
 * with scheduling's own cache on {@value SchedulingAddresses#CATALOGUE_INVALIDATED} (published on every
 * node after each committed catalogue write) and, as scheduling's is, on an
 * {@value IdentityAddresses#PRINCIPALS_INVALIDATED} event naming a user (a doctor's name and active flag live
 * on their account); {@link #TTL} bounds what no event announces, on top of scheduling's own 30 s. A failed
 * read is not kept. The answers are shared: the actions only read them.
 */
final class CatalogueReads {
  static final Duration TTL = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final AsyncCache<String, Object> answers = Caffeine.newBuilder()
      .expireAfterWrite(TTL)
      .maximumSize(1_000)
      .executor(Runnable::run) // nothing blocks: the read is a bus request
      .buildAsync();

  CatalogueReads(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().consumer(SchedulingAddresses.CATALOGUE_INVALIDATED, event -> answers.synchronous().invalidateAll());
    vertx.eventBus().<JsonObject>consumer(IdentityAddresses.PRINCIPALS_INVALIDATED, event -> {
      if (event.body() != null && event.body().getString("userId") != null) {
        answers.synchronous().invalidateAll();
      }
    });
  }

  /** The answer of {@code operationId} at {@code address} for {@code params} in {@code locale}, read once per TTL. */
  Future<Object> read(String address, String operationId, JsonObject params, String locale, String requestId,
                      BusCalls bus) {
    String key = address + '|' + locale + '|' + params.encode();
    CompletableFuture<Object> entry = answers.get(key, (k, executor) ->
        bus.operation(address, operationId, params, null, false, locale, requestId).toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(entry, vertx.getOrCreateContext())
        .recover(failure -> Future.failedFuture(failure instanceof java.util.concurrent.CompletionException wrapped
            && wrapped.getCause() != null ? wrapped.getCause() : failure));
  }
}
