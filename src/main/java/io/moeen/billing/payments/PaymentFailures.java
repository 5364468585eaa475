package io.moeen.billing.payments;

import io.moeen.billing.invoices.Money;
import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.math.BigDecimal;
import java.util.Map;

import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** The problems of payments and refunds. */
final class PaymentFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table();

  private PaymentFailures() {
  }

  static boolean isDuplicateKey(Throwable failure) {
    return UNIQUE.matches(failure, "idempotency_keys_pkey"::equals);
  }

  static Problem keyReused() {
    return new Problem(ProblemKind.UNPROCESSABLE, "payment_key_reused", Map.of(), "Idempotency-Key");
  }

  static Problem notPayable(String status) {
    return new Problem(ProblemKind.CONFLICT, "invoice_not_payable", Map.of("status", status));
  }

  static Problem exceedsBalance(BigDecimal amount, BigDecimal balance) {
    return new Problem(ProblemKind.UNPROCESSABLE, "payment_exceeds_balance",
        Map.of("amount", Money.text(amount), "balance", Money.text(balance)), "amount");
  }

  /** More than the patient's share at the desk: the rest is the insurer's (docs/billing.md, "Insurance"). */
  static Problem exceedsPatientShare(BigDecimal amount, BigDecimal due) {
    return new Problem(ProblemKind.UNPROCESSABLE, "payment_exceeds_patient_share",
        Map.of("amount", Money.text(amount), "due", Money.text(due)), "amount");
  }

  static Problem exceedsPaid(BigDecimal amount, BigDecimal refundable) {
    return new Problem(ProblemKind.UNPROCESSABLE, "refund_exceeds_paid",
        Map.of("amount", Money.text(amount), "refundable", Money.text(refundable)), "amount");
  }

  static Problem invalidDate(String value) {
    return Problem.invalid("invalid_date", "date", Map.of("value", value, "calendar", "gregorian"));
  }
}
