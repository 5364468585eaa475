package io.moeen.common.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InProcessKeyValueStoreTest extends KeyValueStoreContractTest {

  @Override
  KeyValueStore createStore(Vertx vertx) {
    return KeyValueStores.create(vertx, Optional.empty());
  }

  @Test
  void factory_without_a_url_or_with_a_blank_one_gives_the_in_process_store(Vertx vertx) throws Exception {
    KeyValueStore blank = KeyValueStores.create(vertx, Optional.of("  "));
    try {
      assertThat(store.kind()).isEqualTo("in-process");
      assertThat(blank.kind()).isEqualTo("in-process");
    } finally {
      await(blank.close());
    }
  }

  @Test
  void a_closed_store_fails_its_calls() throws Exception {
    await(store.put(key("k"), "v", LONG_TTL));
    await(store.close());

    assertThat(failureOf(store.get(key("k")))).isInstanceOf(IllegalStateException.class);
    assertThat(failureOf(store.ping())).isInstanceOf(IllegalStateException.class);
  }

  /** Time moved by hand, so expiry and the cap are tested without waiting. */
  @Nested
  class On_a_clock_moved_by_hand {

    final AtomicLong now = new AtomicLong(1_000_000);

    InProcessKeyValueStore storeOf(Vertx vertx, int maxEntries) {
      return new InProcessKeyValueStore(vertx, now::get, maxEntries, 60_000);
    }

    @Test
    void an_entry_is_invisible_from_the_millisecond_it_expires(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 10);
      await(clocked.put("k", "v", Duration.ofMillis(500)));

      now.addAndGet(499);
      assertThat(await(clocked.get("k"))).contains("v");
      assertThat(await(clocked.timeToLive("k"))).contains(Duration.ofMillis(1));

      now.addAndGet(1);
      assertThat(await(clocked.get("k"))).isEmpty();
      assertThat(await(clocked.timeToLive("k"))).isEmpty();
      assertThat(await(clocked.putIfAbsent("k", "again", Duration.ofMillis(500)))).isTrue();
    }

    @Test
    void increment_keeps_the_expiry_it_was_created_with(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 10);
      await(clocked.increment("logins", Duration.ofSeconds(60)));
      now.addAndGet(59_000);
      await(clocked.increment("logins", Duration.ofSeconds(60)));

      assertThat(await(clocked.timeToLive("logins"))).contains(Duration.ofSeconds(1));
      now.addAndGet(1_000);
      assertThat(await(clocked.increment("logins", Duration.ofSeconds(60)))).isEqualTo(1);
    }

    @Test
    void the_sweep_drops_expired_entries_from_memory(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 10);
      await(clocked.put("short", "v", Duration.ofMillis(100)));
      await(clocked.put("long", "v", Duration.ofMinutes(1)));
      now.addAndGet(100);

      clocked.sweepExpired();

      assertThat(clocked.size()).isEqualTo(1);
      assertThat(await(clocked.get("long"))).contains("v");
    }

    @Test
    void a_full_store_refuses_new_keys_but_still_writes_existing_ones(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 2);
      await(clocked.put("a", "1", Duration.ofMinutes(1)));
      await(clocked.increment("b", Duration.ofMinutes(1)));

      assertThat(failureOf(clocked.put("c", "1", Duration.ofMinutes(1))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("full");
      assertThat(failureOf(clocked.putIfAbsent("c", "1", Duration.ofMinutes(1)))).isInstanceOf(IllegalStateException.class);
      assertThat(await(clocked.increment("b", Duration.ofMinutes(1)))).isEqualTo(2);
      await(clocked.put("a", "2", Duration.ofMinutes(1)));
      assertThat(await(clocked.get("c"))).isEmpty();
    }

    @Test
    void a_full_store_makes_room_by_dropping_expired_entries_first(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 2);
      await(clocked.put("old", "1", Duration.ofMillis(100)));
      await(clocked.put("live", "1", Duration.ofMinutes(1)));
      now.addAndGet(5_000);

      await(clocked.put("new", "1", Duration.ofMinutes(1)));

      assertThat(await(clocked.get("new"))).contains("1");
      assertThat(await(clocked.get("live"))).contains("1");
      assertThat(clocked.size()).isEqualTo(2);
    }

    @Test
    void an_expired_key_may_be_written_again_in_a_full_store(Vertx vertx) throws Exception {
      InProcessKeyValueStore clocked = storeOf(vertx, 1);
      await(clocked.put("only", "1", Duration.ofMillis(100)));
      now.addAndGet(100);

      assertThat(await(clocked.putIfAbsent("only", "2", Duration.ofMinutes(1)))).isTrue();
      assertThat(await(clocked.get("only"))).contains("2");
    }
  }
}
