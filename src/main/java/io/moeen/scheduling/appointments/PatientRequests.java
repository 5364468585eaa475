package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.moeen.scheduling.appointments.AppointmentStatus.Step;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;


/** A patient asks to move or cancel (seed 003); staff approve or reject. */
final class PatientRequests {
  static final String STAFF_RESCHEDULE_NOTICE = "appointment_reschedule_requested";
  static final String STAFF_CANCEL_NOTICE = "appointment_cancel_requested";
  static final String PATIENT_RESCHEDULED_NOTICE = "appointment_rescheduled";

  private final AppointmentStore store;
  private final SlotCheck slots;

  PatientRequests(AppointmentStore store, SlotCheck slots) {
    this.store = store;
    this.slots = slots;
  }

  Future<Integer> requestReschedule(Change c) {
    Appointment a = c.appointment();
    a.status().after(Step.REQUEST_RESCHEDULE, null);
    TimeRules.requireNotStarted(a, c.now());
    Instant wanted = requestedStart(c.body().getString("requestedStartsAt"), c.now());
    String notes = c.body().getString("notes");
    return open(c, AppointmentStatus.RESCHEDULE_REQUESTED, wanted, notes, STAFF_RESCHEDULE_NOTICE, AppointmentEvents.RESCHEDULE_REQUESTED);
  }

  Future<Integer> requestCancel(Change c) {
    c.appointment().status().after(Step.REQUEST_CANCEL, null);
    TimeRules.requireNotStarted(c.appointment(), c.now());
    return open(c, AppointmentStatus.CANCEL_REQUESTED, null, c.body().getString("reason"), STAFF_CANCEL_NOTICE,
        AppointmentEvents.CANCEL_REQUESTED);
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
    Instant newEnd = newStart.plus(Duration.between(a.startsAt(), a.endsAt()));
    return slots.requireBookable(a, newStart)
        .compose(ok -> store.move(c.conn(), a.id(), newStart))
        .compose(version -> store.notifyPatient(c.conn(), a.id(), PATIENT_RESCHEDULED_NOTICE,
                new JsonObject().put("appointmentId", a.id().toString()).put("previousStartsAt", a.startsAt().toString())
                    .put("startsAt", newStart.toString()),
                c.key(PATIENT_RESCHEDULED_NOTICE, version))
            .compose(done -> store.retimeReminders(c.conn(), a.id(), a.startsAt(), newStart))
            .map(done -> {
              c.statusChanged(back, version, AppointmentEvents.RESCHEDULED, newStart, newEnd);
              return version;
            }));
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

  private static Instant requestedStart(String value, Instant now) {
    Instant wanted;
    try {
      wanted = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw Problem.invalid("invalid_instant", "requestedStartsAt", Map.of("value", String.valueOf(value)));
    }
    if (!wanted.isAfter(now)) {
      throw Problem.invalid("requested_time_in_past", "requestedStartsAt", Map.of());
    }
    return wanted;
  }
}
