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
 * {@code slot_taken}), keeping its room when the room is free at the new time and leaving it without one otherwise, the patient is told, reminders follow, and {@code appointment.rescheduled}
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
    Future<Boolean> keepRoom = a.roomId() == null ? Future.succeededFuture(false)
        : AppointmentRooms.isFree(c.conn(), a.roomId(), newStart, newEnd, a.id());
    return slots.requireBookable(a, newStart)
        .compose(ok -> keepRoom)
        .compose(keep -> {
          if (keep) {
            c.writingRoom(a.roomId(), newStart, newEnd);
          }
          return store.move(c.conn(), a.id(), newStart, to, keep);
        })
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
