package io.moeen.scheduling.catalogue;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.scheduling.SchedulingAddresses;
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

    servePublic(SchedulingAddresses.LOCATIONS_LIST, reads::locations);
    servePublic(SchedulingAddresses.LOCATIONS_GET, reads::location);
    servePublic(SchedulingAddresses.DEPARTMENTS_LIST, reads::departments);
    servePublic(SchedulingAddresses.SERVICES_LIST, reads::services);
    servePublic(SchedulingAddresses.SERVICES_GET, reads::service);
    servePublic(SchedulingAddresses.DOCTORS_LIST, reads::doctors);
    servePublic(SchedulingAddresses.DOCTORS_GET, reads::doctor);
    servePublic(SchedulingAddresses.AVAILABILITY_GET, reads::availability);
    servePublic(SchedulingAddresses.HOLIDAYS_LIST, reads::holidays);
    servePublic(SchedulingAddresses.RAMADAN_HOURS_GET, reads::ramadanHours);

    serve(SchedulingAddresses.DEPARTMENTS_CREATE, request -> sites.createDepartment(request).map(Reply::of));
    serve(SchedulingAddresses.DEPARTMENTS_UPDATE, request -> sites.updateDepartment(request).map(Reply::of));
    serve(SchedulingAddresses.DEPARTMENTS_DELETE, request -> sites.deleteDepartment(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.LOCATIONS_CREATE, request -> sites.createLocation(request).map(Reply::of));
    serve(SchedulingAddresses.LOCATIONS_UPDATE, request -> sites.updateLocation(request).map(Reply::of));
    serve(SchedulingAddresses.LOCATIONS_DELETE, request -> sites.deleteLocation(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.ROOMS_LIST, request -> sites.rooms(request).map(Reply::of));
    serve(SchedulingAddresses.ROOMS_CREATE, request -> sites.createRoom(request).map(Reply::of));
    serve(SchedulingAddresses.ROOMS_UPDATE, request -> sites.updateRoom(request).map(Reply::of));
    serve(SchedulingAddresses.ROOMS_DELETE, request -> sites.deleteRoom(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.SERVICES_CREATE, request -> services.create(request).map(Reply::of));
    serve(SchedulingAddresses.SERVICES_UPDATE, request -> services.update(request).map(Reply::of));
    serve(SchedulingAddresses.SERVICES_DELETE, request -> services.delete(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.DOCTORS_CREATE, request -> doctors.create(request).map(Reply::of));
    serve(SchedulingAddresses.DOCTORS_UPDATE, request -> doctors.update(request).map(Reply::of));
    serve(SchedulingAddresses.DOCTORS_DELETE, request -> doctors.delete(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.AVAILABILITY_REPLACE, request -> hours.replaceAvailability(request).map(Reply::of));
    serve(SchedulingAddresses.RAMADAN_HOURS_REPLACE, request -> hours.replaceRamadanHours(request).map(Reply::of));
    serve(SchedulingAddresses.OVERRIDES_LIST, request -> exceptions.overrides(request).map(Reply::of));
    serve(SchedulingAddresses.OVERRIDES_CREATE, request -> exceptions.addOverride(request).map(Reply::of));
    serve(SchedulingAddresses.OVERRIDES_DELETE, request -> exceptions.removeOverride(request).map(x -> Reply.empty()));
    serve(SchedulingAddresses.HOLIDAYS_CREATE, request -> exceptions.addHoliday(request).map(Reply::of));
    serve(SchedulingAddresses.HOLIDAYS_DELETE, request -> exceptions.removeHoliday(request).map(x -> Reply.empty()));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
