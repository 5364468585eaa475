package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.moeen.testing.TestRedis;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same throttle cases with the counters in a real Redis. */
class LoginThrottleWithRedisTest extends LoginThrottleCases {
  static TestRedis redis;
  static RunningApp app;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    app = RunningApp.start("login-throttle-redis", Map.of("REDIS_URL", redis.url()));
  }

  @AfterAll
  static void stop() {
    app.close();
    redis.close();
  }

  @Override
  RunningApp app() {
    return app;
  }

  @Test
  void failures_are_counted_in_redis_under_the_account_and_the_address_with_a_15_minute_expiry() {
    new AuthCalls(app).from("127.0.0.51").login(DemoAccounts.MARKETER, "wrong-password");
    Redis client = Redis.createClient(app.clientVertx(), redis.url());
    try {
      RedisAPI api = RedisAPI.api(client);
      assertThat(api.get("moeen:login:fail:acct:" + DemoAccounts.MARKETER).await().toString()).isEqualTo("1");
      assertThat(api.get("moeen:login:fail:ip:127.0.0.51").await().toString()).isEqualTo("1");
      assertThat(api.ttl("moeen:login:fail:acct:" + DemoAccounts.MARKETER).await().toLong()).isBetween(890L, 900L);
    } finally {
      client.close();
    }
  }
}
