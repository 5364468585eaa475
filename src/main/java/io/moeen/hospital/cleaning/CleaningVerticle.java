package io.moeen.hospital.cleaning;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.cluster.RunOnce;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Cleaning tasks for housekeeping, and the sweep that reports overdue ones to the supervisors (off at interval 0). */
public final class CleaningVerticle extends ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(CleaningVerticle.class);

  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final Duration sweepInterval;
  private boolean sweeping;

  public CleaningVerticle(HospitalDatabase db, ClinicTimes times, Duration sweepInterval) {
    this.db = db;
    this.times = times;
    this.sweepInterval = sweepInterval;
  }

  @Override
  public Future<?> start() {
    CleaningTasks tasks = new CleaningTasks(db, times, new HospitalEvents(vertx, times));
    serve(HospitalAddresses.CLEANING_TASKS_LIST, anyOf("cleaning.read"), tasks::list);
    serve(HospitalAddresses.CLEANING_TASKS_SCHEDULE, anyOf("cleaning.supervise"), tasks::schedule);
    serve(HospitalAddresses.CLEANING_TASKS_COMPLETE, anyOf("cleaning.write"), tasks::complete);
    CleaningCalendar calendar = new CleaningCalendar(db, times, tasks);
    serve(HospitalAddresses.CLEANING_TASKS_CALENDAR, anyOf("cleaning.read"), calendar::calendar);
    OverdueSweep sweep = new OverdueSweep(db, times);
    return CleaningTasks.SQL.verify(db.pool()).compose(done -> registered()).onSuccess(ok -> {
      if (!sweepInterval.isZero()) {
        // in a cluster, on the one node holding the lease
        RunOnce.Lease lease = RunOnce.of(vertx).lease("hospital.cleaning-overdue");
        vertx.setPeriodic(sweepInterval.toMillis(), id -> {
          if (lease.held()) {
            round(sweep);
          }
        });
      }
    });
  }

  private void round(OverdueSweep sweep) {
    if (sweeping) {
      return; // the last round is still going
    }
    sweeping = true;
    sweep.run()
        .onSuccess(reported -> {
          if (reported > 0) {
            LOG.info("Cleaning: {} overdue tasks reported to the supervisors", reported);
            vertx.eventBus().send(NotificationsAddresses.OUTBOX_WAKE, null);
          }
        })
        .onFailure(e -> LOG.error("Cleaning overdue sweep failed", e))
        .onComplete(done -> sweeping = false);
  }
}
