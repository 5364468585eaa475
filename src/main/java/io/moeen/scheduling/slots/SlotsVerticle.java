package io.moeen.scheduling.slots;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Free slots: the public search ({@value SchedulingAddresses#SLOTS_LIST}) and two internal addresses for booking and the
 * appointment lifecycle: {@value SchedulingAddresses#SLOTS_CHECK} (may this start time be booked?) and {@value SchedulingAddresses#SLOTS_NEXT}.
 */
public final class SlotsVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId clinicZone;
  private final Clock clock;
  private SlotSearch search;

  public SlotsVerticle(Pool pool, ZoneId clinicZone, Clock clock) {
    this.pool = pool;
    this.clinicZone = clinicZone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    search = new SlotSearch(new SlotStore(pool));
    servePublic(SchedulingAddresses.SLOTS_LIST, this::list);
    serveInternal(SchedulingAddresses.SLOTS_CHECK, this::check);
    serveInternal(SchedulingAddresses.SLOTS_NEXT, this::next);
    return SlotStore.verify(pool).compose(verified -> registered());
  }

  private Future<Reply> list(RequestEnvelope request) {
    SlotQuery query = SlotQuery.from(request);
    Instant now = clock.instant();
    Future<SlotSearch.Found> found;
    if (query.needsLocationZone()) {
      // local dates at a location: midnight there is known only once the location is read, in the same statement
      found = search.find(query.criteria(), query.around(now), zone -> query.range(zone, now), now);
    } else {
      Instant[] range = query.range(clinicZone, now);
      found = search.find(query.criteria(), range, zone -> range, now);
    }
    return found.map(page -> Reply.of(SlotView.page(page.offers(), query.criteria().serviceId(), request.locale(),
        query.callerZone(), page.from(), page.to())));
  }

  /** {serviceId, doctorId, locationId, startsAt, patientId?} → {bookable, reason?, endsAt, blockedFrom, blockedUntil, timeZone}. */
  private Future<JsonObject> check(JsonObject body) {
    return SlotVerdicts.check(pool, body, clock.instant());
  }

  /** {serviceId, doctorId?, locationId?, after, count, patientId?, locale?} → {items: [slots]}. */
  private Future<JsonObject> next(JsonObject body) {
    SlotSearch.Criteria criteria = new SlotSearch.Criteria(uuid(body, "serviceId"), uuid(body, "doctorId"),
        uuid(body, "locationId"), uuid(body, "patientId"));
    Instant after = Instant.parse(body.getString("after"));
    String locale = body.getString("locale", "ar");
    return search.next(criteria, after, body.getInteger("count", 3), clock.instant()).map(offers -> {
      JsonArray items = new JsonArray();
      offers.forEach(o -> items.add(SlotView.item(o, criteria.serviceId(), locale, Optional.empty())));
      return new JsonObject().put("items", items);
    });
  }

  private static UUID uuid(JsonObject body, String key) {
    String value = body.getString(key);
    return value == null ? null : UUID.fromString(value);
  }
}
