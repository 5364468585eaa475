package io.moeen.hospital.beds;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.ambulances.Fleet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The domain half of {@code GET /v1/hospital/live}: a second stream beside the notification inbox. Beds for
 * those with {@code beds.read} (each change re-read as the board shows it to that caller, so housekeeping never
 * receives a patient), ambulances for those with {@code ambulances.read}. Nothing is replayed: a client loads the
 * board, then follows the changes.
 */
final class LiveBoard {
  private final OccupancyBoard board;
  private final Fleet fleet;

  LiveBoard(OccupancyBoard board, Fleet fleet) {
    this.board = board;
    this.fleet = fleet;
  }

  Future<JsonObject> handle(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject phase = request.bodyAsObject();
    return switch (phase.getString("phase", "")) {
      case "open" -> {
        JsonArray topics = new JsonArray();
        if (principal.has("beds.read")) {
          topics.add(HospitalAddresses.BEDS_CHANGED);
        }
        if (principal.has("ambulances.read")) {
          topics.add(HospitalAddresses.AMBULANCES_CHANGED);
        }
        yield Future.succeededFuture(new JsonObject().put("topics", topics));
      }
      case "catch-up" -> Future.succeededFuture(events(new JsonArray()));
      case "event" -> event(request, principal, phase);
      default -> Future.failedFuture(new IllegalArgumentException("unknown stream phase"));
    };
  }

  private Future<JsonObject> event(RequestEnvelope request, Principal principal, JsonObject phase) {
    String topic = phase.getString("topic", "");
    JsonObject message = phase.getJsonObject("message", new JsonObject());
    if (topic.equals(HospitalAddresses.BEDS_CHANGED) && principal.has("beds.read")) {
      return board.one(request, UUID.fromString(message.getString("bedId")))
          .map(bed -> events(bed == null ? new JsonArray() : new JsonArray().add(event("bed", bed))));
    }
    if (topic.equals(HospitalAddresses.AMBULANCES_CHANGED) && principal.has("ambulances.read")
        && message.getString("ambulanceId") != null) {
      return fleet.one(request, UUID.fromString(message.getString("ambulanceId")))
          .map(vehicle -> events(vehicle == null ? new JsonArray()
              : new JsonArray().add(event("ambulance", vehicle.put("runId", message.getString("runId"))))));
    }
    return Future.succeededFuture(events(new JsonArray()));
  }

  private static JsonObject event(String name, JsonObject data) {
    return new JsonObject().put("id", null).put("event", name).put("data", data);
  }

  private static JsonObject events(JsonArray events) {
    return new JsonObject().put("events", events);
  }
}
