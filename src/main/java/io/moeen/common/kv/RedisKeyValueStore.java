package io.moeen.common.kv;

import static io.moeen.common.kv.KeyValueArguments.checkCounter;
import static io.moeen.common.kv.KeyValueArguments.checkEntry;
import static io.moeen.common.kv.KeyValueArguments.checkKey;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The store on a (possibly shared) Redis; every key is prefixed with {@value #PREFIX}. */
final class RedisKeyValueStore implements KeyValueStore {

  static final String PREFIX = "moeen:";

  // One script, so a crash between INCR and PEXPIRE can never leave an immortal counter.
  // The PTTL guard also gives an expiry to a counter some other writer left without one.
  private static final String INCREMENT_SCRIPT = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
      end
      return n
      """;

  private static final long PING_TIMEOUT_SECONDS = 3;
  private static final long PTTL_MISSING = -2;
  private static final long PTTL_NO_EXPIRY = -1;

  private final Redis redis;
  private final RedisAPI api;

  RedisKeyValueStore(Vertx vertx, RedisOptions options) {
    this.redis = Redis.createClient(vertx, options);
    this.api = RedisAPI.api(redis);
  }

  @Override
  public Future<Optional<String>> get(String key) {
    return checkKey(key)
        .compose(ok -> api.get(PREFIX + key))
        .map(response -> Optional.ofNullable(response).map(Response::toString));
  }

  @Override
  public Future<Void> put(String key, String value, Duration ttl) {
    return checkEntry(key, value, ttl)
        .compose(ok -> api.set(List.of(PREFIX + key, value, "PX", millis(ttl))))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> putIfAbsent(String key, String value, Duration ttl) {
    return checkEntry(key, value, ttl)
        .compose(ok -> api.set(List.of(PREFIX + key, value, "PX", millis(ttl), "NX")))
        .map(response -> response != null); // NX answers nil when the key was already there
  }

  @Override
  public Future<Long> increment(String key, Duration ttl) {
    return checkCounter(key, ttl)
        .compose(ok -> api.eval(List.of(INCREMENT_SCRIPT, "1", PREFIX + key, millis(ttl))))
        .map(Response::toLong);
  }

  @Override
  public Future<Optional<Duration>> timeToLive(String key) {
    return checkKey(key)
        .compose(ok -> api.pttl(PREFIX + key))
        .map(Response::toLong)
        .map(RedisKeyValueStore::remainingLife);
  }

  @Override
  public Future<Void> delete(String key) {
    return checkKey(key)
        .compose(ok -> api.del(List.of(PREFIX + key)))
        .mapEmpty();
  }

  @Override
  public Future<Void> ping() {
    return api.ping(List.of())
        .timeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  @Override
  public String kind() {
    return "redis";
  }

  private static String millis(Duration ttl) {
    return Long.toString(ttl.toMillis());
  }

  private static Optional<Duration> remainingLife(long pttl) {
    // Every key this store writes expires, so "no expiry" (-1) only means someone else wrote it.
    if (pttl == PTTL_MISSING || pttl == PTTL_NO_EXPIRY) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(pttl));
  }
}
