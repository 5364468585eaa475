package io.moeen.hospital.ambulances;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.vertx.core.Future;

/** The ambulance fleet and crews, and the run log the dispatchers keep. */
public final class AmbulancesVerticle extends ServiceVerticle {
  private final HospitalDatabase db;
  private final ClinicTimes times;

  public AmbulancesVerticle(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  @Override
  public Future<?> start() {
    HospitalEvents events = new HospitalEvents(vertx, times);
    Fleet fleet = new Fleet(db, events);
    RunLog runs = new RunLog(db, times, events);
    serve(HospitalAddresses.AMBULANCES_LIST, anyOf("ambulances.read"), fleet::list);
    serve(HospitalAddresses.AMBULANCES_CREATE, anyOf("ambulances.manage"), fleet::create);
    serve(HospitalAddresses.AMBULANCES_UPDATE, anyOf("ambulances.manage"), fleet::update);
    serve(HospitalAddresses.RUNS_LIST, anyOf("ambulances.read"), runs::list);
    serve(HospitalAddresses.RUNS_CREATE, anyOf("ambulances.dispatch"), runs::create);
    serve(HospitalAddresses.RUNS_GET, anyOf("ambulances.read"), runs::get);
    serve(HospitalAddresses.RUNS_STEP, anyOf("ambulances.dispatch"), runs::step);
    return Fleet.SQL.verify(db.pool()).compose(done -> registered());
  }
}
