package io.moeen.scheduling.appointments;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain events of the lifecycle on the event bus. A change collects them while its transaction
 * runs; they are published only after it committed, so no listener hears of a change that was undone.
 */
final class AppointmentEvents {
  /** The events of one change, not yet published. */
  static final class Batch {
    private final List<String> addresses = new ArrayList<>();
    private final List<JsonObject> bodies = new ArrayList<>();

    void add(String address, JsonObject body) {
      addresses.add(address);
      bodies.add(body);
    }
  }

  private final Vertx vertx;

  AppointmentEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  void publish(Batch batch) {
    for (int i = 0; i < batch.addresses.size(); i++) {
      vertx.eventBus().publish(batch.addresses.get(i), batch.bodies.get(i));
    }
  }

  static JsonObject body(Appointment a, AppointmentStatus to, int version, Instant startsAt, Instant endsAt,
                         java.util.UUID by) {
    return new JsonObject()
        .put("appointmentId", a.id().toString())
        .put("patientId", a.patientId().toString())
        .put("doctorId", a.doctorId().toString())
        .put("locationId", a.locationId().toString())
        .put("from", a.status().code())
        .put("to", to.code())
        .put("startsAt", startsAt.toString())
        .put("endsAt", endsAt.toString())
        .put("version", version)
        .put("byUserId", by.toString())
        .put("occurredAt", Instant.now().toString());
  }
}
