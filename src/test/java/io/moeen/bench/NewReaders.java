package io.moeen.bench;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The readers the bench compares with today's. */
final class NewReaders {
  private NewReaders() {}

  static Map<String, Function<String, ChatUnderstandingBench.Reading>> all(ZoneId zone, Clock clock) {
    return new LinkedHashMap<>();
  }
}
