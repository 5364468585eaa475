package io.moeen.scheduling.booking;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.EXCLUSION;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** Booking's problems: slot refusals and its constraints (mapped by {@link ConstraintProblems}). */
final class BookingFailures {
  private BookingFailures() {
  }

  /** A refusal of the slot check as a problem with its own code. */
  static Problem refusal(String reason, BookingRequest booking) {
    ProblemKind kind = switch (reason) {
      case "slot_taken", "patient_busy" -> ProblemKind.CONFLICT;
      default -> ProblemKind.INVALID_INPUT;
    };
    return new Problem(kind, reason, Map.of("startsAt", booking.startsAt().toString()), "startsAt");
  }

  static Problem tooManyActive(int limit) {
    return new Problem(ProblemKind.UNPROCESSABLE, "too_many_active_appointments", Map.of("limit", limit));
  }

  static Problem keyReused() {
    return IdempotencyKeys.keyReused();
  }


  static Problem patientNotFound(BookingRequest booking) {
    return Problem.notFound("patient_not_found", Map.of("id", booking.patientId().toString()));
  }

  /** The database is the final judge: a lost race is a taken slot, whatever the check said. */
  static Throwable translate(Throwable failure, BookingRequest booking) {
    return ConstraintProblems.table()
        .on(EXCLUSION, "appointments_patient_free", () -> refusal("patient_busy", booking))
        .on(EXCLUSION, () -> refusal("slot_taken", booking))
        .on(UNIQUE, "appointments_idempotency", BookingFailures::keyReused)
        .translate(failure);
  }

  static boolean isDuplicateKey(Throwable failure) {
    return IdempotencyKeys.isDuplicateKey(failure);
  }
}
