package io.moeen.common.bus;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared decoder, without a bus: the failures a request can end with are built by hand. */
class BusFailuresTest {
  static final Problem UNAVAILABLE = new Problem(ProblemKind.UNAVAILABLE, "unavailable");

  static ReplyException refusedWith(Problem problem) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ServiceVerticle.PROBLEM_FAILURE, problem.toJson().encode());
  }

  @Test
  void a_problem_the_callee_refused_with_comes_back_whole() {
    Problem sent = new Problem(ProblemKind.CONFLICT, "slot_taken", Map.of("startsAt", "2030-01-05T09:00:00Z"), "startsAt")
        .withExtensions(new JsonObject().put("alternatives", new JsonObject().put("count", 3)));

    Problem decoded = BusFailures.toProblem(refusedWith(sent), UNAVAILABLE);

    assertThat(decoded.toJson()).isEqualTo(sent.toJson());
    assertThat(decoded.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(decoded.field()).isEqualTo("startsAt");
  }

  @Test
  void recover_fails_the_future_with_the_decoded_problem() {
    Future<Object> recovered = BusFailures.recover(refusedWith(Problem.notFound("patient_not_found", Map.of("id", "p1"))));

    assertThat(recovered.cause()).isInstanceOfSatisfying(Problem.class, problem -> {
      assertThat(problem.code()).isEqualTo("patient_not_found");
      assertThat(problem.args().getString("id")).isEqualTo("p1");
    });
  }

  @Nested
  @DisplayName("a failure that is no problem of the callee's")
  class NotAProblem {
    @Test
    void a_timeout_gets_the_fallback_and_passes_recover_unchanged() {
      ReplyException timeout = new ReplyException(ReplyFailure.TIMEOUT, "Timed out after waiting 15000(ms)");

      assertThat(BusFailures.toProblem(timeout, UNAVAILABLE)).isSameAs(UNAVAILABLE);
      assertThat(BusFailures.recover(timeout).cause()).isSameAs(timeout);
    }

    @Test
    void no_handler_at_the_address() {
      ReplyException nobody = new ReplyException(ReplyFailure.NO_HANDLERS, "No handlers for address crm.leads.capture");

      assertThat(BusFailures.problem(nobody)).isEmpty();
    }

    @Test
    void a_recipient_failure_with_another_code() {
      ReplyException other = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, refusedWith(UNAVAILABLE).getMessage());

      assertThat(BusFailures.problem(other)).isEmpty();
    }

    @Test
    void a_problem_code_whose_message_does_not_read_as_a_problem() {
      ReplyException garbled = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ServiceVerticle.PROBLEM_FAILURE, "not json");
      ReplyException nameless = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ServiceVerticle.PROBLEM_FAILURE, "{}");

      assertThat(BusFailures.toProblem(garbled, UNAVAILABLE)).isSameAs(UNAVAILABLE);
      assertThat(BusFailures.recover(nameless).cause()).isSameAs(nameless);
    }

    @Test
    void a_failure_that_never_went_over_the_bus() {
      IllegalStateException local = new IllegalStateException("boom");

      assertThat(BusFailures.toProblem(local, UNAVAILABLE)).isSameAs(UNAVAILABLE);
      assertThat(BusFailures.recover(local).cause()).isSameAs(local);
    }
  }
}
