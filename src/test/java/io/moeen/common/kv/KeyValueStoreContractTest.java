package io.moeen.common.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every behaviour a {@link KeyValueStore} promises; each backend runs it through a subclass. */
@ExtendWith(VertxExtension.class)
abstract class KeyValueStoreContractTest {

  static final Duration LONG_TTL = Duration.ofMinutes(10);
  static final Duration SHORT_TTL = Duration.ofMillis(400);
  static final Duration WAIT_LIMIT = Duration.ofSeconds(5);

  KeyValueStore store;
  private String namespace;

  abstract KeyValueStore createStore(Vertx vertx);

  @BeforeEach
  void openStore(Vertx vertx) {
    store = createStore(vertx);
    namespace = "test:" + UUID.randomUUID() + ":"; // keys never collide across tests on one Redis
  }

  @AfterEach
  void closeStore() throws Exception {
    await(store.close());
  }

  String key(String name) {
    return namespace + name;
  }

  @Test
  void get_of_a_missing_key_is_empty() throws Exception {
    assertThat(await(store.get(key("missing")))).isEmpty();
  }

  @Test
  void put_then_get_returns_the_value() throws Exception {
    await(store.put(key("greeting"), "hello", LONG_TTL));

    assertThat(await(store.get(key("greeting")))).contains("hello");
  }

  @Test
  void put_overwrites_the_earlier_value() throws Exception {
    await(store.put(key("greeting"), "hello", LONG_TTL));
    await(store.put(key("greeting"), "salaam", LONG_TTL));

    assertThat(await(store.get(key("greeting")))).contains("salaam");
  }

  @Test
  void arabic_and_other_utf8_values_round_trip() throws Exception {
    String value = "موعد الطبيب ٣:٣٠ م — café ✓ 🦷";
    await(store.put(key("موعد"), value, LONG_TTL));

    assertThat(await(store.get(key("موعد")))).contains(value);
  }

  @Test
  void put_if_absent_creates_once_then_refuses() throws Exception {
    assertThat(await(store.putIfAbsent(key("webhook"), "first", LONG_TTL))).isTrue();
    assertThat(await(store.putIfAbsent(key("webhook"), "second", LONG_TTL))).isFalse();

    assertThat(await(store.get(key("webhook")))).contains("first");
  }

  @Test
  void put_if_absent_creates_again_after_the_key_expired() throws Exception {
    assertThat(await(store.putIfAbsent(key("webhook"), "first", SHORT_TTL))).isTrue();
    awaitGone(key("webhook"));

    assertThat(await(store.putIfAbsent(key("webhook"), "again", LONG_TTL))).isTrue();
    assertThat(await(store.get(key("webhook")))).contains("again");
  }

  @Test
  void increment_counts_from_one() throws Exception {
    assertThat(await(store.increment(key("logins"), LONG_TTL))).isEqualTo(1);
    assertThat(await(store.increment(key("logins"), LONG_TTL))).isEqualTo(2);
    assertThat(await(store.increment(key("logins"), LONG_TTL))).isEqualTo(3);
  }

