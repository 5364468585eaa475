package io.moeen.hospital.admissions;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.vertx.core.Future;

/** Admissions: admit, reserve, admit the planned, transfer, order the discharge, discharge, cancel; read them. */
public final class AdmissionsVerticle extends ServiceVerticle {
  private final HospitalDatabase db;
  private final ClinicTimes times;

  public AdmissionsVerticle(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  @Override
  public Future<?> start() {
    Admissions admissions = new Admissions(db, times, new HospitalEvents(vertx, times));
    serve(HospitalAddresses.ADMISSIONS_CREATE, anyOf("admissions.write"), admissions::create);
    serve(HospitalAddresses.ADMISSIONS_LIST, anyOf("admissions.read"), admissions::list);
    serve(HospitalAddresses.ADMISSIONS_GET, anyOf("admissions.read"), admissions::get);
    serve(HospitalAddresses.ADMISSIONS_ADMIT, anyOf("admissions.write"), admissions::admit);
    serve(HospitalAddresses.ADMISSIONS_TRANSFER, anyOf("admissions.write"), admissions::transfer);
    serve(HospitalAddresses.ADMISSIONS_ORDER_DISCHARGE, anyOf("admissions.write"), admissions::orderDischarge);
    serve(HospitalAddresses.ADMISSIONS_DISCHARGE, anyOf("admissions.write"), admissions::discharge);
    serve(HospitalAddresses.ADMISSIONS_CANCEL, anyOf("admissions.write"), admissions::cancel);
    return Admissions.SQL.verify(db.pool()).compose(done -> registered());
  }
}
