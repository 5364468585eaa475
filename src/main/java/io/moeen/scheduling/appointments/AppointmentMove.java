package io.moeen.scheduling.appointments;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * Moving an appointment to a new start, shared by an approved request and a direct reschedule: the
 * new time must be bookable, the row moves (the exclusion constraints judge overlaps, 409
 * {@code slot_taken}), the patient is told, reminders follow, and {@code appointment.rescheduled}
 * goes out after commit.
 */
final class AppointmentMove {
  static final String PATIENT_NOTICE = "appointment_rescheduled";

  private final AppointmentStore store;
  private final SlotCheck slots;

  AppointmentMove(AppointmentStore store, SlotCheck slots) {
    this.store = store;
    this.slots = slots;
  }

  /** Move to {@code newStart}, ending in status {@code to}; {@code notes} (may be null) go to the patient. */
  Future<Integer> to(Change c, Instant newStart, AppointmentStatus to, String notes) {
    Appointment a = c.appointment();
    Instant newEnd = newStart.plus(Duration.between(a.startsAt(), a.endsAt()));
    return slots.requireBookable(a, newStart)
        .compose(ok -> store.move(c.conn(), a.id(), newStart, to))
        .compose(version -> store.notifyPatient(c.conn(), a.id(), PATIENT_NOTICE,
                new JsonObject().put("appointmentId", a.id().toString()).put("previousStartsAt", a.startsAt().toString())
                    .put("startsAt", newStart.toString()).put("notes", notes),
                c.key(PATIENT_NOTICE, version))
            .compose(done -> store.retimeReminders(c.conn(), a.id(), a.startsAt(), newStart))
            .map(done -> {
              c.statusChanged(to, version, SchedulingAddresses.APPOINTMENTS_RESCHEDULED, newStart, newEnd);
              return version;
            }));
  }
}
