package io.moeen.common.bus;

import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one decoder of a failed bus request: a {@link Problem} a {@link ServiceVerticle} refused with
 * comes back as a {@link ReplyException} with code {@link ServiceVerticle#PROBLEM_FAILURE} and the
 * problem's JSON as its message. Anything else (no handler, a timeout, another code) is not a
 * problem the callee chose, and neither is a message that does not read as one.
 */
public final class BusFailures {
  private static final Logger LOG = LoggerFactory.getLogger(BusFailures.class);

  private BusFailures() {
  }

  /** The problem the callee refused with, or empty when the failure is not one. */
  public static Optional<Problem> problem(Throwable failure) {
    if (!(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.failureCode() != ServiceVerticle.PROBLEM_FAILURE) {
      return Optional.empty();
    }
    try {
      return Optional.of(Problem.fromJson(new JsonObject(reply.getMessage())));
    } catch (RuntimeException unreadable) {
      LOG.error("A bus failure with the problem code does not read as a problem: {}", reply.getMessage(), unreadable);
      return Optional.empty();
    }
  }

  /** The problem the callee refused with, or {@code fallback} when the failure is not one. */
  public static Problem toProblem(Throwable failure, Problem fallback) {
    return problem(failure).orElse(fallback);
  }

  /** For a {@code recover} step: the callee's problem, or the failure as it came. */
  public static <T> Future<T> recover(Throwable failure) {
    return Future.failedFuture(problem(failure).<Throwable>map(problem -> problem).orElse(failure));
  }
}