  @Test
  void increment_sets_the_expiry_when_it_creates_the_counter() throws Exception {
    await(store.increment(key("logins"), Duration.ofSeconds(10)));

    assertThat(await(store.timeToLive(key("logins"))))
        .hasValueSatisfying(ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void increment_does_not_extend_the_original_expiry() throws Exception {
    await(store.increment(key("logins"), Duration.ofSeconds(10)));
    await(store.increment(key("logins"), Duration.ofHours(1)));

    assertThat(await(store.timeToLive(key("logins"))))
        .hasValueSatisfying(ttl -> assertThat(ttl).isLessThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void increment_starts_again_at_one_after_the_counter_expired() throws Exception {
    await(store.increment(key("logins"), SHORT_TTL));
    await(store.increment(key("logins"), SHORT_TTL));
    awaitGone(key("logins"));

    assertThat(await(store.increment(key("logins"), SHORT_TTL))).isEqualTo(1);
  }

  @Test
  void increment_keeps_the_expiry_of_a_value_put_earlier() throws Exception {
    await(store.put(key("logins"), "41", Duration.ofSeconds(10)));

    assertThat(await(store.increment(key("logins"), Duration.ofHours(1)))).isEqualTo(42);
    assertThat(await(store.timeToLive(key("logins"))))
        .hasValueSatisfying(ttl -> assertThat(ttl).isLessThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void increment_of_a_value_that_is_not_a_number_fails() throws Exception {
    await(store.put(key("name"), "Huda", LONG_TTL));

    assertThat(failureOf(store.increment(key("name"), LONG_TTL))).isNotNull();
    assertThat(await(store.get(key("name")))).contains("Huda");
  }

  @Test
  void fifty_concurrent_increments_count_exactly_fifty() throws Exception {
    String counter = key("burst");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Future<Long>>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(callers.submit(() -> {
          start.await();
          return store.increment(counter, LONG_TTL);
        }));
      }
      start.countDown();
      List<Long> results = new ArrayList<>();
      for (var call : calls) {
        results.add(await(call.get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)));
      }

      assertThat(results).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
      assertThat(await(store.get(counter))).contains("50");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void a_key_expires_after_its_ttl() throws Exception {
    await(store.put(key("code"), "123456", SHORT_TTL));
    assertThat(await(store.get(key("code")))).contains("123456");

    awaitGone(key("code"));

    assertThat(await(store.timeToLive(key("code")))).isEmpty();
  }

  @Test
  void put_replaces_the_expiry_too() throws Exception {
    await(store.put(key("code"), "old", SHORT_TTL));
    await(store.put(key("code"), "new", LONG_TTL));

    assertThat(await(store.timeToLive(key("code"))))
        .hasValueSatisfying(ttl -> assertThat(ttl).isGreaterThan(Duration.ofMinutes(9)));
  }

  @Test
  void time_to_live_lies_within_zero_and_the_ttl() throws Exception {
    await(store.put(key("code"), "123456", Duration.ofSeconds(30)));

    assertThat(await(store.timeToLive(key("code"))))
        .hasValueSatisfying(ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void time_to_live_of_a_missing_key_is_empty() throws Exception {
    assertThat(await(store.timeToLive(key("missing")))).isEmpty();
  }

  @Test
  void delete_removes_the_key() throws Exception {
    await(store.put(key("session"), "s1", LONG_TTL));

    await(store.delete(key("session")));

    assertThat(await(store.get(key("session")))).isEmpty();
    assertThat(await(store.timeToLive(key("session")))).isEmpty();
  }

  @Test
  void delete_of_a_missing_key_succeeds() throws Exception {
    await(store.delete(key("missing")));
  }

  @Test
  void ping_succeeds() throws Exception {
    await(store.ping());
  }

  @Test
  void kind_names_the_backend() {
    assertThat(store.kind()).isIn("redis", "in-process");
  }

  @Nested
  class Invalid_arguments_fail_the_future_without_throwing {

    @Test
    void null_or_blank_keys() throws Exception {
      for (String bad : new String[] {null, "", "   "}) {
        assertIllegalArgument(() -> store.get(bad));
        assertIllegalArgument(() -> store.put(bad, "v", LONG_TTL));
        assertIllegalArgument(() -> store.putIfAbsent(bad, "v", LONG_TTL));
        assertIllegalArgument(() -> store.increment(bad, LONG_TTL));
        assertIllegalArgument(() -> store.timeToLive(bad));
        assertIllegalArgument(() -> store.delete(bad));
      }
    }

    @Test
    void null_zero_negative_or_sub_millisecond_ttls() throws Exception {
      for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(999_999)}) {
        assertIllegalArgument(() -> store.put(key("k"), "v", bad));
        assertIllegalArgument(() -> store.putIfAbsent(key("k"), "v", bad));
        assertIllegalArgument(() -> store.increment(key("k"), bad));
      }
      assertThat(await(store.get(key("k")))).isEmpty();
    }

    @Test
    void ttls_beyond_a_century() throws Exception {
      assertIllegalArgument(() -> store.put(key("k"), "v", Duration.ofSeconds(Long.MAX_VALUE)));
      assertIllegalArgument(() -> store.increment(key("k"), KeyValueArguments.MAX_TTL.plusDays(1)));
    }

    @Test
    void null_values() throws Exception {
      assertIllegalArgument(() -> store.put(key("k"), null, LONG_TTL));
      assertIllegalArgument(() -> store.putIfAbsent(key("k"), null, LONG_TTL));
    }

    private void assertIllegalArgument(Supplier<Future<?>> call) throws Exception {
      assertThat(failureOf(call.get())).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The future's failure, or null when it succeeded. */
  static Throwable failureOf(Future<?> future) throws Exception {
    return await(future.transform(done -> Future.succeededFuture(done.cause())));
  }

  /** Polls until the key is gone, failing if it outlives the wait limit. */
  void awaitGone(String key) throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (await(store.get(key)).isPresent()) {
      assertThat(System.nanoTime()).as("%s should have expired by now", key).isLessThan(deadline);
      Thread.sleep(25);
    }
  }
}
