package io.moeen.common.kv;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.util.Optional;

/** Chooses the key-value store: Redis when a URL is configured, in-process otherwise. */
public final class KeyValueStores {

  // Bursts (a login storm) queue for a pooled connection instead of failing at the default 24.
  private static final int MAX_POOL_WAITING = 1024;
  // An unreachable host fails calls in seconds, not after Netty's default minute.
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private KeyValueStores() {}

  /** A blank URL (an unset {@code REDIS_URL=}) counts as none. */
  public static KeyValueStore create(Vertx vertx, Optional<String> redisUrl) {
    return redisUrl
        .filter(url -> !url.isBlank())
        .<KeyValueStore>map(url -> new RedisKeyValueStore(vertx, redisOptions(url.strip())))
        .orElseGet(() -> new InProcessKeyValueStore(vertx));
  }

  static RedisOptions redisOptions(String url) {
    RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolWaiting(MAX_POOL_WAITING);
    options.getNetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    return options;
  }
}
