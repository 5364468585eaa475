package io.moeen.hospital.staff;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;

/** Staff profiles of people who are not doctors (doctors have theirs in scheduling). */
public final class StaffVerticle extends ServiceVerticle {
  private final HospitalDatabase db;

  public StaffVerticle(HospitalDatabase db) {
    this.db = db;
  }

  @Override
  public Future<?> start() {
    StaffProfiles staff = new StaffProfiles(db);
    serve(HospitalAddresses.STAFF_LIST, anyOf("staff.read"), staff::list);
    serve(HospitalAddresses.STAFF_CREATE, anyOf("staff.manage"), staff::create);
    serve(HospitalAddresses.STAFF_UPDATE, anyOf("staff.manage"), staff::update);
    return StaffProfiles.SQL.verify(db.pool()).compose(done -> registered());
  }
}
