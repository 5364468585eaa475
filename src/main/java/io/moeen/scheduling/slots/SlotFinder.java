package io.moeen.scheduling.slots;

import io.moeen.scheduling.slots.WorkingHours.LocalBlock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Free slots for one doctor at one location. Pure: no I/O, no clock of its own. Slots start on a
 * grid (block start + k·step, in local time); a slot is free when its blocked range (buffers
 * included) lies inside one working block and overlaps no busy range, it respects notice and
 * horizon, and the patient is free for the visit itself. Ranges are half-open, so back-to-back
 * is allowed. A local start that does not exist (DST gap) is skipped; an ambiguous one (DST
 * overlap) takes the earlier offset.
 */
public final class SlotFinder {
  /** Why a start time cannot be booked; the codes are the API's error codes. */
  public enum Refusal {
    SLOT_IN_PAST("slot_in_past"),
    NOTICE_TOO_SHORT("booking_notice_too_short"),
    BEYOND_HORIZON("booking_beyond_horizon"),
    NOT_ON_GRID("slot_not_on_grid"),
    OUTSIDE_AVAILABILITY("slot_outside_availability"),
    DOCTOR_BUSY("slot_taken"),
    PATIENT_BUSY("patient_busy");

    private final String code;

    Refusal(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final SlotRules rules;

  public SlotFinder(SlotRules rules) {
    this.rules = rules;
  }

  /** The free slots starting in [from, to), in time order. */
  public List<Slot> find(Availability availability, ServiceTiming service, List<TimeRange> doctorBusy,
                         List<TimeRange> patientBusy, Instant now, Instant from, Instant to) {
    Instant earliest = max(from, now.plus(rules.minNotice()));
    Instant latest = min(to, now.plus(rules.horizon()));
    if (!earliest.isBefore(latest)) {
      return List.of();
    }
    return candidates(availability, service, earliest, latest).stream()
        .filter(slot -> !TimeRange.overlapsAny(slot.blocked(), doctorBusy))
        .filter(slot -> !TimeRange.overlapsAny(new TimeRange(slot.startsAt(), slot.endsAt()), patientBusy))
        .toList();
  }

  /** Why {@code startsAt} cannot be booked, or empty when it can. */
  public Optional<Refusal> check(Availability availability, ServiceTiming service, List<TimeRange> doctorBusy,
                                 List<TimeRange> patientBusy, Instant now, Instant startsAt) {
    if (startsAt.isBefore(now)) {
      return Optional.of(Refusal.SLOT_IN_PAST);
    }
    if (startsAt.isBefore(now.plus(rules.minNotice()))) {
      return Optional.of(Refusal.NOTICE_TOO_SHORT);
    }
    if (!startsAt.isBefore(now.plus(rules.horizon()))) {
      return Optional.of(Refusal.BEYOND_HORIZON);
    }
    Slot wanted = slotAt(startsAt, service);
    boolean onGrid = candidates(availability, service, startsAt, startsAt.plusSeconds(1)).stream()
        .anyMatch(s -> s.startsAt().equals(startsAt));
    if (!onGrid) {
      boolean insideBlock = blocks(availability, startsAt, startsAt.plusSeconds(1)).stream()
          .anyMatch(block -> block.contains(wanted.blocked()));
      return Optional.of(insideBlock ? Refusal.NOT_ON_GRID : Refusal.OUTSIDE_AVAILABILITY);
    }
    if (TimeRange.overlapsAny(wanted.blocked(), doctorBusy)) {
      return Optional.of(Refusal.DOCTOR_BUSY);
    }
    if (TimeRange.overlapsAny(new TimeRange(wanted.startsAt(), wanted.endsAt()), patientBusy)) {
      return Optional.of(Refusal.PATIENT_BUSY);
    }
    return Optional.empty();
  }

  /** The visit and blocked range of {@code service} starting at {@code startsAt}. */
  public static Slot slotAt(Instant startsAt, ServiceTiming service) {
    Instant endsAt = startsAt.plus(service.duration());
    return new Slot(startsAt, endsAt, new TimeRange(startsAt.minus(service.before()), endsAt.plus(service.after())));
  }

  /** Every grid slot inside a working block, starting in [from, to), ignoring who is busy. */
  private List<Slot> candidates(Availability availability, ServiceTiming service, Instant from, Instant to) {
    ZoneId zone = availability.zone();
    WorkingHours hours = new WorkingHours(availability);
    TreeMap<Instant, Slot> slots = new TreeMap<>();
    // a block that began the day before may run past midnight into the range
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (LocalBlock local : hours.on(day)) {
        TimeRange block = new TimeRange(instant(local.start(), zone), instant(local.end(), zone));
        for (LocalDateTime start = local.start(); start.isBefore(local.end()); start = start.plusMinutes(rules.stepMinutes())) {
          if (zone.getRules().getValidOffsets(start).isEmpty()) {
            continue; // does not exist on this date (clocks went forward)
          }
          Slot slot = slotAt(instant(start, zone), service);
          if (!slot.startsAt().isBefore(from) && slot.startsAt().isBefore(to) && block.contains(slot.blocked())) {
            slots.putIfAbsent(slot.startsAt(), slot);
          }
        }
      }
    }
    return List.copyOf(slots.values());
  }

  private List<TimeRange> blocks(Availability availability, Instant from, Instant to) {
    ZoneId zone = availability.zone();
    WorkingHours hours = new WorkingHours(availability);
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    List<TimeRange> blocks = new java.util.ArrayList<>();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (LocalBlock local : hours.on(day)) {
        blocks.add(new TimeRange(instant(local.start(), zone), instant(local.end(), zone)));
      }
    }
    return blocks;
  }

  /** Local time to instant: an ambiguous time takes the earlier offset; a missing one moves forward. */
  private static Instant instant(LocalDateTime local, ZoneId zone) {
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
