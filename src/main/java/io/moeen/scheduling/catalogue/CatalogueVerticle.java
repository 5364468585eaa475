package io.moeen.scheduling.catalogue;

import io.moeen.identity.IdentityAddresses;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.function.Function;

/**
 * The scheduling catalogue: what can be booked, with whom, where and when. Reads are public,
 * localized and served from memory ({@link CatalogueCache}); writes need {@code schedule.manage},
 * which the API checks before a request arrives, and each drops the cached answers once committed.
 */
public final class CatalogueVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/catalogue.sql");

  private final Pool pool;
  private CatalogueCache cache;

  public CatalogueVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    cache = new CatalogueCache(vertx);
    // another node's catalogue write; and an account change, which may rename or deactivate a doctor
    var otherNodes = vertx.eventBus().consumer(SchedulingAddresses.CATALOGUE_INVALIDATED, event -> cache.invalidateAll());
    var accounts = vertx.eventBus().<JsonObject>consumer(IdentityAddresses.PRINCIPALS_INVALIDATED, event -> {
      if (event.body().getString("userId") != null) {
        cache.invalidateAll();
      }
    });
    PublicCatalogue reads = new PublicCatalogue(pool, SQL);
    CatalogueWrites writes = new CatalogueWrites(pool, SQL);
    Sites sites = new Sites(writes);
    ServiceOfferings services = new ServiceOfferings(writes);
    DoctorProfiles doctors = new DoctorProfiles(writes, new PrincipalInvalidations(vertx.eventBus()));
    WeeklyHours hours = new WeeklyHours(writes, reads);
    DayExceptions exceptions = new DayExceptions(writes);

    read(SchedulingAddresses.LOCATIONS_LIST, reads::locations);
    read(SchedulingAddresses.LOCATIONS_GET, reads::location);
    read(SchedulingAddresses.DEPARTMENTS_LIST, reads::departments);
    read(SchedulingAddresses.SERVICES_LIST, reads::services);
    read(SchedulingAddresses.SERVICES_GET, reads::service);
    read(SchedulingAddresses.DOCTORS_LIST, reads::doctors);
    read(SchedulingAddresses.DOCTORS_GET, reads::doctor);
    read(SchedulingAddresses.AVAILABILITY_GET, reads::availability);
    read(SchedulingAddresses.HOLIDAYS_LIST, reads::holidays);
    read(SchedulingAddresses.RAMADAN_HOURS_GET, reads::ramadanHours);

    write(SchedulingAddresses.DEPARTMENTS_CREATE, sites::createDepartment);
    write(SchedulingAddresses.DEPARTMENTS_UPDATE, sites::updateDepartment);
    remove(SchedulingAddresses.DEPARTMENTS_DELETE, sites::deleteDepartment);
    write(SchedulingAddresses.LOCATIONS_CREATE, sites::createLocation);
    write(SchedulingAddresses.LOCATIONS_UPDATE, sites::updateLocation);
    remove(SchedulingAddresses.LOCATIONS_DELETE, sites::deleteLocation);
    serve(SchedulingAddresses.ROOMS_LIST, request -> sites.rooms(request).map(Reply::of));
    write(SchedulingAddresses.ROOMS_CREATE, sites::createRoom);
    write(SchedulingAddresses.ROOMS_UPDATE, sites::updateRoom);
    remove(SchedulingAddresses.ROOMS_DELETE, sites::deleteRoom);
    write(SchedulingAddresses.SERVICES_CREATE, services::create);
    write(SchedulingAddresses.SERVICES_UPDATE, services::update);
    remove(SchedulingAddresses.SERVICES_DELETE, services::delete);
    write(SchedulingAddresses.DOCTORS_CREATE, doctors::create);
    write(SchedulingAddresses.DOCTORS_UPDATE, doctors::update);
    remove(SchedulingAddresses.DOCTORS_DELETE, doctors::delete);
    write(SchedulingAddresses.AVAILABILITY_REPLACE, hours::replaceAvailability);
    write(SchedulingAddresses.RAMADAN_HOURS_REPLACE, hours::replaceRamadanHours);
    serve(SchedulingAddresses.OVERRIDES_LIST, request -> exceptions.overrides(request).map(Reply::of));
    write(SchedulingAddresses.OVERRIDES_CREATE, exceptions::addOverride);
    remove(SchedulingAddresses.OVERRIDES_DELETE, exceptions::removeOverride);
    write(SchedulingAddresses.HOLIDAYS_CREATE, exceptions::addHoliday);
    remove(SchedulingAddresses.HOLIDAYS_DELETE, exceptions::removeHoliday);
    return SQL.verify(pool).compose(verified -> registered())
        .compose(served -> Future.all(otherNodes.completion(), accounts.completion()));
  }

  /** A public read, answered from memory once read. */
  private void read(String address, Function<RequestEnvelope, Future<Reply>> read) {
    servePublic(address, cache.cached(address, read));
  }

  /** A write that answers the written record; committed, it drops the cached answers. */
  private void write(String address, Function<RequestEnvelope, Future<JsonObject>> write) {
    serve(address, request -> write.apply(request).map(Reply::of).map(cache::changed));
  }

  /** A delete (204); committed, it drops the cached answers. */
  private void remove(String address, Function<RequestEnvelope, Future<Void>> delete) {
    serve(address, request -> delete.apply(request).map(x -> Reply.empty()).map(cache::changed));
  }
}
