package io.moeen.billing.invoices;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.zatca.EInvoicing;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.pharmacy.PharmacyAddresses;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Invoices and their notes: drafts (by hand, or from a completed appointment), lines, issue, cancel, credit and
 * debit notes. Every change locks the invoice and runs in one transaction as the caller; events after commit.
 */
public final class InvoicesVerticle extends ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(InvoicesVerticle.class);
  private static final String READ_ANY = "billing.read.any";
  private static final String READ_OWN = "billing.read.own";
  private static final String WRITE = "billing.write.any";

  private final Pool pool;
  private final Clock clock;
  private final InvoiceStore store;
  private EInvoicing eInvoicing;

  public InvoicesVerticle(Pool pool, Messages messages, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    this.store = new InvoiceStore(messages);
  }

  @Override
  public Future<?> start() {
    eInvoicing = new EInvoicing(vertx, clock);
    serve(BillingAddresses.INVOICES_CREATE, anyOf(WRITE), this::create);
    serve(BillingAddresses.INVOICES_LIST, anyOf(READ_ANY, READ_OWN), this::list);
    serve(BillingAddresses.INVOICES_GET, anyOf(READ_ANY, READ_OWN), this::get);
    serve(BillingAddresses.INVOICE_LINES_ADD, anyOf(WRITE), request -> change(request, (conn, locked) ->
        requireDraft(locked).compose(ok -> store.addLine(conn, locked.id(), LineInput.from(request.bodyAsObject(), "")))));
    serve(BillingAddresses.INVOICE_LINES_REMOVE, anyOf(WRITE), request -> change(request, (conn, locked) ->
        requireDraft(locked).compose(ok -> store.removeLine(conn, locked.id(), Integer.parseInt(request.param("lineNo"))))));
    serve(BillingAddresses.INVOICES_ISSUE, anyOf(WRITE), this::issue);
    serve(BillingAddresses.INVOICES_CANCEL, anyOf(WRITE), request -> change(request, (conn, locked) ->
        requireDraft(locked).compose(ok -> InvoiceStore.run(conn, "cancel_draft", io.vertx.sqlclient.Tuple.of(
            locked.id(), java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
            Access.principal(request).userId()))).mapEmpty()));
    serve(BillingAddresses.CREDIT_NOTES_CREATE, anyOf(WRITE), request -> note(request, "credit_note"));
    serve(BillingAddresses.DEBIT_NOTES_CREATE, anyOf(WRITE), request -> note(request, "debit_note"));
    var completed = vertx.eventBus().<JsonObject>consumer(SchedulingAddresses.APPOINTMENTS_STATUS_CHANGED,
        message -> draftForCompleted(message.body()));
    var dispensed = vertx.eventBus().<JsonObject>consumer(PharmacyAddresses.DISPENSATIONS_COMPLETED,
        message -> billDispensed(message.body()));
    return store.verify(pool).compose(verified -> EInvoicing.verify(pool))
        .compose(verified -> stampUnstamped())
        .compose(verified -> Future.all(registered(), completed.completion(), dispensed.completion()))
        .onSuccess(started -> catchUpDispensed());
  }

  private static SupportedLocale lang(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
  }

  private static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  private static UUID id(RequestEnvelope request) {
    return UUID.fromString(request.param("id"));
  }

  private static Future<Void> requireDraft(InvoiceStore.Locked locked) {
    return "draft".equals(locked.status()) ? Future.succeededFuture()
        : Future.failedFuture(InvoiceFailures.notDraft(locked.status()));
  }

  private Future<Reply> create(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID patient = UUID.fromString(body.getString("patientId"));
    UUID appointment = body.getString("appointmentId") == null ? null : UUID.fromString(body.getString("appointmentId"));
    UUID location = body.getString("locationId") == null ? null : UUID.fromString(body.getString("locationId"));
    List<LineInput> lines = LineInput.all(body.getJsonArray("lines", new JsonArray()));
    UUID invoice = UUID.randomUUID();
    Principal caller = Access.principal(request);
    return SessionContext.inTransaction(pool, actor(request), conn ->
            InvoiceStore.run(conn, "patient_facts", io.vertx.sqlclient.Tuple.of(patient, appointment))
                .compose(rows -> {
                  var facts = InvoiceStore.first(rows).orElseThrow(() ->
                      Problem.notFound("patient_not_found", Map.of("id", patient.toString())));
                  UUID appointmentLocation = facts.getUUID("appointment_location");
                  if (appointment != null && appointmentLocation == null) {
                    throw InvoiceFailures.appointmentNotOfPatient();
                  }
                  UUID branch = location != null ? location : appointmentLocation;
                  if (branch == null) {
                    throw InvoiceFailures.locationRequired();
                  }
                  return store.insert(conn, invoice, "invoice", null, null, patient, appointment, branch,
                      body.getString("note"), caller.userId());
                })
                .compose(inserted -> addAll(conn, invoice, lines))
                .compose(added -> store.read(conn, invoice, lang(request))))
        .recover(InvoiceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  private Future<Void> addAll(SqlConnection conn, UUID invoice, List<LineInput> lines) {
    Future<Void> chain = Future.succeededFuture();
    for (LineInput line : lines) {
      chain = chain.compose(x -> store.addLine(conn, invoice, line));
    }
    return chain;
  }

  private Future<Reply> get(RequestEnvelope request) {
    UUID invoice = id(request);
    Principal caller = Access.principal(request);
    return SessionContext.inTransaction(pool, actor(request), conn -> store.read(conn, invoice, lang(request)))
        .map(view -> {
          mayRead(caller, invoice, UUID.fromString(view.getString("patientId")));
          return Reply.of(view).withHeader("ETag", "\"" + view.getInteger("version") + "\"");
        });
  }

  /** Staff read every invoice; a patient their own; family with the scope billing.read (else 403, or 404). */
  public static void mayRead(Principal caller, UUID invoice, UUID patient) {
    if (!Access.mayActOnPatient(caller, patient, "billing", "read")) {
      throw Access.refusal(caller, patient, "billing", "read", InvoiceFailures.notFound(invoice));
    }
  }

  private Future<Reply> list(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    String wanted = request.param("patientId");
    List<UUID> patients = new ArrayList<>();
    if (wanted != null) {
      UUID patient = UUID.fromString(wanted);
      Access.requirePatient(caller, patient, "billing", "read");
      patients.add(patient);
    } else if (!caller.has(READ_ANY)) {
      caller.patientId().ifPresent(patients::add);
      caller.family().forEach((patient, scopes) -> {
        if (scopes.contains("billing.read")) {
          patients.add(patient);
        }
      });
    }
    UUID[] filter = wanted == null && caller.has(READ_ANY) ? null : patients.toArray(UUID[]::new);
    int limit = request.param("limit") == null ? 50 : Integer.parseInt(request.param("limit"));
    SupportedLocale lang = lang(request);
    return SessionContext.inTransaction(pool, actor(request), conn -> InvoiceStore.run(conn, "list",
            io.vertx.sqlclient.Tuple.of(filter, request.param("status"), request.param("kind"), limit)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(InvoiceView.summary(row, lang)));
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  /** Lock, change, read back: the shape of every change to one invoice. */
  private Future<Reply> change(RequestEnvelope request, BiFunction<SqlConnection, InvoiceStore.Locked, Future<?>> work) {
    UUID invoice = id(request);
    return SessionContext.inTransaction(pool, actor(request), conn -> InvoiceStore.lock(conn, invoice)
            .compose(locked -> work.apply(conn, locked))
            .compose(done -> store.read(conn, invoice, lang(request))))
        .recover(InvoiceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  private Future<Reply> issue(RequestEnvelope request) {
    UUID invoice = id(request);
    Principal caller = Access.principal(request);
    JsonObject[] event = new JsonObject[1];
    return SessionContext.inTransaction(pool, actor(request), conn -> InvoiceStore.lock(conn, invoice)
            .compose(locked -> requireDraft(locked).compose(ok -> Issuing.issue(conn, locked, caller.userId(), clock.instant())))
            .compose(issued -> {
              event[0] = issued;
              return stamp(conn, invoice);
            })
            .compose(stamped -> store.read(conn, invoice, lang(request))))
        .recover(InvoiceFailures.CONSTRAINTS::recover)
        .map(view -> {
          vertx.eventBus().publish(BillingAddresses.INVOICES_ISSUED, event[0]);
          return Reply.of(view);
        });
  }

  /**
   * A credit or debit note for an issued invoice, written and issued at once. A credit note may not take what
   * is owed below zero: money already paid is refunded first (422 credit_exceeds_balance).
   */
  private Future<Reply> note(RequestEnvelope request, String kind) {
    UUID original = id(request);
    JsonObject body = request.bodyAsObject();
    List<LineInput> lines = LineInput.all(body.getJsonArray("lines", new JsonArray()));
    String reason = body.getString("reason");
    Principal caller = Access.principal(request);
    UUID note = UUID.randomUUID();
    JsonObject[] event = new JsonObject[1];
    return SessionContext.inTransaction(pool, actor(request), conn -> InvoiceStore.lock(conn, original)
            .compose(invoice -> {
              if (!"invoice".equals(invoice.kind()) || !invoice.issued() || "cancelled".equals(invoice.status())) {
                return Future.failedFuture(InvoiceFailures.notIssued(invoice.status()));
              }
              return store.insert(conn, note, kind, original, reason, invoice.patientId(), null, invoice.locationId(),
                      null, caller.userId())
                  .compose(inserted -> addAll(conn, note, lines))
                  .compose(added -> store.total(conn, note))
                  .compose(total -> "credit_note".equals(kind) && total.compareTo(invoice.balance()) > 0
                      ? Future.failedFuture(InvoiceFailures.creditExceedsBalance(total, invoice.balance()))
                      : InvoiceStore.lock(conn, note))
                  .compose(draft -> Issuing.issue(conn, draft, caller.userId(), clock.instant()))
                  .compose(issued -> {
                    event[0] = issued.put("originalInvoiceId", original.toString());
                    return stamp(conn, note);
                  })
                  .compose(stamped -> InvoiceStore.refreshStatus(conn, original))
                  .compose(status -> store.read(conn, note, lang(request)));
            }))
        .recover(InvoiceFailures.CONSTRAINTS::recover)
        .map(view -> {
          vertx.eventBus().publish(BillingAddresses.INVOICES_ISSUED, event[0]);
          return Reply.of(view);
        });
  }

  /** ZATCA phase 2 for the invoice just issued, in the same transaction (docs/billing.md). */
  private Future<String> stamp(SqlConnection conn, UUID invoice) {
    return store.read(conn, invoice, SupportedLocale.AR).compose(view -> eInvoicing.stamp(conn, view));
  }

  /**
   * Issued documents without an e-invoice (the demo's, written by SQL before phase 2) are stamped at start, once,
   * in issue order, each in its own transaction, before the verticle serves: their XML answers from the first
   * start. A second node doing the same at once gets the primary key's refusal for that document and skips it.
   */
  private Future<Void> stampUnstamped() {
    return EInvoicing.asBilling(pool, "billing-stamp-missing", conn ->
            conn.preparedQuery(EInvoicing.SQL.get("unstamped")).execute())
        .compose(rows -> {
          Future<Void> chain = Future.succeededFuture();
          for (var row : rows) {
            UUID id = row.getUUID("id");
            chain = chain.compose(done -> EInvoicing.asBilling(pool, "billing-stamp-" + id, conn -> stamp(conn, id))
                .<Void>mapEmpty()
                .recover(e -> {
                  LOG.warn("Stamping the issued document {} at start failed", id, e);
                  return Future.succeededFuture();
                }));
          }
          return chain;
        })
        .recover(e -> {
          LOG.error("Looking for issued documents without an e-invoice failed", e);
          return Future.succeededFuture();
        });
  }

  /**
   * A dispense to a patient becomes lines on their draft (changeset 047 reads every fact from the pharmacy's
   * rows; the message only names the dispense). Idempotent, so a cluster's every node may hear it.
   */
  private void billDispensed(JsonObject dispensation) {
    String id = dispensation.getString("dispenseId");
    if (id == null || dispensation.getString("patientId") == null) {
      return;
    }
    UUID dispense = UUID.fromString(id);
    SessionContext.inTransaction(pool, Actor.system("billing-dispense-" + dispense), conn ->
            InvoiceStore.run(conn, "add_dispensed", io.vertx.sqlclient.Tuple.of(dispense)))
        .onFailure(e -> LOG.error("Billing the dispense {} failed", dispense, e));
  }

  private void catchUpDispensed() {
    SessionContext.inTransaction(pool, Actor.system("billing-dispense-catch-up"), conn ->
            InvoiceStore.run(conn, "catch_up_dispensed", io.vertx.sqlclient.Tuple.tuple()))
        .onFailure(e -> LOG.error("Billing the dispenses missed while stopped failed", e));
  }

  private void draftForCompleted(JsonObject change) {
    if (!"completed".equals(change.getString("to"))) {
      return;
    }
    UUID appointment = UUID.fromString(change.getString("appointmentId"));
    SessionContext.inTransaction(pool, Actor.system("billing-appointment-" + appointment), conn ->
            InvoiceStore.run(conn, "draft_for_appointment", io.vertx.sqlclient.Tuple.of(appointment)))
        .onFailure(e -> LOG.error("Drafting the invoice of appointment {} failed", appointment, e));
  }
}
