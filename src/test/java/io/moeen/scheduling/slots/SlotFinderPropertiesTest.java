package io.moeen.scheduling.slots;

import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.scheduling.slots.Availability.WeeklyBlock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SlotFinderPropertiesTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant WEEK_START = Instant.parse("2026-03-22T00:00:00Z"); // spans the spring DST change
  static final Instant WEEK_END = WEEK_START.plus(Duration.ofDays(14));

  @Property(tries = 300)
  void no_slot_overlaps_a_busy_range_and_every_slot_lies_within_availability(
      @ForAll("weeks") List<WeeklyBlock> weekly, @ForAll("busyRanges") List<TimeRange> busy,
      @ForAll("services") ServiceTiming service, @ForAll("steps") int step) {
    Availability availability = new Availability(BERLIN, weekly, List.of(), List.of(), List.of());
    SlotFinder finder = new SlotFinder(new SlotRules(Duration.ZERO, Duration.ofDays(365), step));
    List<Slot> slots = finder.find(availability, service, busy, List.of(), WEEK_START.minusSeconds(1), WEEK_START, WEEK_END);
    for (Slot slot : slots) {
      assertThat(busy).noneMatch(b -> b.overlaps(slot.blocked()));
      assertThat(slot.endsAt()).isEqualTo(slot.startsAt().plus(Duration.ofMinutes(service.durationMinutes())));
      assertThat(withinSomeBlock(weekly, slot)).as("slot %s lies in a weekly block", slot).isTrue();
    }
    assertThat(slots).isSortedAccordingTo(java.util.Comparator.comparing(Slot::startsAt));
  }

  private static boolean withinSomeBlock(List<WeeklyBlock> weekly, Slot slot) {
    for (LocalDate day = LocalDate.of(2026, 3, 21); day.isBefore(LocalDate.of(2026, 4, 7)); day = day.plusDays(1)) {
      for (WeeklyBlock block : weekly) {
        if (block.day() == day.getDayOfWeek()) {
          TimeRange range = new TimeRange(day.atTime(block.start()).atZone(BERLIN).toInstant(),
              day.atTime(block.end()).atZone(BERLIN).toInstant());
          if (range.contains(slot.blocked())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Provide
  Arbitrary<List<WeeklyBlock>> weeks() {
    Arbitrary<WeeklyBlock> block = Combinators.combine(
        Arbitraries.of(DayOfWeek.values()),
        Arbitraries.integers().between(0, 19 * 4),  // weekly blocks end the same day (the schema says so)
        Arbitraries.integers().between(1, 4 * 4))
        .as((day, quarter, length) -> new WeeklyBlock(day, LocalTime.of(quarter / 4, quarter % 4 * 15),
            LocalTime.of(quarter / 4, quarter % 4 * 15).plusMinutes(length * 15L)));
    return block.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<TimeRange>> busyRanges() {
    long span = Duration.between(WEEK_START, WEEK_END).toMinutes();
    return Combinators.combine(Arbitraries.longs().between(0, span), Arbitraries.integers().between(1, 180))
        .as((offset, minutes) -> new TimeRange(WEEK_START.plus(Duration.ofMinutes(offset)),
            WEEK_START.plus(Duration.ofMinutes(offset + minutes))))
        .list().ofMaxSize(25);
  }

  @Provide
  Arbitrary<ServiceTiming> services() {
    return Combinators.combine(Arbitraries.integers().between(5, 90), Arbitraries.integers().between(0, 15),
        Arbitraries.integers().between(0, 15)).as(ServiceTiming::new);
  }

  @Provide
  Arbitrary<Integer> steps() {
    return Arbitraries.of(5, 10, 15, 20, 30);
  }
}
