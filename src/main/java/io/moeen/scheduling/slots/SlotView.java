package io.moeen.scheduling.slots;

import io.moeen.common.time.CallerZoneTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Slots as the API answers them: times with the location's offset, and in the caller's zone when asked. */
final class SlotView {
  private SlotView() {
  }

  static JsonObject page(List<SlotSearch.Offer> offers, UUID serviceId, String locale, Optional<ZoneId> callerZone,
                         Instant from, Instant to) {
    JsonArray items = new JsonArray(new ArrayList<>(offers.size()));
    String service = serviceId.toString();
    Map<DoctorPlace, String[]> ids = new IdentityHashMap<>(); // the same few places on every slot: spelled once
    offers.forEach(offer -> items.add(item(offer, service, ids.computeIfAbsent(offer.place(),
        place -> new String[] {place.doctorId().toString(), place.locationId().toString()}), locale, callerZone)));
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("items", items);
  }

  static JsonObject item(SlotSearch.Offer offer, UUID serviceId, String locale, Optional<ZoneId> callerZone) {
    DoctorPlace place = offer.place();
    return item(offer, serviceId.toString(), new String[] {place.doctorId().toString(), place.locationId().toString()},
        locale, callerZone);
  }

  private static JsonObject item(SlotSearch.Offer offer, String serviceId, String[] doctorAndLocation, String locale,
                                 Optional<ZoneId> callerZone) {
    ZoneId zone = offer.place().zone();
    Slot slot = offer.slot();
    LocalDateTime localStart = LocalDateTime.ofInstant(slot.startsAt(), zone);
    JsonObject item = new JsonObject(new LinkedHashMap<>(16))
        .put("startsAt", at(localStart, zone.getRules().getOffset(slot.startsAt())))
        .put("endsAt", at(slot.endsAt(), zone))
        .put("startsAtLocal", local(localStart))
        .put("doctorId", doctorAndLocation[0])
        .put("doctorName", offer.place().name(locale))
        .put("locationId", doctorAndLocation[1])
        .put("serviceId", serviceId);
    callerZone.ifPresent(caller -> item.put(CallerZoneTimes.FIELD, CallerZoneTimes.of(caller, slot.startsAt(), slot.endsAt())));
    return item;
  }

  static String at(Instant instant, ZoneId zone) {
    return at(LocalDateTime.ofInstant(instant, zone), zone.getRules().getOffset(instant));
  }

  /**
   * What {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes ({@code 2026-03-01T09:15:00+03:00}), spelled by
   * hand for whole seconds: a week of slots is thousands of these, and the formatter was a tenth of the search.
   */
  private static String at(LocalDateTime local, ZoneOffset offset) {
    return local.getNano() != 0 || local.getYear() < 1000 || local.getYear() > 9999
        ? local.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        : appendLocal(new StringBuilder(25), local).append(offset.getId()).toString();
  }

  private static String local(LocalDateTime local) {
    return local.getNano() != 0 || local.getYear() < 1000 || local.getYear() > 9999
        ? local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) : appendLocal(new StringBuilder(19), local).toString();
  }

  private static StringBuilder appendLocal(StringBuilder out, LocalDateTime t) {
    out.append(t.getYear()).append('-');
    two(out, t.getMonthValue()).append('-');
    two(out, t.getDayOfMonth()).append('T');
    two(out, t.getHour()).append(':');
    two(out, t.getMinute()).append(':');
    return two(out, t.getSecond());
  }

  private static StringBuilder two(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
