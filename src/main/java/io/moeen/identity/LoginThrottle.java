package io.moeen.identity;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force brake on sign-in: 5 failures for one account or 20 from one address within 15
 * minutes lock further attempts until the window ends. Asked before any password is checked, so
 * a locked account cannot be probed.
 */
final class LoginThrottle {
  static final int ACCOUNT_LIMIT = 5;
  static final int ADDRESS_LIMIT = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final KeyValueStore store;

  LoginThrottle(KeyValueStore store) {
    this.store = store;
  }

  /** Fails with 429 too_many_attempts (and the seconds left) when either counter is spent. */
  Future<Void> check(String accountKey, String ip) {
    return blockedFor(accountKey(accountKey), ACCOUNT_LIMIT)
        .compose(account -> blockedFor(addressKey(ip), ADDRESS_LIMIT).map(address -> longest(account, address)))
        .compose(blocked -> blocked.isEmpty()
            ? Future.succeededFuture()
            : Future.failedFuture(tooMany(blocked.get())));
  }

  Future<Void> failed(String accountKey, String ip) {
    return store.increment(accountKey(accountKey), WINDOW)
        .compose(n -> store.increment(addressKey(ip), WINDOW))
        .mapEmpty();
  }

  /** A successful sign-in forgives the account's failures (not the address's). */
  Future<Void> succeeded(String accountKey) {
    return store.delete(accountKey(accountKey));
  }

  static boolean isThrottled(Throwable failure) {
    return failure instanceof Problem problem && "too_many_attempts".equals(problem.code());
  }

  private Future<Optional<Duration>> blockedFor(String key, int limit) {
    return store.get(key).compose(count -> count.map(Long::parseLong).orElse(0L) < limit
        ? Future.succeededFuture(Optional.empty())
        // a counter that expired between the two calls leaves nothing to wait for
        : store.timeToLive(key));
  }

  private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
  }

  private static Problem tooMany(Duration left) {
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    return new Problem(ProblemKind.TOO_MANY_REQUESTS, "too_many_attempts",
        Map.of("retryAfterSeconds", seconds, "minutes", (seconds + 59) / 60));
  }

  private static String accountKey(String account) {
    return "login:fail:acct:" + account;
  }

  private static String addressKey(String ip) {
    return "login:fail:ip:" + (ip == null || ip.isBlank() ? "unknown" : ip);
  }
}
