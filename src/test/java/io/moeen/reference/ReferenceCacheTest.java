package io.moeen.reference;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference data in memory, on a clock of its own (no waiting, no database). */
class ReferenceCacheTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ReferenceCache cache = new ReferenceCache(nanos::get);
  private final AtomicInteger reads = new AtomicInteger();

  private JsonObject settings() {
    return cache.settings("en", "ar", () -> Future.succeededFuture(
        new JsonObject().put("read", reads.incrementAndGet()))).await();
  }

  private List<ReferenceStore.Language> languages() {
    return cache.languages(() -> {
      reads.incrementAndGet();
      return Future.succeededFuture(List.of(new ReferenceStore.Language("ar", "Arabic", "العربية", "rtl")));
    }).await();
  }

  @Test
  void settings_are_read_once_and_then_served_from_memory() {
    assertThat(settings().getInteger("read")).isEqualTo(1);
    assertThat(settings().getInteger("read")).isEqualTo(1);
    assertThat(reads).hasValue(1);
  }

  @Test
  void an_announced_change_is_read_on_the_next_request() {
    settings();
    cache.settingsChanged();
    assertThat(settings().getInteger("read")).isEqualTo(2);
  }

  @Test
  void an_unannounced_change_is_read_once_the_copy_expires() {
    settings();
    nanos.addAndGet(ReferenceCache.TTL.minusSeconds(1).toNanos());
    assertThat(settings().getInteger("read")).isEqualTo(1);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(settings().getInteger("read")).isEqualTo(2);
  }

  @Test
  void each_locale_pair_is_kept_apart() {
    settings();
    JsonObject arabic = cache.settings("ar", "ar", () -> Future.succeededFuture(new JsonObject().put("read", 99))).await();
    assertThat(arabic.getInteger("read")).isEqualTo(99);
    assertThat(settings().getInteger("read")).isEqualTo(1);
  }

  @Test
  void a_caller_changing_its_copy_changes_nobody_elses() {
    settings().put("read", -1).put("added", true);
    assertThat(settings()).isEqualTo(new JsonObject().put("read", 1));
  }

  @Test
  void a_failed_read_is_not_kept() {
    cache.settings("en", "ar", () -> Future.failedFuture(new IllegalStateException("database down")))
        .otherwiseEmpty().await();
    assertThat(settings().getInteger("read")).isEqualTo(1);
  }

  @Test
  void languages_are_kept_apart_from_settings() {
    settings();
    languages();
    languages();
    assertThat(reads).hasValue(2);
    cache.settingsChanged();
    languages();
    assertThat(reads).hasValue(2);
    cache.languagesChanged();
    languages();
    assertThat(reads).hasValue(3);
  }
}
