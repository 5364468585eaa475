package io.moeen.scheduling.slots;

import java.time.Duration;

/**
 * The clinic's booking rules as slot search needs them: shortest notice, how far ahead, and the
 * grid slots start on (block start + k·step).
 */
public record SlotRules(Duration minNotice, Duration horizon, int stepMinutes) {
  public SlotRules {
    if (stepMinutes < 1) {
      throw new IllegalArgumentException("stepMinutes must be positive");
    }
  }
}
