package io.moeen.scheduling.slots;

import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Slot search over the database: checks the service, location and doctor, loads every doctor's
 * hours and busy times once, asks {@link SlotFinder}, and without a chosen doctor offers each
 * start time at a location once, from the doctor with the fewest appointments that local day.
 */
final class SlotSearch {
  /** What is asked: {@code doctorId}, {@code locationId} and {@code patientId} may be null. */
  record Criteria(UUID serviceId, UUID doctorId, UUID locationId, UUID patientId) {
  }

  /** A free slot with the doctor and location that offer it. */
  record Offer(Slot slot, DoctorPlace place) {
  }

  /** A start time checked for booking: empty refusal when bookable. */
  record Verdict(Slot slot, Optional<SlotFinder.Refusal> refusal) {
  }

  private static final Duration MARGIN = Duration.ofDays(1);

  private final SlotStore store;

  SlotSearch(SlotStore store) {
    this.store = store;
  }

  Future<List<Offer>> find(Criteria criteria, Instant from, Instant to, Instant now) {
    return validate(criteria).compose(known -> store.places(criteria.doctorId(), criteria.serviceId(),
            criteria.locationId(), day(from).minusDays(1))
        .compose(places -> places.isEmpty() ? Future.succeededFuture(List.<Offer>of())
            : offers(known, criteria, places, from, to, now)));
  }

  /** Up to {@code count} free slots from {@code after} on, within the booking horizon. */
  Future<List<Offer>> next(Criteria criteria, Instant after, int count, Instant now) {
    Instant from = after.isAfter(now) ? after : now;
    return find(criteria, from, now.plus(Duration.ofDays(400)), now)
        .map(offers -> offers.subList(0, Math.min(count, offers.size())));
  }

  Future<Verdict> check(Criteria criteria, Instant startsAt, Instant now) {
    return validate(criteria).compose(known -> store.places(criteria.doctorId(), criteria.serviceId(),
            criteria.locationId(), day(startsAt).minusDays(1))
        .compose(places -> {
          Instant from = startsAt.minus(MARGIN);
          Instant until = startsAt.plus(MARGIN);
          List<UUID> doctor = List.of(criteria.doctorId());
          Future<Hours> hours = store.hours(doctor, day(from).minusDays(1), day(until).plusDays(1));
          Future<Map<UUID, List<TimeRange>>> busy = store.doctorBusy(doctor, from, until);
          Future<List<TimeRange>> patient = store.patientBusy(criteria.patientId(), from, until);
          return Future.all(hours, busy, patient).map(done -> {
            Availability availability = places.isEmpty()
                ? new Availability(known.zone(), List.of(), List.of(), List.of(), List.of())
                : hours.result().of(places.get(0));
            var refusal = new SlotFinder(known.rules()).check(availability, known.service(),
                busy.result().getOrDefault(criteria.doctorId(), List.of()), patient.result(), now, startsAt);
            return new Verdict(SlotFinder.slotAt(startsAt, known.service()), refusal);
          });
        }));
  }

  private Future<List<Offer>> offers(Known known, Criteria criteria, List<DoctorPlace> places, Instant from,
                                     Instant to, Instant now) {
    List<UUID> doctors = places.stream().map(DoctorPlace::doctorId).distinct().toList();
    Instant busyFrom = from.minus(MARGIN);
    Instant busyUntil = to.plus(MARGIN);
    Future<Hours> hours = store.hours(doctors, day(busyFrom).minusDays(1), day(busyUntil).plusDays(1));
    Future<Map<UUID, List<TimeRange>>> busy = store.doctorBusy(doctors, busyFrom, busyUntil);
    Future<List<TimeRange>> patient = store.patientBusy(criteria.patientId(), busyFrom, busyUntil);
    return Future.all(hours, busy, patient).map(done -> {
      SlotFinder finder = new SlotFinder(known.rules());
      List<Offer> offers = new ArrayList<>();
      for (DoctorPlace place : places) {
        List<TimeRange> doctorBusy = busy.result().getOrDefault(place.doctorId(), List.of());
        finder.find(hours.result().of(place), known.service(), doctorBusy, patient.result(), now, from, to)
            .forEach(slot -> offers.add(new Offer(slot, place)));
      }
      List<Offer> chosen = criteria.doctorId() != null ? offers : spread(offers, busy.result());
      return chosen.stream().sorted(Comparator.comparing((Offer o) -> o.slot().startsAt())
          .thenComparing(o -> o.place().locationId())).toList();
    });
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

  /** The rules, the service and (when named) the location, checked in a fixed order. */
  private record Known(SlotRules rules, ServiceTiming service, java.time.ZoneId zone) {
  }

  private Future<Known> validate(Criteria criteria) {
    Future<SlotRules> rules = store.rules();
    Future<ServiceTiming> service = store.service(criteria.serviceId());
    Future<java.time.ZoneId> zone = criteria.locationId() == null
        ? Future.succeededFuture(ZoneOffset.UTC) : store.location(criteria.locationId());
    Future<Void> doctor = criteria.doctorId() == null
        ? Future.succeededFuture() : store.requireDoctorOffering(criteria.doctorId(), criteria.serviceId());
    return Future.join(rules, service, zone, doctor).transform(done -> {
      for (Future<?> step : List.of(rules, service, zone, doctor)) {
        if (step.failed()) {
          return Future.failedFuture(step.cause());
        }
      }
      return Future.succeededFuture(new Known(rules.result(), service.result(), zone.result()));
    });
  }

  private static LocalDate day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
