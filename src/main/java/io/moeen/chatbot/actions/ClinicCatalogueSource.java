package io.moeen.chatbot.actions;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The clinic's services, doctors and branches as the message reader needs them, asked of the
 * scheduling catalogue's public lists through the action turns' {@link CatalogueReads} (kept a few
 * seconds, dropped when scheduling announces a change), so a turn usually costs no bus round trip and
 * no SQL. The catalogue built from them is kept while the three answers are the very ones it was built
 * from, so the entity reader's per-item word cache (weakly keyed by the catalogue's items) survives from
 * turn to turn; a change in scheduling gives a new catalogue on the next turn. A list that cannot be
 * read leaves the last catalogue in use (none at first).
 */
final class ClinicCatalogueSource {
  private record Snapshot(Object services, Object doctors, Object branches, ClinicCatalogue catalogue) {}

  private final BusCalls bus;
  private final CatalogueReads reads;
  private volatile Snapshot last = new Snapshot(null, null, null, ClinicCatalogue.empty());

  ClinicCatalogueSource(BusCalls bus, CatalogueReads reads) {
    this.bus = bus;
    this.reads = reads;
  }

  Future<ClinicCatalogue> catalogue(String requestId) {
    Future<Object> services = reads.read(SchedulingAddresses.SERVICES_LIST, "listServices", new JsonObject(), "ar", requestId, bus);
    Future<Object> doctors = reads.read(SchedulingAddresses.DOCTORS_LIST, "listDoctors", new JsonObject(), "ar", requestId, bus);
    Future<Object> branches = reads.read(SchedulingAddresses.LOCATIONS_LIST, "listLocations", new JsonObject(), "ar", requestId, bus);
    return Future.all(services, doctors, branches).map(all -> {
      Snapshot known = last;
      if (known.services() == services.result() && known.doctors() == doctors.result()
          && known.branches() == branches.result()) {
        return known.catalogue();
      }
      // read again after the cache's few seconds: the same lists keep the same catalogue (and its word cache)
      boolean same = known.services() != null && known.services().equals(services.result())
          && known.doctors().equals(doctors.result()) && known.branches().equals(branches.result());
      ClinicCatalogue catalogue = same ? known.catalogue() : ClinicCatalogue.fromCatalogue(items(services.result()),
          items(doctors.result()), items(branches.result()));
      last = new Snapshot(services.result(), doctors.result(), branches.result(), catalogue);
      return catalogue;
    }).otherwise(failure -> last.catalogue());
  }

  private static JsonArray items(Object body) {
    return ((JsonObject) body).getJsonArray("items", new JsonArray());
  }
}
