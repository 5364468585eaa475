package io.moeen.scheduling.slots;

import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Slot search over the database: reads the service, location, doctor, every doctor's hours and
 * busy times in one statement ({@link SlotStore}), checks them, asks {@link SlotFinder}, and without a chosen doctor offers each
 * start time at a location once, from the doctor with the fewest appointments that local day.
 */
final class SlotSearch {
  /** What is asked: {@code doctorId}, {@code locationId} and {@code patientId} may be null. */
  record Criteria(UUID serviceId, UUID doctorId, UUID locationId, UUID patientId) {
  }

  /** A free slot with the doctor and location that offer it. */
  record Offer(Slot slot, DoctorPlace place) {
  }

  /** A start time checked for booking: empty refusal when bookable; {@code zone} is the location's. */
  record Verdict(Slot slot, Optional<SlotFinder.Refusal> refusal, ZoneId zone) {
  }

  private static final Duration MARGIN = Duration.ofDays(1);

  private final SlotStore store;

  SlotSearch(SlotStore store) {
    this.store = store;
  }

  /** The free slots in [from, to). */
  Future<List<Offer>> find(Criteria criteria, Instant from, Instant to, Instant now) {
    return find(criteria, new Instant[] {from, to}, zone -> new Instant[] {from, to}, now).map(Found::offers);
  }

  /** Free slots and the range they were searched in. */
  record Found(List<Offer> offers, Instant from, Instant to) {
  }

  /**
   * The free slots in the range {@code exact} gives in the location's zone (UTC without a location),
   * read in one statement over {@code around}, which must hold that range whatever the zone.
   */
  Future<Found> find(Criteria criteria, Instant[] around, Function<ZoneId, Instant[]> exact, Instant now) {
    Instant busyFrom = around[0].minus(MARGIN);
    Instant busyUntil = around[1].plus(MARGIN);
    return store.inputs(criteria, day(around[0]).minusDays(1), day(busyFrom).minusDays(1), day(busyUntil).plusDays(1),
            busyFrom, busyUntil)
        .map(inputs -> {
          SlotInputs.Known known = inputs.known(criteria);
          Instant[] range = exact.apply(known.zone());
          return new Found(offers(known, criteria, inputs, range[0], range[1], now), range[0], range[1]);
        });
  }

  /** Up to {@code count} free slots from {@code after} on, within the booking horizon. */
  Future<List<Offer>> next(Criteria criteria, Instant after, int count, Instant now) {
    Instant from = after.isAfter(now) ? after : now;
    return find(criteria, from, now.plus(Duration.ofDays(400)), now)
        .map(offers -> offers.subList(0, Math.min(count, offers.size())));
  }

  Future<Verdict> check(Criteria criteria, Instant startsAt, Instant now) {
    Instant from = startsAt.minus(MARGIN);
    Instant until = startsAt.plus(MARGIN);
    return store.inputs(criteria, day(startsAt).minusDays(1), day(from).minusDays(1), day(until).plusDays(1), from, until)
        .map(inputs -> {
          SlotInputs.Known known = inputs.known(criteria);
          List<DoctorPlace> places = inputs.places();
          Availability availability = places.isEmpty()
              ? new Availability(known.zone(), List.of(), List.of(), List.of(), List.of())
              : inputs.hours().of(places.get(0));
          var refusal = new SlotFinder(known.rules()).check(availability, known.service(),
              inputs.doctorBusy().getOrDefault(criteria.doctorId(), List.of()), inputs.patientBusy(), now, startsAt);
          return new Verdict(SlotFinder.slotAt(startsAt, known.service()), refusal, known.zone());
        });
  }

  private List<Offer> offers(SlotInputs.Known known, Criteria criteria, SlotInputs inputs, Instant from, Instant to,
                             Instant now) {
    if (inputs.places().isEmpty()) {
      return List.of();
    }
    Hours hours = inputs.hours();
    Map<UUID, List<TimeRange>> busy = inputs.doctorBusy();
    SlotFinder finder = new SlotFinder(known.rules());
    List<Offer> offers = new ArrayList<>();
    for (DoctorPlace place : inputs.places()) {
      List<TimeRange> doctorBusy = busy.getOrDefault(place.doctorId(), List.of());
      finder.find(hours.of(place), known.service(), doctorBusy, inputs.patientBusy(), now, from, to)
          .forEach(slot -> offers.add(new Offer(slot, place)));
    }
    List<Offer> chosen = criteria.doctorId() != null ? offers : spread(offers, busy);
    return chosen.stream().sorted(Comparator.comparing((Offer o) -> o.slot().startsAt())
        .thenComparing(o -> o.place().locationId())).toList();
  }

  /** One offer per location and start time: the doctor with the fewest appointments that local day. */
  private static List<Offer> spread(List<Offer> offers, Map<UUID, List<TimeRange>> busy) {
    Map<String, Offer> best = new LinkedHashMap<>();
    Map<String, Long> load = new HashMap<>();
    for (Offer offer : offers) {
      String key = offer.place().locationId() + "|" + offer.slot().startsAt();
      Offer current = best.get(key);
      if (current == null || appointmentsThatDay(offer, busy, load) < appointmentsThatDay(current, busy, load)) {
        best.put(key, offer);
      }
    }
    return List.copyOf(best.values());
  }

  private static long appointmentsThatDay(Offer offer, Map<UUID, List<TimeRange>> busy, Map<String, Long> load) {
    var zone = offer.place().zone();
    LocalDate day = offer.slot().startsAt().atZone(zone).toLocalDate();
    return load.computeIfAbsent(offer.place().doctorId() + "|" + day + "|" + zone, key ->
        busy.getOrDefault(offer.place().doctorId(), List.of()).stream()
            .filter(range -> range.from().atZone(zone).toLocalDate().equals(day))
            .count());
  }

  private static LocalDate day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
