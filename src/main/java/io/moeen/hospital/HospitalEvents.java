package io.moeen.hospital;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** What the hospital publishes after a commit, for the live board and anyone else listening. */
public final class HospitalEvents {
  private final Vertx vertx;
  private final ClinicTimes times;

  public HospitalEvents(Vertx vertx, ClinicTimes times) {
    this.vertx = vertx;
    this.times = times;
  }

  public void bedChanged(UUID bedId, String state) {
    vertx.eventBus().publish(HospitalAddresses.BEDS_CHANGED, new JsonObject()
        .put("bedId", bedId.toString()).put("state", state).put("at", times.format(times.now())));
  }

  public void ambulanceChanged(UUID ambulanceId, UUID runId, String status) {
    vertx.eventBus().publish(HospitalAddresses.AMBULANCES_CHANGED, new JsonObject()
        .put("ambulanceId", ambulanceId == null ? null : ambulanceId.toString())
        .put("runId", runId == null ? null : runId.toString()).put("status", status).put("at", times.format(times.now())));
  }
}
