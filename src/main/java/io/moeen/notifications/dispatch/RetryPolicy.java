package io.moeen.notifications.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base × 2^(attempt−1), capped, then scaled by 50–100 %. */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8);

  /** {@code attempt} is the number of attempts made so far, including the one that just failed. */
  public Duration delayAfter(int attempt) {
    long exponent = Math.min(Math.max(attempt - 1, 0), 30);
    long millis = Math.min(cap.toMillis(), base.toMillis() << exponent);
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  public boolean exhausted(int attempt) {
    return attempt >= maxAttempts;
  }
}
