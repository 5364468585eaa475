package io.moeen.crm.forms;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Web-form submissions per minute, per form and per client address, counted in the key-value store
 * (Redis in production) like the sign-in limits; over either limit is 429 with Retry-After.
 */
final class SubmissionLimits {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final KeyValueStore store;
  private final int perForm;
  private final int perAddress;

  SubmissionLimits(KeyValueStore store, int perForm, int perAddress) {
    this.store = store;
    this.perForm = perForm;
    this.perAddress = perAddress;
  }

  /** Counts this submission; fails with 429 when it is over a limit. */
  Future<Void> admit(String formId, String ip) {
    String address = "crmform:ip:" + (ip == null || ip.isBlank() ? "unknown" : ip);
    String form = "crmform:form:" + formId;
    return count(address, perAddress).compose(x -> count(form, perForm));
  }

  private Future<Void> count(String key, int limit) {
    return store.increment(key, WINDOW).compose(n -> n <= limit ? Future.succeededFuture()
        : store.timeToLive(key).compose(left -> Future.failedFuture(tooMany(left))));
  }

  private static Problem tooMany(Optional<Duration> left) {
    long seconds = Math.max(1, (left.orElse(WINDOW).toMillis() + 999) / 1000);
    return new Problem(ProblemKind.TOO_MANY_REQUESTS, "too_many_submissions",
        Map.of("retryAfterSeconds", seconds, "minutes", (seconds + 59) / 60));
  }
}
