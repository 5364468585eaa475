package io.moeen.billing.invoices;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;

/** The problems of invoices and notes, and what the database's refusals mean here. */
public final class InvoiceFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(CHECK, "invoice_lines_discount_within_line", () -> Problem.invalid("discount_exceeds_line", "discount",
          Map.of("discount", "", "line", "")))
      .on(CHECK, name -> name.equals("invoice_lines_draft_only") || name.equals("invoices_issued_final"),
          () -> notDraft("issued"))
      .on(FOREIGN_KEY, "invoices_location_id_fkey", () -> new Problem(ProblemKind.UNPROCESSABLE, "unknown_location",
          Map.of("field", "locationId"), "locationId"))
      .on(FOREIGN_KEY, "invoice_lines_service_id_fkey", InvoiceFailures::unknownService);

  private InvoiceFailures() {
  }

  public static Problem notFound(UUID id) {
    return Problem.notFound("invoice_not_found", Map.of("id", id.toString()));
  }

  public static Problem notDraft(String status) {
    return new Problem(ProblemKind.CONFLICT, "invoice_not_draft", Map.of("status", status));
  }

  public static Problem notIssued(String status) {
    return new Problem(ProblemKind.CONFLICT, "invoice_not_issued", Map.of("status", status));
  }

  static Problem empty() {
    return new Problem(ProblemKind.UNPROCESSABLE, "invoice_empty", Map.of());
  }

  public static Problem sellerMissing() {
    return new Problem(ProblemKind.CONFLICT, "seller_not_configured", Map.of());
  }

  static Problem unknownService() {
    return new Problem(ProblemKind.UNPROCESSABLE, "unknown_service", Map.of("field", "serviceId"), "serviceId");
  }

  static Problem appointmentNotOfPatient() {
    return new Problem(ProblemKind.UNPROCESSABLE, "appointment_not_of_patient", Map.of(), "appointmentId");
  }

  static Problem locationRequired() {
    return Problem.invalid("location_required", "locationId", Map.of());
  }

  static Problem lineNotFound(int lineNo) {
    return Problem.notFound("invoice_line_not_found", Map.of("lineNo", lineNo));
  }

  static Problem creditExceedsBalance(BigDecimal credit, BigDecimal balance) {
    return new Problem(ProblemKind.UNPROCESSABLE, "credit_exceeds_balance",
        Map.of("amount", Money.text(credit), "balance", Money.text(balance)), "lines");
  }
}
