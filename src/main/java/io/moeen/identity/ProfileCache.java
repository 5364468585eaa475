package io.moeen.identity;

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
 * The account fields of {@code GET /v1/me} (names, e-mail, phone, language, two-factor, last
 * sign-in) per account, so reading one's own profile does not ask PostgreSQL every time. Never the
 * source of truth: an entry leaves on the {@code identity.principals.invalidated} event for its
 * account (or for everyone) — which every writer of those fields publishes after commit, sign-in
 * included — and at the latest {@link #TTL} after it was read. Roles, permissions and patient link
 * are not kept here: they come from the request's principal.
 */
final class ProfileCache {
  static final Duration TTL = Duration.ofSeconds(30);
  private static final long MAX_ACCOUNTS = 100_000;

  private final AsyncCache<UUID, JsonObject> accounts = Caffeine.newBuilder()
      .expireAfterWrite(TTL)
      .maximumSize(MAX_ACCOUNTS)
      .executor(Runnable::run) // nothing blocks here
      .buildAsync();

  /** The account's fields, from the cache or {@code load} (a failed load is not kept); each caller gets a copy. */
  Future<JsonObject> get(Vertx vertx, UUID userId, Supplier<Future<JsonObject>> load) {
    CompletableFuture<JsonObject> entry = accounts.get(userId,
        (key, executor) -> load.get().toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(entry, vertx.getOrCreateContext()).map(JsonObject::copy);
  }

  /** Applies one {@code identity.principals.invalidated} event (a session's own event changes no account field). */
  void invalidate(JsonObject event) {
    if (event.getBoolean("all", false)) {
      accounts.synchronous().invalidateAll();
    } else if (event.getString("userId") != null) {
      accounts.synchronous().invalidate(UUID.fromString(event.getString("userId")));
    }
  }
}
