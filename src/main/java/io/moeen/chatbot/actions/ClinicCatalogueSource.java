package io.moeen.chatbot.actions;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The clinic's services, doctors and branches as the message reader needs them, asked of the
 * scheduling catalogue's public lists — answers scheduling keeps in memory (its CatalogueCache), so
 * a turn costs three local bus round trips and no SQL. The catalogue built from them is kept while
 * the lists read the same, so the entity reader's per-item word cache (weakly keyed by the
 * catalogue's items) survives from turn to turn; a change in scheduling gives a new catalogue on
 * the next turn. A list that cannot be read leaves the last catalogue in use (none at first).
 */
final class ClinicCatalogueSource {
  private record Snapshot(String lists, ClinicCatalogue catalogue) {}

  private final BusCalls bus;
  private volatile Snapshot last = new Snapshot("", ClinicCatalogue.empty());

  ClinicCatalogueSource(BusCalls bus) {
    this.bus = bus;
  }

  Future<ClinicCatalogue> catalogue(String requestId) {
    Future<JsonArray> services = list(SchedulingAddresses.SERVICES_LIST, "listServices", requestId);
    Future<JsonArray> doctors = list(SchedulingAddresses.DOCTORS_LIST, "listDoctors", requestId);
    Future<JsonArray> branches = list(SchedulingAddresses.LOCATIONS_LIST, "listLocations", requestId);
    return Future.all(services, doctors, branches).map(all -> {
      String lists = services.result().encode() + '\n' + doctors.result().encode() + '\n' + branches.result().encode();
      Snapshot known = last;
      if (known.lists().equals(lists)) {
        return known.catalogue();
      }
      ClinicCatalogue catalogue = ClinicCatalogue.fromCatalogue(services.result(), doctors.result(), branches.result());
      last = new Snapshot(lists, catalogue);
      return catalogue;
    }).otherwise(failure -> last.catalogue());
  }

  private Future<JsonArray> list(String address, String operationId, String requestId) {
    return bus.operation(address, operationId, new JsonObject(), null, false, "ar", requestId)
        .map(body -> ((JsonObject) body).getJsonArray("items", new JsonArray()));
  }
}
