package io.moeen.scheduling.booking;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** The one place booking turns slot refusals, bus failures and SQLSTATEs into problems. */
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
    return new Problem(ProblemKind.UNPROCESSABLE, "idempotency_key_reused", Map.of(), "Idempotency-Key");
  }

  static Problem patientNotFound(BookingRequest booking) {
    return Problem.notFound("patient_not_found", Map.of("id", booking.patientId().toString()));
  }

  /** The database is the final judge: a lost race is a taken slot, whatever the check said. */
  static Throwable translate(Throwable failure, BookingRequest booking) {
    if (failure instanceof PgException pg) {
      String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
      if ("23P01".equals(pg.getSqlState())) {
        return refusal("appointments_patient_free".equals(constraint) ? "patient_busy" : "slot_taken", booking);
      }
      if ("23505".equals(pg.getSqlState()) && "appointments_idempotency".equals(constraint)) {
        return keyReused();
      }
    }
    return failure;
  }

  static boolean isDuplicateKey(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && "idempotency_keys_pkey".equals(pg.getConstraint());
  }

  /** A problem answered by another verticle travels as JSON in the reply's failure. */
  static Throwable fromBus(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureCode() == ServiceVerticle.PROBLEM_FAILURE) {
      return Problem.fromJson(new JsonObject(reply.getMessage()));
    }
    return failure;
  }
}
