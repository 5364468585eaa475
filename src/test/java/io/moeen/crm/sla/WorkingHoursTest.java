package io.moeen.crm.sla;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingHoursTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final WorkingHours CLINIC = WorkingHours.fromJson(new JsonObject("""
      {"sun": ["09:00", "21:00"], "mon": ["09:00", "21:00"], "tue": ["09:00", "21:00"],
       "wed": ["09:00", "21:00"], "thu": ["09:00", "21:00"], "fri": null, "sat": null}"""), RIYADH);

  static Instant riyadh(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), RIYADH).toInstant();
  }

  @Test
  void minutes_inside_a_working_day_count_one_for_one() {
    assertThat(CLINIC.after(riyadh("2026-11-22T10:00"), Duration.ofMinutes(15))).isEqualTo(riyadh("2026-11-22T10:15"));
  }

  @Test
  void thursday_evening_lead_runs_over_the_weekend_to_sunday_morning() {
    // 2026-11-19 is a Thursday: 5 minutes on Thursday, none on Friday or Saturday, 10 on Sunday
    assertThat(CLINIC.after(riyadh("2026-11-19T20:55"), Duration.ofMinutes(15))).isEqualTo(riyadh("2026-11-22T09:10"));
    assertThat(CLINIC.after(riyadh("2026-11-19T20:55"), Duration.ofMinutes(30))).isEqualTo(riyadh("2026-11-22T09:25"));
  }

  @Test
  void a_lead_arriving_at_night_or_on_a_day_off_starts_counting_at_opening() {
    assertThat(CLINIC.after(riyadh("2026-11-23T02:30"), Duration.ofMinutes(15))).isEqualTo(riyadh("2026-11-23T09:15"));
    assertThat(CLINIC.after(riyadh("2026-11-20T12:00"), Duration.ofMinutes(15))).isEqualTo(riyadh("2026-11-22T09:15"));
    assertThat(CLINIC.after(riyadh("2026-11-23T21:00"), Duration.ofMinutes(15))).isEqualTo(riyadh("2026-11-24T09:15"));
  }

  @Test
  void a_week_without_working_days_or_with_closing_before_opening_is_refused() {
    assertThatThrownBy(() -> WorkingHours.fromJson(new JsonObject("{\"fri\": null}"), RIYADH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingHours.fromJson(new JsonObject("{\"sun\": [\"21:00\", \"09:00\"]}"), RIYADH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
