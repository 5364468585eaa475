package io.moeen.billing.insurance;

import io.moeen.billing.invoices.Money;
import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** The problems of insurance, and what the database's refusals mean here. */
final class InsuranceFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, "insurance_payers_code_unique", () -> new Problem(ProblemKind.CONFLICT, "payer_code_taken", Map.of(), "code"))
      .on(UNIQUE, "insurance_plans_code_unique", () -> new Problem(ProblemKind.CONFLICT, "plan_code_taken", Map.of(), "code"))
      .on(UNIQUE, "insurance_plan_rules_pkey", () -> Problem.invalid("rule_category_repeated", "rules", Map.of()))
      .on(UNIQUE, "patient_coverages_member_unique", () -> new Problem(ProblemKind.CONFLICT, "member_number_taken",
          Map.of(), "memberNumber"))
      .on(UNIQUE, "insurance_claims_one_per_invoice", InsuranceFailures::claimExists)
      .on(FOREIGN_KEY, "insurance_plans_payer_id_fkey", () -> unknown("payerId"))
      .on(FOREIGN_KEY, "patient_coverages_plan_id_fkey", () -> unknown("planId"))
      .on(FOREIGN_KEY, "insurance_preauthorisations_service_id_fkey", () -> unknown("serviceId"));

  private InsuranceFailures() {
  }

  static Problem unknown(String field) {
    return new Problem(ProblemKind.UNPROCESSABLE, "insurance_reference_unknown", Map.of("field", field), field);
  }

  static Problem patientNotFound(UUID id) {
    return Problem.notFound("patient_not_found", Map.of("id", id.toString()));
  }

  static Problem claimNotFound(UUID id) {
    return Problem.notFound("claim_not_found", Map.of("id", id.toString()));
  }

  static Problem preauthNotFound(UUID id) {
    return Problem.notFound("preauth_not_found", Map.of("id", id.toString()));
  }

  static Problem claimExists() {
    return new Problem(ProblemKind.CONFLICT, "claim_exists", Map.of(), "invoiceId");
  }

  static Problem nothingCovered() {
    return new Problem(ProblemKind.UNPROCESSABLE, "claim_nothing_covered", Map.of(), "invoiceId");
  }

  static Problem claimStatus(String status) {
    return new Problem(ProblemKind.CONFLICT, "claim_status_conflict", Map.of("status", status));
  }

  static Problem preauthDecided() {
    return new Problem(ProblemKind.CONFLICT, "preauth_decided", Map.of());
  }

  static Problem coverageNotOfPatient() {
    return new Problem(ProblemKind.UNPROCESSABLE, "coverage_not_of_patient", Map.of(), "coverageId");
  }

  static Problem required(String code, String field) {
    return Problem.invalid(code, field, Map.of("field", field));
  }

  static Problem approvedAmount(BigDecimal approved, BigDecimal claimed) {
    return new Problem(ProblemKind.UNPROCESSABLE, "approved_amount_invalid",
        Map.of("amount", Money.text(approved), "claimed", Money.text(claimed)), "approvedAmount");
  }

  static Problem remittanceExceeds(BigDecimal amount, BigDecimal open) {
    return new Problem(ProblemKind.UNPROCESSABLE, "remittance_exceeds_approved",
        Map.of("amount", Money.text(amount), "open", Money.text(open)), "amount");
  }
}
