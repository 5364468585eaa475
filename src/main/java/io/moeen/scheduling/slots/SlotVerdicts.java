package io.moeen.scheduling.slots;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.UUID;

/**
 * May this start time be booked now? The answer of {@code scheduling.slots.check}, also run by
 * booking on its own transaction's connection, so that a booking reads and writes on one
 * connection with no event-bus hop in between.
 */
public final class SlotVerdicts {
  private SlotVerdicts() {
  }

  /**
   * {@code question}: {serviceId, doctorId, locationId, startsAt, patientId?}; the answer:
   * {bookable, reason?, endsAt, blockedFrom, blockedUntil, timeZone (the location's)}.
   */
  public static Future<JsonObject> check(SqlClient client, JsonObject question, Instant now) {
    SlotSearch.Criteria criteria = new SlotSearch.Criteria(uuid(question, "serviceId"), uuid(question, "doctorId"),
        uuid(question, "locationId"), uuid(question, "patientId"));
    Instant startsAt = Instant.parse(question.getString("startsAt"));
    return new SlotSearch(new SlotStore(client)).check(criteria, startsAt, now).map(verdict -> {
      JsonObject answer = new JsonObject()
          .put("bookable", verdict.refusal().isEmpty())
          .put("endsAt", verdict.slot().endsAt().toString())
          .put("blockedFrom", verdict.slot().blocked().from().toString())
          .put("blockedUntil", verdict.slot().blocked().until().toString())
          .put("timeZone", verdict.zone().getId());
      verdict.refusal().ifPresent(r -> answer.put("reason", r.code()));
      return answer;
    });
  }

  private static UUID uuid(JsonObject body, String key) {
    String value = body.getString(key);
    return value == null ? null : UUID.fromString(value);
  }
}
