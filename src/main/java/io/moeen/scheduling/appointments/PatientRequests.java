package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.moeen.scheduling.appointments.AppointmentStatus.Step;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;

/** A patient asks to move or cancel (seed 003); staff approve or reject. */
final class PatientRequests {
  static final String STAFF_RESCHEDULE_NOTICE = "appointment_reschedule_requested";
  static final String STAFF_CANCEL_NOTICE = "appointment_cancel_requested";

  private final AppointmentStore store;
  private final AppointmentMove move;

  PatientRequests(AppointmentStore store, AppointmentMove move) {
    this.store = store;
    this.move = move;
  }

  Future<Integer> requestReschedule(Change c) {
    Appointment a = c.appointment();
    a.status().after(Step.REQUEST_RESCHEDULE, null);
    TimeRules.requireNotStarted(a, c.now());
    Instant wanted = TimeRules.futureInstant(c.body().getString("requestedStartsAt"), "requestedStartsAt", c.now());
    String notes = c.body().getString("notes");
    return open(c, AppointmentStatus.RESCHEDULE_REQUESTED, wanted, notes, STAFF_RESCHEDULE_NOTICE, SchedulingAddresses.APPOINTMENTS_RESCHEDULE_REQUESTED);
  }

  Future<Integer> requestCancel(Change c) {
    c.appointment().status().after(Step.REQUEST_CANCEL, null);
    TimeRules.requireNotStarted(c.appointment(), c.now());
    return open(c, AppointmentStatus.CANCEL_REQUESTED, null, c.body().getString("reason"), STAFF_CANCEL_NOTICE,
        SchedulingAddresses.APPOINTMENTS_CANCEL_REQUESTED);
  }

  Future<Integer> approve(Change c) {
    AppointmentAccess.requireStaff(c.principal());
    Appointment a = c.appointment();
    AppointmentStatus back = a.status().after(Step.APPROVE, a.previousStatus());
    if (back == AppointmentStatus.CANCELLED) {
      return StatusSteps.cancelNow(store, c, a.requestNotes());
    }
    Instant newStart = a.requestedStartsAt();
    if (newStart == null || !newStart.isAfter(c.now())) {
      throw new Problem(ProblemKind.CONFLICT, "request_expired", Map.of());
    }
    return move.to(c, newStart, back, null);
  }

  Future<Integer> reject(Change c) {
    AppointmentAccess.requireStaff(c.principal());
    Appointment a = c.appointment();
    AppointmentStatus back = a.status().after(Step.REJECT, a.previousStatus());
    return store.closeRequest(c.conn(), a.id())
        .map(version -> {
          c.statusChanged(back, version, null);
          return version;
        });
  }

  private Future<Integer> open(Change c, AppointmentStatus request, Instant wanted, String notes, String staffNotice,
                               String event) {
    Appointment a = c.appointment();
    return store.openRequest(c.conn(), a.id(), request, wanted, notes)
        .compose(version -> store.notifyStaff(c.conn(), staffNotice,
                new JsonObject().put("appointmentId", a.id().toString()).put("startsAt", a.startsAt().toString())
                    .put("requestedStartsAt", wanted == null ? null : wanted.toString()).put("notes", notes),
                c.key(staffNotice, version))
            .map(done -> {
              c.statusChanged(request, version, event);
              return version;
            }));
  }
}
