package io.moeen.scheduling.appointments;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.moeen.scheduling.appointments.AppointmentStatus.Step;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;


/** The clinic's steps (confirm, check in, complete, no-show) and cancelling. */
final class StatusSteps {
  static final String PATIENT_CANCELLED_NOTICE = "appointment_cancelled";

  private final AppointmentStore store;

  StatusSteps(AppointmentStore store) {
    this.store = store;
  }

  Future<Integer> confirm(Change c) {
    AppointmentAccess.requireClinic(c.side());
    return become(c, c.appointment().status().after(Step.CONFIRM, null), SchedulingAddresses.APPOINTMENTS_CONFIRMED);
  }

  Future<Integer> checkIn(Change c) {
    AppointmentAccess.requireClinic(c.side());
    AppointmentStatus to = c.appointment().status().after(Step.CHECK_IN, null);
    TimeRules.requireAppointmentDay(c.appointment(), c.now());
    return become(c, to, null);
  }

  Future<Integer> complete(Change c) {
    AppointmentAccess.requireClinic(c.side());
    AppointmentStatus to = c.appointment().status().after(Step.COMPLETE, null);
    TimeRules.requireStarted(c.appointment(), c.now());
    return become(c, to, null);
  }

  Future<Integer> noShow(Change c) {
    AppointmentAccess.requireClinic(c.side());
    AppointmentStatus to = c.appointment().status().after(Step.NO_SHOW, null);
    TimeRules.requireStarted(c.appointment(), c.now());
    return become(c, to, null);
  }

  /** The patient's side only before the start; the clinic until the visit is done (the table stops it there). */
  Future<Integer> cancel(Change c) {
    c.appointment().status().after(Step.CANCEL, null);
    if (c.side() == AppointmentAccess.Side.PATIENT) {
      TimeRules.requireNotStarted(c.appointment(), c.now());
    }
    return cancelNow(store, c, c.body().getString("reason"));
  }

  /** Cancel, tell the patient, and stop their reminders: one transaction. */
  static Future<Integer> cancelNow(AppointmentStore store, Change c, String reason) {
    var a = c.appointment();
    return store.cancel(c.conn(), a.id(), c.principal().userId(), reason)
        .compose(version -> store.notifyPatient(c.conn(), a.id(), PATIENT_CANCELLED_NOTICE,
                new JsonObject().put("appointmentId", a.id().toString()).put("startsAt", a.startsAt().toString())
                    .put("reason", reason),
                c.key(PATIENT_CANCELLED_NOTICE, version))
            .compose(done -> store.dropReminders(c.conn(), a.id()))
            .map(done -> {
              c.statusChanged(AppointmentStatus.CANCELLED, version, SchedulingAddresses.APPOINTMENTS_CANCELLED);
              return version;
            }));
  }

  private Future<Integer> become(Change c, AppointmentStatus to, String event) {
    return store.setStatus(c.conn(), c.appointment().id(), to)
        .map(version -> {
          c.statusChanged(to, version, event);
          return version;
        });
  }
}
