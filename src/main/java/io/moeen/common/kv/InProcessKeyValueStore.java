package io.moeen.common.kv;

import static io.moeen.common.kv.KeyValueArguments.checkCounter;
import static io.moeen.common.kv.KeyValueArguments.checkEntry;
import static io.moeen.common.kv.KeyValueArguments.checkKey;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The store in this JVM's memory, for a single node without Redis. Public so that tests elsewhere
 * can build one on a clock they move.
 *
 * <p>Expired entries are invisible at once and swept away periodically. The number of entries is
 * capped; a full store first drops expired entries, then refuses new keys (existing keys can
 * still be written).
 */
public final class InProcessKeyValueStore implements KeyValueStore {

  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  public static final long DEFAULT_SWEEP_INTERVAL_MILLIS = 30_000;

  // Monotonic: a wall-clock step (NTP, DST mistakes) must not expire or revive entries.
  private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000;

  private record Entry(String value, long expiresAt) {
    boolean liveAt(long now) {
      return now < expiresAt;
    }
  }

  /** Raised inside compute() to leave the map unchanged; cheap, as it carries no stack. */
  private static final class NoRoom extends RuntimeException {
    NoRoom() {
      super(null, null, false, false);
    }
  }

  private final Vertx vertx;
  private final LongSupplier clockMillis;
  private final int maxEntries;
  private final long sweepTimer;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepWhenFull = new AtomicLong(Long.MIN_VALUE / 2);
  private volatile boolean closed;

  public InProcessKeyValueStore(Vertx vertx) {
    this(vertx, MONOTONIC_MILLIS);
  }

  public InProcessKeyValueStore(Vertx vertx, LongSupplier clockMillis) {
    this(vertx, clockMillis, DEFAULT_MAX_ENTRIES, DEFAULT_SWEEP_INTERVAL_MILLIS);
  }

  public InProcessKeyValueStore(Vertx vertx, LongSupplier clockMillis, int maxEntries, long sweepIntervalMillis) {
    if (maxEntries < 1 || sweepIntervalMillis < 1) {
      throw new IllegalArgumentException("maxEntries and sweepIntervalMillis must be positive");
    }
    this.vertx = vertx;
    this.clockMillis = clockMillis;
    this.maxEntries = maxEntries;
    this.sweepTimer = vertx.setPeriodic(sweepIntervalMillis, id -> sweepExpired());
  }

  @Override
  public Future<Optional<String>> get(String key) {
    return checkOpen(key).map(ok -> liveEntry(key, clockMillis.getAsLong()).map(Entry::value));
  }

  @Override
  public Future<Void> put(String key, String value, Duration ttl) {
    long now = clockMillis.getAsLong();
    return checkOpen(key)
        .compose(ok -> checkEntry(key, value, ttl))
        .compose(ok -> compute(key, now, current -> new Entry(value, now + ttl.toMillis())))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> putIfAbsent(String key, String value, Duration ttl) {
    long now = clockMillis.getAsLong();
    return checkOpen(key)
        .compose(ok -> checkEntry(key, value, ttl))
        .compose(ok -> {
          Entry fresh = new Entry(value, now + ttl.toMillis());
          return compute(key, now, current -> current != null ? current : fresh)
              .map(stored -> stored == fresh);
        });
  }

  @Override
  public Future<Long> increment(String key, Duration ttl) {
    long now = clockMillis.getAsLong();
    return checkOpen(key)
        .compose(ok -> checkCounter(key, ttl))
        .compose(ok -> compute(key, now, current -> current == null
            ? new Entry("1", now + ttl.toMillis())
            : incremented(current)))
        .map(stored -> Long.parseLong(stored.value()));
  }

  @Override
  public Future<Optional<Duration>> timeToLive(String key) {
    return checkOpen(key).map(ok -> {
      long now = clockMillis.getAsLong();
      return liveEntry(key, now).map(entry -> Duration.ofMillis(entry.expiresAt() - now));
    });
  }

  @Override
  public Future<Void> delete(String key) {
    return checkOpen(key).map(ok -> {
      entries.remove(key);
      return null;
    });
  }

  @Override
  public Future<Void> ping() {
    return closed ? closedFailure() : Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(sweepTimer);
    entries.clear();
    return Future.succeededFuture();
  }

  @Override
  public String kind() {
    return "in-process";
  }

  /** Drops expired entries; runs periodically and when the store is full. */
  void sweepExpired() {
    long now = clockMillis.getAsLong();
    // removeIf on a ConcurrentHashMap view removes an entry only if it is still the one tested.
    entries.values().removeIf(entry -> !entry.liveAt(now));
  }

  int size() {
    return entries.size();
  }

  private Future<Void> checkOpen(String key) {
    return closed ? closedFailure() : checkKey(key);
  }

  private Optional<Entry> liveEntry(String key, long now) {
    return Optional.ofNullable(entries.get(key)).filter(entry -> entry.liveAt(now));
  }

  /** Atomically replaces the key's live entry (null when absent or expired) with next's result. */
  private Future<Entry> compute(String key, long now, UnaryOperator<Entry> next) {
    if (isFull() && !entries.containsKey(key)) {
      sweepWhenFull(now);
    }
    try {
      return Future.succeededFuture(entries.compute(key, (k, stored) -> {
        if (stored == null && isFull()) {
          throw new NoRoom();
        }
        return next.apply(stored != null && stored.liveAt(now) ? stored : null);
      }));
    } catch (NoRoom full) {
      // Refuse rather than evict a live entry: dropping a rate-limit counter or a dedupe mark
      // would silently reopen a login limit or let a webhook replay through.
      return Future.failedFuture(new IllegalStateException(
          "in-process key-value store is full (" + maxEntries + " live entries); new key refused"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  // The cap can be passed by as many keys as threads create at the same instant.
  private boolean isFull() {
    return entries.mappingCount() >= maxEntries;
  }

  // At most one sweep a second while full, so a flood of new keys cannot turn every refusal
  // into a walk over the whole map.
  private void sweepWhenFull(long now) {
    long last = lastSweepWhenFull.get();
    if (now - last >= 1_000 && lastSweepWhenFull.compareAndSet(last, now)) {
      sweepExpired();
    }
  }

  /** The counter one up, keeping the expiry it was created with. */
  private static Entry incremented(Entry counter) {
    try {
      return new Entry(Long.toString(Math.addExact(Long.parseLong(counter.value()), 1)), counter.expiresAt());
    } catch (NumberFormatException | ArithmeticException e) {
      // The key is left out of messages: it may hold a phone number or an e-mail address.
      throw new IllegalStateException("value is not an integer counter that can grow");
    }
  }

  private static <T> Future<T> closedFailure() {
    return Future.failedFuture(new IllegalStateException("key-value store is closed"));
  }
}
