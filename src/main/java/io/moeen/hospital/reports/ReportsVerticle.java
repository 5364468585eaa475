package io.moeen.hospital.reports;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;

import static io.moeen.hospital.reports.HospitalReports.AMBULANCE_RESPONSE;
import static io.moeen.hospital.reports.HospitalReports.CLEANING_TURNAROUND;
import static io.moeen.hospital.reports.HospitalReports.LENGTH_OF_STAY;
import static io.moeen.hospital.reports.HospitalReports.OCCUPANCY;

/** Occupancy, length of stay, ambulance response times and cleaning turnaround, as JSON and CSV. */
public final class ReportsVerticle extends ServiceVerticle {
  private final HospitalDatabase db;
  private final ClinicTimes times;

  public ReportsVerticle(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  @Override
  public Future<?> start() {
    HospitalReports reports = new HospitalReports(db, times);
    serve(HospitalAddresses.REPORTS_OCCUPANCY, anyOf("hospital.reports.read"), r -> reports.json(r, OCCUPANCY));
    serve(HospitalAddresses.REPORTS_OCCUPANCY_CSV, anyOf("hospital.reports.read"), r -> reports.csv(r, OCCUPANCY));
    serve(HospitalAddresses.REPORTS_LENGTH_OF_STAY, anyOf("hospital.reports.read"), r -> reports.json(r, LENGTH_OF_STAY));
    serve(HospitalAddresses.REPORTS_LENGTH_OF_STAY_CSV, anyOf("hospital.reports.read"), r -> reports.csv(r, LENGTH_OF_STAY));
    serve(HospitalAddresses.REPORTS_AMBULANCE_RESPONSE, anyOf("hospital.reports.read", "ambulances.read"),
        r -> reports.json(r, AMBULANCE_RESPONSE));
    serve(HospitalAddresses.REPORTS_AMBULANCE_RESPONSE_CSV, anyOf("hospital.reports.read", "ambulances.read"),
        r -> reports.csv(r, AMBULANCE_RESPONSE));
    serve(HospitalAddresses.REPORTS_CLEANING_TURNAROUND, anyOf("hospital.reports.read", "cleaning.supervise"),
        r -> reports.json(r, CLEANING_TURNAROUND));
    serve(HospitalAddresses.REPORTS_CLEANING_TURNAROUND_CSV, anyOf("hospital.reports.read", "cleaning.supervise"),
        r -> reports.csv(r, CLEANING_TURNAROUND));
    return HospitalReports.SQL.verify(db.pool()).compose(done -> registered());
  }
}
