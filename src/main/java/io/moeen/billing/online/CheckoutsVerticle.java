package io.moeen.billing.online;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceFailures;
import io.moeen.billing.invoices.InvoiceStore;
import io.moeen.billing.invoices.InvoicesVerticle;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Patients (and family with the scopes {@code billing.read} and {@code billing.pay}) paying their invoices online:
 * whether a gateway is set up, a checkout for what the patient owes (under an Idempotency-Key), and where a checkout
 * stands (the portal polls it after the payer comes back). The payment itself is written by the gateway's webhook
 * ({@link GatewayWebhookVerticle}), never by the payer's return.
 */
public final class CheckoutsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/online.sql");
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutsVerticle.class);
  private static final int CREATED = 201;

  private final Pool pool;
  private final Messages messages;
  private final Function<Vertx, PaymentGateway> gatewayFactory;
  private final String returnUrl;
  private PaymentGateway gateway;

  public CheckoutsVerticle(Pool pool, Messages messages, Function<Vertx, PaymentGateway> gateway, String returnUrl) {
    this.pool = pool;
    this.messages = messages;
    this.gatewayFactory = gateway;
    this.returnUrl = returnUrl;
  }

  @Override
  public Future<?> start() {
    gateway = gatewayFactory.apply(vertx);
    serve(BillingAddresses.ONLINE_PAYMENTS_GET, anyOf("billing.pay.own", "billing.read.any"), this::availability);
    serve(BillingAddresses.CHECKOUTS_CREATE, anyOf("billing.pay.own"), this::create);
    serve(BillingAddresses.CHECKOUTS_GET, anyOf("billing.read.any", "billing.read.own"), this::get);
    return SQL.verify(pool).compose(verified -> registered());
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple args) {
    return conn.preparedQuery(SQL.get(name)).execute(args);
  }

  private static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  private static SupportedLocale lang(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
  }

  private Future<Reply> availability(RequestEnvelope request) {
    SupportedLocale lang = lang(request);
    boolean on = gateway.configured();
    return Future.succeededFuture(Reply.of(new JsonObject().put("available", on)
        .put("methods", on ? new JsonArray().add("card").add("mada") : new JsonArray())
        .put("message", messages.format(lang, on ? "billing.online.available" : "billing.online.unavailable", Map.of()))));
  }

  /** The patient pays their own; a family member needs both scopes billing.read and billing.pay (else 403/404). */
  static void mayPay(Principal caller, UUID invoice, UUID patient) {
    InvoicesVerticle.mayRead(caller, invoice, patient);
    if (!Access.mayActOnPatient(caller, patient, "billing", "pay")) {
      throw Access.refusal(caller, patient, "billing", "pay", InvoiceFailures.notFound(invoice));
    }
  }

  private Future<Reply> create(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    UUID invoice = UUID.fromString(request.param("id"));
    String key = request.param("Idempotency-Key");
    if (key == null || key.isBlank()) {
      return Future.failedFuture(Problem.invalid("idempotency_key_required", "Idempotency-Key", Map.of()));
    }
    String scope = "billing.checkouts:" + caller.userId();
    String hash = sha256("checkout:" + invoice);
    Actor actor = actor(request);
    SupportedLocale lang = lang(request);
    return replay(actor, scope, key, hash).compose(stored -> stored.isPresent() ? Future.succeededFuture(stored.get())
        : open(actor, caller, invoice, scope, key, hash, lang).recover(failure -> IdempotencyKeys.isDuplicateKey(failure)
            ? replay(actor, scope, key, hash).map(again -> again.orElseThrow(OnlineFailures::inProgress))
            : Future.failedFuture(failure)));
  }

  private Future<Optional<Reply>> replay(Actor actor, String scope, String key, String hash) {
    return SessionContext.inTransaction(pool, actor, conn -> IdempotencyKeys.storedAnswer(conn, scope, key))
        .map(stored -> stored.map(answer -> {
          if (!answer.requestHash().equals(hash)) {
            throw OnlineFailures.keyReused();
          }
          if (!answer.completed()) {
            throw OnlineFailures.inProgress();
          }
          return Reply.of(answer.body());
        }));
  }

  /**
   * One short transaction claims the key, checks the invoice and writes the checkout for what the patient owes; the
   * gateway is called with no transaction open; a second one keeps its answer (or ends the checkout and frees the key).
   */
  private Future<Reply> open(Actor actor, Principal caller, UUID invoice, String scope, String key, String hash,
                             SupportedLocale lang) {
    UUID checkout = UUID.randomUUID();
    String[] number = new String[1];
    BigDecimal[] amount = new BigDecimal[1];
    return SessionContext.inTransaction(pool, actor, conn -> InvoiceStore.lock(conn, invoice)
            .compose(locked -> {
              mayPay(caller, invoice, locked.patientId());
              if (!gateway.configured()) {
                throw OnlineFailures.unavailable();
              }
              if (!"invoice".equals(locked.kind()) || !locked.issued()) {
                throw InvoiceFailures.notIssued(locked.status());
              }
              if (!"issued".equals(locked.status()) && !"partially_paid".equals(locked.status())) {
                throw new Problem(io.moeen.common.errors.ProblemKind.CONFLICT, "invoice_not_payable",
                    Map.of("status", locked.status()));
              }
              number[0] = locked.number();
              return run(conn, "patient_due", Tuple.of(invoice)).compose(rows -> {
                BigDecimal due = rows.iterator().next().getBigDecimal("due").min(locked.balance());
                if (due.signum() <= 0) {
                  throw OnlineFailures.nothingToPay(locked.balance());
                }
                amount[0] = due;
                return IdempotencyKeys.claim(conn, scope, key, hash)
                    .compose(x -> run(conn, "insert_checkout", Tuple.of(checkout, invoice, locked.patientId(), due,
                        caller.userId())));
              });
            }))
        .compose(written -> gateway.createCheckout(new PaymentGateway.CheckoutRequest(checkout.toString(),
                invoice.toString(), number[0], amount[0].movePointRight(2).longValueExact(), "SAR",
                "Invoice " + number[0], returnUrl + "#/invoices/" + invoice + "/checkout/" + checkout))
            .transform(made -> made.succeeded()
                ? SessionContext.inTransaction(pool, actor, conn -> run(conn, "checkout_created",
                        Tuple.of(checkout, made.result().gatewayCheckoutId(), made.result().paymentUrl()))
                    .compose(x -> read(conn, checkout, lang))
                    .compose(view -> IdempotencyKeys.complete(conn, scope, key, CREATED, view)
                        .map(x -> Reply.of(view))))
                : notMade(actor, checkout, scope, key, made.cause())));
  }

  private Future<Reply> notMade(Actor actor, UUID checkout, String scope, String key, Throwable why) {
    LOG.warn("checkout {} not made at the payment gateway: {}", checkout, why.toString());
    return SessionContext.inTransaction(pool, actor, conn -> run(conn, "checkout_not_created",
            Tuple.of(checkout, truncate(why.getMessage())))
            .compose(x -> IdempotencyKeys.release(conn, scope, key)))
        .compose(x -> Future.failedFuture(OnlineFailures.gatewayUnavailable()));
  }

  private Future<JsonObject> read(SqlConnection conn, UUID checkout, SupportedLocale lang) {
    return run(conn, "checkout", Tuple.of(checkout)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        throw OnlineFailures.checkoutNotFound(checkout);
      }
      return CheckoutView.of(it.next(), messages, lang);
    });
  }

  /** Where a checkout stands, for whoever may read its invoice; one of another invoice is 404. */
  private Future<Reply> get(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    UUID invoice = UUID.fromString(request.param("id"));
    UUID checkout = UUID.fromString(request.param("checkoutId"));
    SupportedLocale lang = lang(request);
    return SessionContext.inTransaction(pool, actor(request), conn -> run(conn, "checkout", Tuple.of(checkout))
        .map(rows -> {
          var it = rows.iterator();
          Row row = it.hasNext() ? it.next() : null;
          if (row == null || !row.getUUID("invoice_id").equals(invoice)) {
            throw OnlineFailures.checkoutNotFound(checkout);
          }
          InvoicesVerticle.mayRead(caller, invoice, row.getUUID("patient_id"));
          return Reply.of(CheckoutView.of(row, messages, lang));
        }));
  }

  static String truncate(String text) {
    return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
