package io.moeen.common.kv;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * A small key-value store with expiry, used for login rate limits, webhook dedupe and caches.
 *
 * <p>Every entry expires: a TTL must be at least one millisecond. Keys must not be null or blank,
 * values must not be null. A bad argument fails the returned future with
 * {@link IllegalArgumentException}; no method throws.
 */
public interface KeyValueStore {

  Future<Optional<String>> get(String key);

  /** Stores the value, replacing any earlier one and its expiry. */
  Future<Void> put(String key, String value, Duration ttl);

  /** Stores the value only if the key is absent; true if this call created it. Atomic. */
  Future<Boolean> putIfAbsent(String key, String value, Duration ttl);

  /**
   * Adds one to the counter and returns the new value; a missing key counts from zero. The TTL
   * starts when the key is created and later increments do not extend it. Atomic.
   */
  Future<Long> increment(String key, Duration ttl);

  /** Remaining life of the key (for Retry-After); empty when the key is missing. */
  Future<Optional<Duration>> timeToLive(String key);

  Future<Void> delete(String key);

  /** Health check: fails when the backend cannot be reached. */
  Future<Void> ping();

  Future<Void> close();

  /** "redis" or "in-process", for logs and health. */
  String kind();
}
