package io.moeen.common.kv;

import io.vertx.core.Future;
import java.time.Duration;

/** The argument rules both stores share, reported as failed futures rather than thrown. */
final class KeyValueArguments {

  // Beyond this toMillis() arithmetic gets near overflow; nothing here should outlive a century.
  static final Duration MAX_TTL = Duration.ofDays(36_500);

  private KeyValueArguments() {}

  static Future<Void> checkKey(String key) {
    if (key == null || key.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("key must not be null or blank"));
    }
    return Future.succeededFuture();
  }

  static Future<Void> checkEntry(String key, String value, Duration ttl) {
    if (value == null) {
      return Future.failedFuture(new IllegalArgumentException("value must not be null"));
    }
    return checkCounter(key, ttl);
  }

  static Future<Void> checkCounter(String key, Duration ttl) {
    return checkKey(key).compose(ok -> checkTtl(ttl));
  }

  private static Future<Void> checkTtl(Duration ttl) {
    if (ttl == null) {
      return Future.failedFuture(new IllegalArgumentException("ttl must not be null"));
    }
    // Below a millisecond would be rounded to "no expiry" (or rejected) by Redis's PX.
    if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
      return Future.failedFuture(new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl));
    }
    if (ttl.compareTo(MAX_TTL) > 0) {
      return Future.failedFuture(new IllegalArgumentException("ttl must be at most " + MAX_TTL + ", was " + ttl));
    }
    return Future.succeededFuture();
  }
}
