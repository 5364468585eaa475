package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.slots.SlotsVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Whether an approved reschedule's new time is bookable: working hours, overrides, holidays,
 * Ramadan hours, the grid, notice and horizon, asked of the slots feature
 * ({@code scheduling.slots.check}). Overlaps are left to the database's exclusion constraints,
 * which judge the moved row against the others (the slot check would count the appointment's
 * own current time as busy).
 */
final class SlotCheck {
  private static final Set<String> OVERLAPS = Set.of("slot_taken", "patient_busy");

  private final Vertx vertx;

  SlotCheck(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Void> requireBookable(Appointment appointment, Instant newStart) {
    JsonObject question = new JsonObject()
        .put("serviceId", appointment.serviceId().toString())
        .put("doctorId", appointment.doctorId().toString())
        .put("locationId", appointment.locationId().toString())
        .put("startsAt", newStart.toString());
    return vertx.eventBus().<JsonObject>request(SchedulingAddresses.SLOTS_CHECK, question)
        .compose(answer -> {
          JsonObject body = answer.body();
          String reason = body.getString("reason");
          if (body.getBoolean("bookable", false) || OVERLAPS.contains(reason)) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(new Problem(ProblemKind.CONFLICT, reason == null ? "slot_outside_availability" : reason,
              Map.of("startsAt", newStart.toString())));
        });
  }
}
