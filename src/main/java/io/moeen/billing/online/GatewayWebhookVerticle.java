package io.moeen.billing.online;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceStore;
import io.moeen.billing.invoices.Money;
import io.moeen.billing.zatca.EInvoicing;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import static io.moeen.billing.online.CheckoutsVerticle.run;

/**
 * The gateway's webhook, public on purpose: the API has already checked the HMAC-SHA256 signature of the raw body
 * (401 otherwise, nothing read). Here: a recent delivery only (400 {@code webhook_stale}), the checkout locked — every
 * delivery of one checkout's outcome queues on that row — and then, once: a {@code card} or {@code mada} payment with the
 * gateway's payment id as its reference, if the amount and currency are the checkout's (else 422, logged, nothing
 * written) and the invoice still takes it. A failed or cancelled payment records nothing; the checkout keeps why.
 */
public final class GatewayWebhookVerticle extends ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayWebhookVerticle.class);

  private final Pool pool;
  private final Clock clock;

  public GatewayWebhookVerticle(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    servePublic(BillingAddresses.GATEWAY_WEBHOOK_RECEIVE, this::receive);
    return CheckoutsVerticle.SQL.verify(pool).compose(verified -> registered());
  }

  private record Handled(JsonObject answer, JsonObject event) {
  }

  private Future<Reply> receive(RequestEnvelope request) {
    GatewayEvent event;
    try {
      event = GatewayEvent.from(request.bodyAsObject(), clock.instant());
    } catch (RuntimeException refused) {
      LOG.warn("payment webhook refused: {}", refused.getMessage());
      return Future.failedFuture(refused);
    }
    return EInvoicing.asBilling(pool, request.requestId(), conn -> handle(conn, event))
        .recover(failure -> OnlineFailures.isSecondPayment(failure)
            ? Future.succeededFuture(new Handled(result("duplicate", event.checkoutId(), null), null))
            : Future.failedFuture(failure))
        .map(handled -> {
          if (handled.event() != null) {
            vertx.eventBus().publish(BillingAddresses.PAYMENTS_RECORDED, handled.event());
          }
          return Reply.of(handled.answer());
        });
  }

  private static JsonObject result(String result, UUID checkout, UUID payment) {
    return new JsonObject().put("result", result).put("checkoutId", checkout.toString())
        .put("paymentId", payment == null ? null : payment.toString());
  }

  private Future<Handled> handle(SqlConnection conn, GatewayEvent event) {
    return run(conn, "lock_checkout", Tuple.of(event.checkoutId())).compose(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        LOG.warn("payment webhook for an unknown checkout {} (gateway payment {})", event.checkoutId(), event.paymentId());
        return Future.failedFuture(OnlineFailures.checkoutNotFound(event.checkoutId()));
      }
      Row checkout = it.next();
      String status = checkout.getString("status");
      if ("paid".equals(status) || "refused".equals(status)) {
        if (event.paymentId() != null && event.paymentId().equals(checkout.getString("gateway_payment_id"))) {
          return Future.succeededFuture(new Handled(result("duplicate", event.checkoutId(), null), null));
        }
        if (event.outcome() == GatewayEvent.Outcome.PAID) {
          LOG.error("payment webhook: gateway payment {} for checkout {} which already ended {} with payment {}: refund it"
              + " at the gateway", event.paymentId(), event.checkoutId(), status, checkout.getString("gateway_payment_id"));
        }
        return Future.succeededFuture(new Handled(result("ignored", event.checkoutId(), null), null));
      }
      return switch (event.outcome()) {
        case PAID -> paid(conn, checkout, event);
        case FAILED, CANCELLED, EXPIRED -> ended(conn, event);
        case PENDING -> Future.succeededFuture(new Handled(result("ignored", event.checkoutId(), null), null));
      };
    });
  }

  private Future<Handled> ended(SqlConnection conn, GatewayEvent event) {
    String status = event.outcome() == GatewayEvent.Outcome.CANCELLED ? "cancelled" : "failed";
    String code = switch (event.outcome()) {
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
      default -> "failed";
    };
    return run(conn, "checkout_ended", Tuple.of(event.checkoutId(), status, event.paymentId(), code,
            CheckoutsVerticle.truncate(event.message())))
        .map(x -> new Handled(result(status, event.checkoutId(), null), null));
  }

  private Future<Handled> paid(SqlConnection conn, Row checkout, GatewayEvent event) {
    BigDecimal amount = checkout.getBigDecimal("amount");
    if (event.paymentId() == null || event.paymentId().isBlank() || event.paymentId().length() > 100) {
      return Future.failedFuture(io.moeen.common.errors.Problem.invalid("invalid_webhook", "data.id",
          java.util.Map.of("field", "data.id")));
    }
    if (event.amountHalalas() != amount.movePointRight(2).longValueExact() || !checkout.getString("currency").equals(event.currency())) {
      LOG.error("payment webhook refused: gateway payment {} for checkout {} is {} {} but the checkout is {} {}",
          event.paymentId(), event.checkoutId(), event.amountHalalas(), event.currency(),
          amount.movePointRight(2).longValueExact(), checkout.getString("currency"));
      return Future.failedFuture(OnlineFailures.amountMismatch(String.valueOf(event.amountHalalas()),
          String.valueOf(event.currency())));
    }
    UUID invoice = checkout.getUUID("invoice_id");
    UUID payment = UUID.randomUUID();
    return InvoiceStore.lock(conn, invoice).compose(locked -> run(conn, "patient_due", Tuple.of(invoice))
        .compose(dues -> {
          BigDecimal due = dues.iterator().next().getBigDecimal("due").min(locked.balance());
          boolean payable = "issued".equals(locked.status()) || "partially_paid".equals(locked.status());
          if (!payable || amount.compareTo(due) > 0) {
            // the money was taken but the invoice can no longer take it (paid at the desk meanwhile, credited, ...)
            String code = payable ? "exceeds_due" : "invoice_not_payable";
            LOG.error("payment webhook: gateway payment {} of {} SAR for invoice {} refused ({}; owed {}): refund it at"
                + " the gateway", event.paymentId(), Money.text(amount), invoice, code, Money.text(due));
            return run(conn, "checkout_ended", Tuple.of(event.checkoutId(), "refused", event.paymentId(), code, null))
                .map(x -> new Handled(result("refused", event.checkoutId(), null), null));
          }
          return run(conn, "insert_payment", Tuple.of(payment, invoice, checkout.getUUID("patient_id"), event.method(),
                  amount, event.paymentId(), checkout.getUUID("created_by"))
                  .addValue("gateway:" + event.paymentId()).addValue(event.checkoutId()))
              .compose(x -> run(conn, "checkout_paid", Tuple.of(event.checkoutId(), payment, event.paymentId(),
                  event.method())))
              .compose(x -> InvoiceStore.refreshStatus(conn, invoice))
              .map(invoiceStatus -> new Handled(result("recorded", event.checkoutId(), payment), new JsonObject()
                  .put("paymentId", payment.toString()).put("invoiceId", invoice.toString()).put("kind", "payment")
                  .put("method", event.method()).put("amount", Money.text(amount)).put("status", invoiceStatus)));
        }));
  }
}
