package io.moeen.common.db;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.EXCLUSION;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared mapper, without a database: PostgreSQL's refusals are built by hand. */
class ConstraintProblemsTest {
  static final ConstraintProblems TABLE = ConstraintProblems.table()
      .on(UNIQUE, "patients_national_id_unique",
          () -> new Problem(ProblemKind.CONFLICT, "national_id_taken", Map.of(), "nationalId"))
      .on(UNIQUE, c -> c.startsWith("users_"), () -> new Problem(ProblemKind.CONFLICT, "account_exists"))
      .on(EXCLUSION, "appointments_patient_free", () -> new Problem(ProblemKind.CONFLICT, "patient_busy"))
      .on(EXCLUSION, () -> new Problem(ProblemKind.CONFLICT, "slot_taken"))
      .on(FOREIGN_KEY, c -> c.endsWith("department_id_fkey"),
          () -> Problem.invalid("unknown_department", "departmentId", Map.of("field", "departmentId")));

  static PgException refusal(String sqlState, String constraint) {
    return new PgException("refused", "ERROR", sqlState, null, null, null, null, null, null, null, null, null,
        null, null, null, null, constraint);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"23505, UNIQUE", "23P01, EXCLUSION", "23503, FOREIGN_KEY", "23514, CHECK", "23502, NOT_NULL",
      "40001, SERIALIZATION", "40P01, DEADLOCK", "42501, INSUFFICIENT_PRIVILEGE", "22P02, INVALID_TEXT"})
  @DisplayName("each SQLSTATE a feature may name is read as its typed refusal")
  void sql_states_are_read_as_typed_refusals(String sqlState, SqlRefusal refusal) {
    assertThat(SqlRefusal.of(refusal(sqlState, null))).contains(refusal);
    assertThat(refusal.sqlState()).isEqualTo(sqlState);
  }

  @Test
  void a_constraint_named_exactly_gets_its_problem_with_kind_code_and_field() {
    Throwable mapped = TABLE.translate(refusal("23505", "patients_national_id_unique"));

    assertThat(mapped).isInstanceOfSatisfying(Problem.class, problem -> {
      assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT);
      assertThat(problem.code()).isEqualTo("national_id_taken");
      assertThat(problem.field()).isEqualTo("nationalId");
    });
  }

  @Test
  void a_constraint_matched_by_its_name_shape_gets_its_problem() {
    assertThat(code(TABLE.translate(refusal("23505", "users_email_key")))).isEqualTo("account_exists");
    assertThat(code(TABLE.translate(refusal("23503", "doctors_department_id_fkey")))).isEqualTo("unknown_department");
  }

  @Test
  void the_first_entry_that_matches_wins() {
    assertThat(code(TABLE.translate(refusal("23P01", "appointments_patient_free")))).isEqualTo("patient_busy");
    assertThat(code(TABLE.translate(refusal("23P01", "appointments_doctor_free")))).isEqualTo("slot_taken");
  }

  @Test
  void an_entry_for_any_constraint_also_takes_a_refusal_that_names_none() {
    assertThat(code(TABLE.translate(refusal("23P01", null)))).isEqualTo("slot_taken");
  }

  @Test
  void recover_fails_the_future_with_the_mapped_problem() {
    Future<Object> recovered = TABLE.recover(refusal("23P01", "appointments_doctor_free"));

    assertThat(recovered.failed()).isTrue();
    assertThat(code(recovered.cause())).isEqualTo("slot_taken");
  }

  @Test
  void a_new_problem_is_made_for_every_failure() {
    assertThat(TABLE.translate(refusal("23P01", null))).isNotSameAs(TABLE.translate(refusal("23P01", null)));
  }

  @Nested
  @DisplayName("what the table does not name passes through unchanged")
  class PassesThrough {
    @Test
    void an_unnamed_constraint_of_a_named_refusal() {
      PgException failure = refusal("23505", "crm_leads_open_phone");
      assertThat(TABLE.translate(failure)).isSameAs(failure);
    }

    @Test
    void a_refusal_the_table_has_no_entry_for() {
      PgException failure = refusal("23514", "patients_named");
      assertThat(TABLE.translate(failure)).isSameAs(failure);
    }

    @Test
    void a_sql_state_that_is_no_refusal() {
      PgException failure = refusal("42P01", "patients_national_id_unique");
      assertThat(SqlRefusal.of(failure)).isEmpty();
      assertThat(TABLE.translate(failure)).isSameAs(failure);
    }

    @Test
    void a_failure_that_is_not_the_database() {
      IllegalStateException failure = new IllegalStateException("boom");
      assertThat(TABLE.translate(failure)).isSameAs(failure);
      assertThat(TABLE.recover(failure).cause()).isSameAs(failure);
    }

    @Test
    void a_problem_already_made() {
      Problem problem = new Problem(ProblemKind.NOT_FOUND, "patient_not_found");
      assertThat(TABLE.translate(problem)).isSameAs(problem);
    }

    @Test
    void everything_through_an_empty_table() {
      PgException failure = refusal("23505", "patients_national_id_unique");
      assertThat(ConstraintProblems.table().translate(failure)).isSameAs(failure);
    }
  }

  @Test
  void adding_an_entry_leaves_the_table_it_came_from_as_it_was() {
    ConstraintProblems base = ConstraintProblems.table();
    ConstraintProblems longer = base.on(CHECK, () -> new Problem(ProblemKind.INVALID_INPUT, "validation_failed"));
    PgException failure = refusal("23514", "users_named");

    assertThat(base.translate(failure)).isSameAs(failure);
    assertThat(code(longer.translate(failure))).isEqualTo("validation_failed");
  }

  @Test
  void a_refusal_matches_only_its_own_sql_state_and_constraint_test() {
    PgException twin = refusal("23505", "crm_leads_open_email");

    assertThat(UNIQUE.matches(twin, c -> c.startsWith("crm_leads_open_"))).isTrue();
    assertThat(UNIQUE.matches(twin, c -> c.startsWith("users_"))).isFalse();
    assertThat(FOREIGN_KEY.matches(twin, c -> true)).isFalse();
    assertThat(UNIQUE.matches(new IllegalStateException(), c -> true)).isFalse();
    assertThat(SqlRefusal.constraint(refusal("23505", null))).isEmpty();
  }

  private static String code(Throwable failure) {
    assertThat(failure).isInstanceOf(Problem.class);
    return ((Problem) failure).code();
  }
}
