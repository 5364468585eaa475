package io.moeen.billing.online;

import io.moeen.billing.invoices.Money;
import io.moeen.common.db.SqlRefusal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The problems of paying online. */
final class OnlineFailures {
  private OnlineFailures() {
  }

  /** No gateway configured here: the portal says online payment is not set up. */
  static Problem unavailable() {
    return new Problem(ProblemKind.CONFLICT, "online_payment_unavailable", Map.of());
  }

  /** The gateway could not be reached or refused to make the checkout; nothing was charged. */
  static Problem gatewayUnavailable() {
    return new Problem(ProblemKind.UNAVAILABLE, "payment_gateway_unavailable", Map.of());
  }

  static Problem nothingToPay(BigDecimal balance) {
    return new Problem(ProblemKind.CONFLICT, "nothing_to_pay_online", Map.of("balance", Money.text(balance)));
  }

  static Problem checkoutNotFound(UUID id) {
    return Problem.notFound("checkout_not_found", Map.of("id", id.toString()));
  }

  static Problem keyReused() {
    return new Problem(ProblemKind.UNPROCESSABLE, "payment_key_reused", Map.of(), "Idempotency-Key");
  }

  static Problem inProgress() {
    return new Problem(ProblemKind.CONFLICT, "checkout_in_progress", Map.of());
  }

  static Problem stale(String createdAt) {
    return Problem.invalid("webhook_stale", "created_at", Map.of("createdAt", createdAt));
  }

  static Problem amountMismatch(String amount, String currency) {
    return new Problem(ProblemKind.UNPROCESSABLE, "gateway_amount_mismatch",
        Map.of("amount", amount, "currency", currency), "data.amount");
  }


  /** A second payment for one checkout or one gateway payment: the walls behind the checkout's lock. */
  static boolean isSecondPayment(Throwable failure) {
    return SqlRefusal.UNIQUE.matches(failure, name -> name.equals("payments_one_per_checkout")
        || name.equals("payment_checkouts_gateway_payment_id_key") || name.equals("payment_checkouts_payment_id_key"));
  }
}
