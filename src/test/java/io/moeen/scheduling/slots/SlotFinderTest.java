package io.moeen.scheduling.slots;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.common.i18n.HijriCalendar;
import io.moeen.scheduling.slots.Availability.DateOverride;
import io.moeen.scheduling.slots.Availability.Holiday;
import io.moeen.scheduling.slots.Availability.RamadanBlock;
import io.moeen.scheduling.slots.Availability.WeeklyBlock;
import io.moeen.scheduling.slots.SlotFinder.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected instants are computed by hand: Riyadh is UTC+03:00 all year; Berlin +01:00 / +02:00 in summer. */
class SlotFinderTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final LocalDate MONDAY_1_JUNE = LocalDate.of(2026, 6, 1);
  static final ServiceTiming THIRTY = new ServiceTiming(30, 0, 0);
  static final SlotFinder EVERY_15 = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(365), 15));
  static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  static LocalTime t(String hhmm) {
    return LocalTime.parse(hhmm);
  }

  static Instant utc(String iso) {
    return Instant.parse(iso);
  }

  static Availability riyadh(List<WeeklyBlock> weekly) {
    return new Availability(RIYADH, weekly, List.of(), List.of(), List.of());
  }

  static List<Instant> starts(List<Slot> slots) {
    return slots.stream().map(Slot::startsAt).toList();
  }

  /** Slots of Monday 1 June 2026 (local day in Riyadh = 2026-05-31T21:00Z … 2026-06-01T21:00Z). */
  static List<Instant> mondaySlots(SlotFinder finder, Availability availability, ServiceTiming service,
                                   List<TimeRange> doctorBusy, List<TimeRange> patientBusy, Instant now) {
    return starts(finder.find(availability, service, doctorBusy, patientBusy, now,
        utc("2026-05-31T21:00:00Z"), utc("2026-06-01T21:00:00Z")));
  }

  static final Availability MORNING_AND_EVENING = riyadh(List.of(
      new WeeklyBlock(MONDAY, t("09:00"), t("10:00")), new WeeklyBlock(MONDAY, t("16:00"), t("17:00"))));
  static final Availability NINE_TO_TEN = riyadh(List.of(new WeeklyBlock(MONDAY, t("09:00"), t("10:00"))));

  @Test
  void several_blocks_a_day_each_give_grid_slots_that_fit_inside_them() {
    assertThat(mondaySlots(EVERY_15, MORNING_AND_EVENING, THIRTY, List.of(), List.of(), LONG_BEFORE)).containsExactly(
        utc("2026-06-01T06:00:00Z"), utc("2026-06-01T06:15:00Z"), utc("2026-06-01T06:30:00Z"),
        utc("2026-06-01T13:00:00Z"), utc("2026-06-01T13:15:00Z"), utc("2026-06-01T13:30:00Z"));
  }

  @Test
  void slot_ends_after_its_duration() {
    Slot first = EVERY_15.find(NINE_TO_TEN, THIRTY, List.of(), List.of(), LONG_BEFORE,
        utc("2026-06-01T00:00:00Z"), utc("2026-06-02T00:00:00Z")).get(0);
    assertThat(first.endsAt()).isEqualTo(utc("2026-06-01T06:30:00Z"));
  }

  @Test
  void buffers_must_fit_inside_the_block_too() {
    // 09:00 would block 08:55; 09:30 would block until 10:05; only 09:15 (08:10–09:50 local blocked 09:10–09:50) fits
    ServiceTiming withBuffers = new ServiceTiming(30, 5, 5);
    assertThat(mondaySlots(EVERY_15, NINE_TO_TEN, withBuffers, List.of(), List.of(), LONG_BEFORE))
        .containsExactly(utc("2026-06-01T06:15:00Z"));
  }

  @Test
  void the_grid_follows_the_step_setting() {
    SlotFinder every30 = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(365), 30));
    assertThat(mondaySlots(every30, NINE_TO_TEN, new ServiceTiming(15, 0, 0), List.of(), List.of(), LONG_BEFORE))
        .containsExactly(utc("2026-06-01T06:00:00Z"), utc("2026-06-01T06:30:00Z"));
  }

  @Nested
  class Overrides_and_holidays {
    @Test
    void a_closed_override_empties_that_date_only() {
      Availability closed = new Availability(RIYADH, NINE_TO_TEN.weekly(),
          List.of(DateOverride.closedOn(MONDAY_1_JUNE)), List.of(), List.of());
      assertThat(mondaySlots(EVERY_15, closed, THIRTY, List.of(), List.of(), LONG_BEFORE)).isEmpty();
      // the next Monday still works: 8 June 09:00 local = 06:00Z
      assertThat(starts(EVERY_15.find(closed, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-06-01T00:00:00Z"), utc("2026-06-09T00:00:00Z")))).first().isEqualTo(utc("2026-06-08T06:00:00Z"));
    }

    @Test
    void an_override_with_other_hours_replaces_the_regular_blocks() {
      Availability other = new Availability(RIYADH, MORNING_AND_EVENING.weekly(),
          List.of(DateOverride.hours(MONDAY_1_JUNE, t("12:00"), t("13:00"))), List.of(), List.of());
      assertThat(mondaySlots(EVERY_15, other, THIRTY, List.of(), List.of(), LONG_BEFORE)).containsExactly(
          utc("2026-06-01T09:00:00Z"), utc("2026-06-01T09:15:00Z"), utc("2026-06-01T09:30:00Z"));
    }

    @Test
    void an_override_opens_a_day_the_doctor_does_not_normally_work() {
      LocalDate saturday = LocalDate.of(2026, 6, 6);
      Availability other = new Availability(RIYADH, NINE_TO_TEN.weekly(),
          List.of(DateOverride.hours(saturday, t("10:00"), t("10:30"))), List.of(), List.of());
      assertThat(starts(EVERY_15.find(other, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-06-06T00:00:00Z"), utc("2026-06-07T00:00:00Z")))).containsExactly(utc("2026-06-06T07:00:00Z"));
    }

    @Test
    void a_holiday_closes_every_day_it_spans() {
      Availability holiday = new Availability(RIYADH, NINE_TO_TEN.weekly(), List.of(),
          List.of(new Holiday(LocalDate.of(2026, 5, 30), MONDAY_1_JUNE)), List.of());
      assertThat(mondaySlots(EVERY_15, holiday, THIRTY, List.of(), List.of(), LONG_BEFORE)).isEmpty();
    }
  }

  @Nested
  class Notice_horizon_and_busy_times {
    @Test
    void slots_sooner_than_the_minimum_notice_are_not_offered() {
      // now 08:50 local (05:50Z) + 30 min notice = 09:20: the first slot is 09:30
      SlotFinder notice30 = new SlotFinder(new SlotRules(Duration.ofMinutes(30), Duration.ofDays(365), 15));
      assertThat(mondaySlots(notice30, NINE_TO_TEN, THIRTY, List.of(), List.of(), utc("2026-06-01T05:50:00Z")))
          .containsExactly(utc("2026-06-01T06:30:00Z"));
    }

    @Test
    void slots_at_or_beyond_the_horizon_are_not_offered() {
      // now Sunday 09:10 local + 1 day = Monday 09:10: only 09:00 starts before it
      SlotFinder oneDay = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(1), 15));
      assertThat(mondaySlots(oneDay, NINE_TO_TEN, THIRTY, List.of(), List.of(), utc("2026-05-31T06:10:00Z")))
          .containsExactly(utc("2026-06-01T06:00:00Z"));
    }

    @Test
    void back_to_back_with_a_busy_range_is_allowed() {
      List<TimeRange> busy = List.of(new TimeRange(utc("2026-06-01T06:00:00Z"), utc("2026-06-01T06:30:00Z")));
      assertThat(mondaySlots(EVERY_15, NINE_TO_TEN, THIRTY, busy, List.of(), LONG_BEFORE))
          .containsExactly(utc("2026-06-01T06:30:00Z"));
    }

    @Test
    void the_after_buffer_counts_against_the_next_appointment() {
      // busy from 09:45; 09:15 + 30 + 5 buffer = 09:50 overlaps; block 09:00–10:00 → 09:00 blocked until 09:35 fits
      List<TimeRange> busy = List.of(new TimeRange(utc("2026-06-01T06:45:00Z"), utc("2026-06-01T07:00:00Z")));
      assertThat(mondaySlots(EVERY_15, NINE_TO_TEN, new ServiceTiming(30, 0, 5), busy, List.of(), LONG_BEFORE))
          .containsExactly(utc("2026-06-01T06:00:00Z"));
    }

    @Test
    void a_patient_busy_elsewhere_is_not_offered_overlapping_slots() {
      List<TimeRange> patient = List.of(new TimeRange(utc("2026-06-01T06:30:00Z"), utc("2026-06-01T07:00:00Z")));
      assertThat(mondaySlots(EVERY_15, NINE_TO_TEN, THIRTY, List.of(), patient, LONG_BEFORE))
          .containsExactly(utc("2026-06-01T06:00:00Z"));
    }
  }

  @Nested
  class Ramadan {
    // Wednesday 18 February 2026 is 1 Ramadan 1447 (Umm al-Qura)
    final LocalDate firstOfRamadan = LocalDate.of(2026, 2, 18);
    final List<RamadanBlock> riyadhRamadan = List.of(
        new RamadanBlock(false, null, t("10:00"), t("15:00")), new RamadanBlock(false, null, t("21:00"), t("02:00")));
    final List<WeeklyBlock> tuesdayAndWednesday = List.of(
        new WeeklyBlock(TUESDAY, t("09:00"), t("13:00")), new WeeklyBlock(WEDNESDAY, t("09:00"), t("13:00")));
    final SlotFinder every30 = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(365), 30));

    @Test
    void the_calendar_agrees_about_the_first_day() {
      assertThat(HijriCalendar.isRamadan(firstOfRamadan)).isTrue();
      assertThat(HijriCalendar.isRamadan(firstOfRamadan.minusDays(1))).isFalse();
    }

    @Test
    void ramadan_hours_replace_the_regular_ones_and_run_past_midnight() {
      Availability availability = new Availability(RIYADH, tuesdayAndWednesday, List.of(), List.of(), riyadhRamadan);
      // Wednesday 00:00 local (Tue 21:00Z) to Thursday 12:00 local (Thu 09:00Z)
      List<Instant> slots = starts(every30.find(availability, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-02-17T21:00:00Z"), utc("2026-02-19T09:00:00Z")));
      assertThat(slots).hasSize(20);
      assertThat(slots.subList(0, 10)).first().isEqualTo(utc("2026-02-18T07:00:00Z")); // 10:00
      assertThat(slots.get(9)).isEqualTo(utc("2026-02-18T11:30:00Z"));                 // 14:30
      assertThat(slots.get(10)).isEqualTo(utc("2026-02-18T18:00:00Z"));                // 21:00
      // 01:30 on Thursday 19 February local, the evening block of Wednesday
      assertThat(slots.get(19)).isEqualTo(utc("2026-02-18T22:30:00Z"));
    }

    @Test
    void a_slot_after_midnight_is_found_when_searching_the_next_day_only() {
      Availability availability = new Availability(RIYADH, tuesdayAndWednesday, List.of(), List.of(), riyadhRamadan);
      // Thursday (not a working day) 00:00–12:00 local: only the tail of Wednesday's evening
      assertThat(starts(every30.find(availability, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-02-18T21:00:00Z"), utc("2026-02-19T09:00:00Z")))).containsExactly(
          utc("2026-02-18T21:00:00Z"), utc("2026-02-18T21:30:00Z"), utc("2026-02-18T22:00:00Z"), utc("2026-02-18T22:30:00Z"));
    }

    @Test
    void the_day_before_ramadan_keeps_the_regular_hours() {
      Availability availability = new Availability(RIYADH, tuesdayAndWednesday, List.of(), List.of(), riyadhRamadan);
      List<Instant> tuesday = starts(every30.find(availability, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-02-16T21:00:00Z"), utc("2026-02-17T21:00:00Z")));
      assertThat(tuesday).hasSize(8).first().isEqualTo(utc("2026-02-17T06:00:00Z"));
    }

    @Test
    void the_doctors_own_ramadan_hours_win_over_the_locations() {
      List<RamadanBlock> rows = new java.util.ArrayList<>(riyadhRamadan);
      rows.add(new RamadanBlock(true, null, t("12:00"), t("13:00")));
      Availability availability = new Availability(RIYADH, tuesdayAndWednesday, List.of(), List.of(), rows);
      assertThat(starts(every30.find(availability, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-02-17T21:00:00Z"), utc("2026-02-19T09:00:00Z"))))
          .containsExactly(utc("2026-02-18T09:00:00Z"), utc("2026-02-18T09:30:00Z"));
    }
  }

  @Nested
  class Daylight_saving_in_Berlin {
    final SlotFinder every30 = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(365), 30));
    final Availability earlySunday = new Availability(BERLIN,
        List.of(new WeeklyBlock(SUNDAY, t("01:00"), t("04:00"))), List.of(), List.of(), List.of());

    @Test
    void spring_forward_skips_the_missing_hour() {
      // 29 March 2026: 01:00 CET = 00:00Z; 02:00–02:59 does not exist; 03:00 CEST = 01:00Z; block ends 04:00 CEST = 02:00Z
      assertThat(starts(every30.find(earlySunday, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z")))).containsExactly(
          utc("2026-03-29T00:00:00Z"), utc("2026-03-29T00:30:00Z"), utc("2026-03-29T01:00:00Z"), utc("2026-03-29T01:30:00Z"));
    }

    @Test
    void fall_back_takes_the_earlier_offset_for_the_repeated_hour() {
      // 25 October 2026: 01:00 CEST = 23:00Z (24th); 02:00 and 02:30 are ambiguous → CEST (00:00Z, 00:30Z);
      // 03:00 CET = 02:00Z; block ends 04:00 CET = 03:00Z
      assertThat(starts(every30.find(earlySunday, THIRTY, List.of(), List.of(), LONG_BEFORE,
          utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")))).containsExactly(
          utc("2026-10-24T23:00:00Z"), utc("2026-10-24T23:30:00Z"), utc("2026-10-25T00:00:00Z"),
          utc("2026-10-25T00:30:00Z"), utc("2026-10-25T02:00:00Z"), utc("2026-10-25T02:30:00Z"));
    }
  }

  @Nested
  class Checking_one_start_time {
    final Instant now = utc("2026-05-31T06:00:00Z");

    Refusal why(Instant startsAt, List<TimeRange> doctorBusy, List<TimeRange> patientBusy) {
      SlotFinder finder = new SlotFinder(new SlotRules(Duration.ofMinutes(120), Duration.ofDays(60), 15));
      return finder.check(NINE_TO_TEN, THIRTY, doctorBusy, patientBusy, now, startsAt).orElse(null);
    }

    @Test
    void a_free_grid_slot_is_bookable() {
      assertThat(why(utc("2026-06-01T06:15:00Z"), List.of(), List.of())).isNull();
    }

    @Test
    void each_refusal_names_its_reason() {
      assertThat(why(utc("2026-05-30T06:00:00Z"), List.of(), List.of())).isEqualTo(Refusal.SLOT_IN_PAST);
      assertThat(why(utc("2026-05-31T07:00:00Z"), List.of(), List.of())).isEqualTo(Refusal.NOTICE_TOO_SHORT);
      assertThat(why(utc("2026-07-30T06:00:00Z"), List.of(), List.of())).isEqualTo(Refusal.BEYOND_HORIZON);
      assertThat(why(utc("2026-06-01T06:05:00Z"), List.of(), List.of())).isEqualTo(Refusal.NOT_ON_GRID);
      assertThat(why(utc("2026-06-01T09:00:00Z"), List.of(), List.of())).isEqualTo(Refusal.OUTSIDE_AVAILABILITY);
      assertThat(why(utc("2026-06-01T06:15:00Z"),
          List.of(new TimeRange(utc("2026-06-01T06:30:00Z"), utc("2026-06-01T06:40:00Z"))), List.of()))
          .isEqualTo(Refusal.DOCTOR_BUSY);
      assertThat(why(utc("2026-06-01T06:15:00Z"), List.of(),
          List.of(new TimeRange(utc("2026-06-01T06:00:00Z"), utc("2026-06-01T06:20:00Z")))))
          .isEqualTo(Refusal.PATIENT_BUSY);
    }
  }
}
