package io.moeen.scheduling.slots;

import io.moeen.common.time.CallerZoneTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Slots as the API answers them: times with the location's offset, and in the caller's zone when asked. */
final class SlotView {
  private SlotView() {
  }

  static JsonObject page(List<SlotSearch.Offer> offers, UUID serviceId, String locale, Optional<ZoneId> callerZone,
                         Instant from, Instant to) {
    JsonArray items = new JsonArray();
    offers.forEach(offer -> items.add(item(offer, serviceId, locale, callerZone)));
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("items", items);
  }

  static JsonObject item(SlotSearch.Offer offer, UUID serviceId, String locale, Optional<ZoneId> callerZone) {
    ZoneId zone = offer.place().zone();
    Slot slot = offer.slot();
    JsonObject item = new JsonObject()
        .put("startsAt", at(slot.startsAt(), zone))
        .put("endsAt", at(slot.endsAt(), zone))
        .put("startsAtLocal", slot.startsAt().atZone(zone).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .put("doctorId", offer.place().doctorId().toString())
        .put("doctorName", offer.place().name(locale))
        .put("locationId", offer.place().locationId().toString())
        .put("serviceId", serviceId.toString());
    callerZone.ifPresent(caller -> item.put(CallerZoneTimes.FIELD, CallerZoneTimes.of(caller, slot.startsAt(), slot.endsAt())));
    return item;
  }

  static String at(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
