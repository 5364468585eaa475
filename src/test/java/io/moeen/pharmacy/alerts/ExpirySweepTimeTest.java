package io.moeen.pharmacy.alerts;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily sweep runs at 00:05 in the clinic's zone, whatever zone the machine is in. */
class ExpirySweepTimeTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  @Test
  void before_five_past_midnight_it_runs_the_same_night() {
    assertThat(ExpirySweepVerticle.untilNext(ZonedDateTime.of(2026, 12, 6, 0, 1, 0, 0, RIYADH))).isEqualTo(4 * 60_000L);
  }

  @Test
  void after_it_runs_the_next_night_in_riyadh_not_utc() {
    // 22:00 UTC is 01:00 in Riyadh: the next run is 23 h 05 min away, at 00:05 Riyadh
    ZonedDateTime utcEvening = ZonedDateTime.of(2026, 12, 6, 22, 0, 0, 0, ZoneId.of("UTC")).withZoneSameInstant(RIYADH);
    assertThat(ExpirySweepVerticle.untilNext(utcEvening)).isEqualTo((23 * 60 + 5) * 60_000L);
  }

  @Test
  void at_the_minute_itself_it_waits_a_day() {
    assertThat(ExpirySweepVerticle.untilNext(ZonedDateTime.of(2026, 12, 6, 0, 5, 0, 0, RIYADH))).isEqualTo(24 * 3_600_000L);
  }
}
