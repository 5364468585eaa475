package io.moeen.scheduling.slots;

import java.time.Duration;

/** How long a service takes and the doctor's time it blocks around it. */
public record ServiceTiming(int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes) {
  Duration duration() {
    return Duration.ofMinutes(durationMinutes);
  }

  Duration before() {
    return Duration.ofMinutes(bufferBeforeMinutes);
  }

  Duration after() {
    return Duration.ofMinutes(bufferAfterMinutes);
  }
}
