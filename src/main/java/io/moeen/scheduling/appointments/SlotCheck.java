package io.moeen.scheduling.appointments;

import io.vertx.core.Future;

import java.time.Instant;

/**
 * Whether an approved reschedule's new time is bookable (working hours, holidays, notice).
 * Until the slots feature's internal address {@code scheduling.slots.check} is merged, only the
 * database's exclusion constraints judge the new time (409 {@code slot_taken}).
 */
final class SlotCheck {
  /** THE place to call {@code scheduling.slots.check} for {@code appointment} at {@code newStart}. */
  Future<Void> requireBookable(Appointment appointment, Instant newStart) {
    return Future.succeededFuture();
  }
}
