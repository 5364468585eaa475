package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.scheduling.appointments.AppointmentAccess.Side;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.moeen.scheduling.appointments.AppointmentStatus.Step;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * THE reschedule policy (docs/architecture.md repeats it): a {@code pending} or {@code confirmed}
 * appointment that has not started moves to a bookable time without a request. The clinic's side
 * (staff with {@code appointments.write.any}, the appointment's own doctor) may always; the patient's
 * side (the patient, family with {@code appointments.write}) only while the current start is at least
 * {@code booking.reschedule_notice_hours} away, else 409 {@code reschedule_too_late}: send a request.
 * The status stays what it was.
 */
final class DirectReschedule {
  private final AppointmentStore store;
  private final AppointmentMove move;

  DirectReschedule(AppointmentStore store, AppointmentMove move) {
    this.store = store;
    this.move = move;
  }

  Future<Integer> reschedule(Change c) {
    Appointment a = c.appointment();
    AppointmentStatus stays = a.status().after(Step.RESCHEDULE, null);
    TimeRules.requireNotStarted(a, c.now());
    Instant newStart = TimeRules.futureInstant(c.body().getString("startsAt"), "startsAt", c.now());
    String notes = c.body().getString("notes");
    if (c.side() == Side.CLINIC) {
      return move.to(c, newStart, stays, notes);
    }
    return store.rescheduleNoticeHours(c.conn()).compose(hours -> {
      if (Duration.between(c.now(), a.startsAt()).compareTo(Duration.ofHours(hours)) < 0) {
        throw new Problem(ProblemKind.CONFLICT, "reschedule_too_late", Map.of("hours", hours));
      }
      return move.to(c, newStart, stays, notes);
    });
  }
}
