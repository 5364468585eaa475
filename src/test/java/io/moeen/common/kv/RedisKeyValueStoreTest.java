package io.moeen.common.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The contract against a real Redis, started from the embedded-redis jar on a free loopback port. */
class RedisKeyValueStoreTest extends KeyValueStoreContractTest {

  private static RedisServer server;
  private static String url;

  @BeforeAll
  static void startRedis() throws IOException {
    int port = freePort();
    server = RedisServer.newRedisServer()
        .bind("127.0.0.1")
        .port(port)
        .setting("save \"\"")      // no dump.rdb written into the working tree on shutdown
        .setting("appendonly no")
        .build();
    server.start();
    url = "redis://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  KeyValueStore createStore(Vertx vertx) {
    return KeyValueStores.create(vertx, Optional.of(url));
  }

  @Test
  void keys_are_stored_under_the_moeen_prefix(Vertx vertx) throws Exception {
    await(store.put(key("prefixed"), "موعد", LONG_TTL));
    await(store.increment(key("counter"), LONG_TTL));

    Redis raw = Redis.createClient(vertx, url);
    try {
      RedisAPI api = RedisAPI.api(raw);
      assertThat(await(api.get("moeen:" + key("prefixed"))).toString()).isEqualTo("موعد");
      assertThat(await(api.get(key("prefixed")))).isNull();
      List<String> keys = new ArrayList<>();
      await(api.keys("*" + key("") + "*")).forEach(found -> keys.add(found.toString()));
      assertThat(keys).containsExactlyInAnyOrder("moeen:" + key("prefixed"), "moeen:" + key("counter"));
    } finally {
      await(raw.close());
    }
  }

  @Test
  void ping_fails_quickly_when_redis_is_unreachable(Vertx vertx) throws Exception {
    KeyValueStore unreachable = KeyValueStores.create(vertx, Optional.of("redis://127.0.0.1:" + freePort()));
    try {
      long started = System.nanoTime();

      assertThat(failureOf(unreachable.ping())).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    } finally {
      await(unreachable.close());
    }
  }

  @Test
  void factory_with_a_url_gives_the_redis_store() {
    assertThat(store.kind()).isEqualTo("redis");
  }

  /** A port that was free a moment ago; nothing listens there unless something grabs it. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
