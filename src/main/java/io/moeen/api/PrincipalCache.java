package io.moeen.api;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Resolved principals per sign-in session ({@code sid}), shared by the API verticle instances of
 * one process, so an authenticated request does not ask identity (and PostgreSQL) who the caller
 * is every time. Never the source of truth: entries leave on {@code identity.principals.invalidated}
 * events, which every writer of roles, permissions, accounts, sessions and family links publishes
 * after commit, and at the latest {@link #TTL} after they were resolved.
 */
public final class PrincipalCache {
  /**
   * The safety net behind the events: a lost event (a node cut off from the cluster, a change
   * made straight in the database, a refresh token that simply expired) is stale at most this long,
   * while an active session costs one resolve per period.
   */
  public static final Duration TTL = Duration.ofSeconds(30);
  private static final long MAX_SESSIONS = 100_000;

  private final AsyncCache<UUID, JsonObject> sessions = Caffeine.newBuilder()
      .expireAfterWrite(TTL)
      .maximumSize(MAX_SESSIONS)
      .executor(Runnable::run) // nothing blocks here: no thread pool needed
      .buildAsync();

  /**
   * The principal of {@code sessionId}, from the cache or from {@code resolve} (concurrent misses
   * of one session share a single resolve). A failed or null resolve is not kept. The answer
   * continues on the caller's own context, and each caller gets its own copy.
   */
  Future<JsonObject> get(Vertx vertx, UUID sessionId, UUID userId, Supplier<Future<JsonObject>> resolve) {
    CompletableFuture<JsonObject> entry = sessions.get(sessionId,
        (key, executor) -> resolve.get().toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(entry, vertx.getOrCreateContext())
        .compose(principal -> userId.toString().equals(principal.getString("userId"))
            ? Future.succeededFuture(principal.copy())
            // a session is one account's; anything else is not to be trusted, so ask again
            : resolve.get());
  }

  /** Applies one {@code identity.principals.invalidated} event. */
  void invalidate(JsonObject event) {
    if (event.getBoolean("all", false)) {
      sessions.synchronous().invalidateAll();
    } else if (event.getString("sessionId") != null) {
      sessions.synchronous().invalidate(UUID.fromString(event.getString("sessionId")));
    } else if (event.getString("userId") != null) {
      String userId = event.getString("userId");
      // rare next to reads, so a scan; a resolve still in flight may be this user's: drop it too
      sessions.asMap().values().removeIf(entry -> {
        JsonObject principal = entry.isDone() && !entry.isCompletedExceptionally() ? entry.getNow(null) : null;
        return principal == null || userId.equals(principal.getString("userId"));
      });
    }
  }
}
