package io.moeen.hospital;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.hospital.admissions.AdmissionsVerticle;
import io.moeen.hospital.ambulances.AmbulancesVerticle;
import io.moeen.hospital.beds.BedsVerticle;
import io.moeen.hospital.cleaning.CleaningVerticle;
import io.moeen.hospital.reports.ReportsVerticle;
import io.moeen.hospital.staff.StaffVerticle;

import java.time.Duration;
import java.util.List;

/** Hospital operations: rooms and beds, admissions, cleaning, ambulances, staff, and their reports. */
public final class HospitalFeature implements Feature {
  /** How often overdue cleaning tasks are looked for. */
  static final Duration CLEANING_SWEEP = Duration.ofMinutes(1);

  /**
   * The overdue notices are outbox rows: on a node whose dispatcher is off ({@code MOEEN_DISPATCH_INTERVAL_MS=0},
   * as in tests, which run the sweep themselves) the sweep is off too, rather than pile up notices nobody sends.
   */
  static Duration cleaningSweep(FeatureContext ctx) {
    return ctx.config().dispatchInterval().isZero() ? Duration.ZERO : CLEANING_SWEEP;
  }

  @Override
  public String name() {
    return "hospital";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    HospitalDatabase db = new HospitalDatabase(ctx.pool());
    ClinicTimes times = new ClinicTimes(ctx.timeZone(), ctx.clock());
    return List.of(
        Deployment.of(new BedsVerticle(db, times)),
        Deployment.of(new AdmissionsVerticle(db, times)),
        Deployment.of(new CleaningVerticle(db, times, cleaningSweep(ctx))),
        Deployment.of(new AmbulancesVerticle(db, times)),
        Deployment.of(new StaffVerticle(db)),
        Deployment.of(new ReportsVerticle(db, times)));
  }
}
