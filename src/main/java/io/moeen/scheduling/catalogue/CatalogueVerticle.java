package io.moeen.scheduling.catalogue;

import io.moeen.common.auth.PrincipalInvalidations;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The scheduling catalogue: what can be booked, with whom, where and when. Reads are public and
 * localized; writes need {@code schedule.manage}, which the API checks before a request arrives.
 */
public final class CatalogueVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/catalogue.sql");

  private final Pool pool;

  public CatalogueVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    PublicCatalogue reads = new PublicCatalogue(pool, SQL);
    CatalogueWrites writes = new CatalogueWrites(pool, SQL);
    Sites sites = new Sites(writes);
    ServiceOfferings services = new ServiceOfferings(writes);
    DoctorProfiles doctors = new DoctorProfiles(writes, new PrincipalInvalidations(vertx.eventBus()));
    WeeklyHours hours = new WeeklyHours(writes, reads);
    DayExceptions exceptions = new DayExceptions(writes);

    servePublic("scheduling.locations.list", reads::locations);
    servePublic("scheduling.locations.get", reads::location);
    servePublic("scheduling.departments.list", reads::departments);
    servePublic("scheduling.services.list", reads::services);
    servePublic("scheduling.services.get", reads::service);
    servePublic("scheduling.doctors.list", reads::doctors);
    servePublic("scheduling.doctors.get", reads::doctor);
    servePublic("scheduling.availability.get", reads::availability);
    servePublic("scheduling.holidays.list", reads::holidays);
    servePublic("scheduling.ramadan_hours.get", reads::ramadanHours);

    serve("scheduling.departments.create", request -> sites.createDepartment(request).map(Reply::of));
    serve("scheduling.departments.update", request -> sites.updateDepartment(request).map(Reply::of));
    serve("scheduling.departments.delete", request -> sites.deleteDepartment(request).map(x -> Reply.empty()));
    serve("scheduling.locations.create", request -> sites.createLocation(request).map(Reply::of));
    serve("scheduling.locations.update", request -> sites.updateLocation(request).map(Reply::of));
    serve("scheduling.locations.delete", request -> sites.deleteLocation(request).map(x -> Reply.empty()));
    serve("scheduling.rooms.list", request -> sites.rooms(request).map(Reply::of));
    serve("scheduling.rooms.create", request -> sites.createRoom(request).map(Reply::of));
    serve("scheduling.rooms.update", request -> sites.updateRoom(request).map(Reply::of));
    serve("scheduling.rooms.delete", request -> sites.deleteRoom(request).map(x -> Reply.empty()));
    serve("scheduling.services.create", request -> services.create(request).map(Reply::of));
    serve("scheduling.services.update", request -> services.update(request).map(Reply::of));
    serve("scheduling.services.delete", request -> services.delete(request).map(x -> Reply.empty()));
    serve("scheduling.doctors.create", request -> doctors.create(request).map(Reply::of));
    serve("scheduling.doctors.update", request -> doctors.update(request).map(Reply::of));
    serve("scheduling.doctors.delete", request -> doctors.delete(request).map(x -> Reply.empty()));
    serve("scheduling.availability.replace", request -> hours.replaceAvailability(request).map(Reply::of));
    serve("scheduling.ramadan_hours.replace", request -> hours.replaceRamadanHours(request).map(Reply::of));
    serve("scheduling.overrides.list", request -> exceptions.overrides(request).map(Reply::of));
    serve("scheduling.overrides.create", request -> exceptions.addOverride(request).map(Reply::of));
    serve("scheduling.overrides.delete", request -> exceptions.removeOverride(request).map(x -> Reply.empty()));
    serve("scheduling.holidays.create", request -> exceptions.addHoliday(request).map(Reply::of));
    serve("scheduling.holidays.delete", request -> exceptions.removeHoliday(request).map(x -> Reply.empty()));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
