package io.moeen.scheduling.booking;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentView;
import io.moeen.scheduling.slots.SlotsVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking ({@value SchedulingAddresses#APPOINTMENTS_CREATE}): access, the slot check, then one transaction that writes the
 * appointment, its outbox rows and the idempotency record; the database's exclusion constraints
 * have the last word. The answer is the appointment read back in that transaction, the same
 * {@code Appointment} every other operation answers. After commit,
 * {@value SchedulingAddresses#APPOINTMENTS_BOOKED} is published.
 */
public final class BookingVerticle extends ServiceVerticle {
  private static final int CREATED = 201;

  private final Pool pool;
  private final Clock clock;
  private final BookingStore store = new BookingStore();
  private final BookingOutbox outbox = new BookingOutbox(store);

  public BookingVerticle(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    serve(SchedulingAddresses.APPOINTMENTS_CREATE, this::create);
    return store.verify(pool).compose(verified -> registered());
  }

  private Future<Reply> create(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    Access.requireAny(caller, "appointments.write.any", "appointments.write.own");
    BookingRequest booking = BookingRequest.from(request, caller);
    Access.requirePatient(caller, booking.patientId(), "appointments", "write");
    Actor actor = new Actor(caller, request.requestId(), request.clientIp());
    String scope = "createAppointment:" + caller.userId();
    Optional<ZoneId> callerZone = callerZone(request.param("timeZone"));
    return answer(request, booking, actor, scope).map(reply -> callerZone
        .map(zone -> Reply.of(AppointmentView.inCallerZone((JsonObject) reply.body(), zone)))
        .orElse(reply));
  }

  /** The zone the caller asked to see times in, checked: 400 {@code invalid_time_zone} otherwise. */
  private static Optional<ZoneId> callerZone(String requested) {
    if (requested == null || requested.isBlank()) {
      return Optional.empty();
    }
    if (!ZoneId.getAvailableZoneIds().contains(requested)) {
      throw Problem.invalid("invalid_time_zone", "timeZone", Map.of("field", "timeZone", "value", requested));
    }
    return Optional.of(ZoneId.of(requested));
  }

  private Future<Reply> answer(RequestEnvelope request, BookingRequest booking, Actor actor, String scope) {
    return replay(actor, scope, booking).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : checkSlot(booking, request.locale())
            .compose(check -> book(actor, scope, booking, check, request.locale()))
            .recover(failure -> BookingFailures.isDuplicateKey(failure)
                ? replay(actor, scope, booking).map(Optional::orElseThrow)
                : answeredMeanwhile(actor, scope, booking, failure)));
  }

  /**
   * A duplicate sent while the first was still running finds the slot taken by that very first
   * request: if the first has answered by now, the duplicate gets that answer, not the refusal.
   */
  private Future<Reply> answeredMeanwhile(Actor actor, String scope, BookingRequest booking, Throwable failure) {
    if (booking.idempotencyKey() == null || !(failure instanceof Problem problem)
        || "idempotency_key_reused".equals(problem.code())) {
      return Future.failedFuture(failure);
    }
    return replay(actor, scope, booking)
        .recover(ignored -> Future.succeededFuture(Optional.empty()))
        .compose(stored -> stored.isPresent() ? Future.succeededFuture(stored.get()) : Future.failedFuture(failure));
  }

  /** The first answer to this key, when the same caller already sent the same body. */
  private Future<Optional<Reply>> replay(Actor actor, String scope, BookingRequest booking) {
    if (booking.idempotencyKey() == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return SessionContext.inTransaction(pool, actor, conn -> store.storedAnswer(conn, scope, booking.idempotencyKey()))
        .map(stored -> stored.map(answer -> {
          if (!answer.requestHash().equals(booking.requestHash())) {
            throw BookingFailures.keyReused();
          }
          return Reply.of(answer.body());
        }));
  }

  /** The slot engine's verdict; a refusal becomes its problem, a taken slot offers the next three. */
  private Future<JsonObject> checkSlot(BookingRequest booking, String locale) {
    return vertx.eventBus().<JsonObject>request(SchedulingAddresses.SLOTS_CHECK, booking.slotQuestion())
        .map(Message::body)
        .recover(BusFailures::recover)
        .compose(check -> check.getBoolean("bookable") ? Future.succeededFuture(check)
            : refuse(BookingFailures.refusal(check.getString("reason"), booking), booking, locale));
  }

  private <T> Future<T> refuse(Problem problem, BookingRequest booking, String locale) {
    if (!"slot_taken".equals(problem.code())) {
      return Future.failedFuture(problem);
    }
    JsonObject question = booking.slotQuestion().put("after", booking.startsAt().toString()).put("count", 3)
        .put("locale", locale);
    question.remove("startsAt");
    return vertx.eventBus().<JsonObject>request(SchedulingAddresses.SLOTS_NEXT, question)
        .map(reply -> reply.body().getJsonArray("items", new JsonArray()))
        .otherwise(new JsonArray())
        .compose(items -> Future.failedFuture(problem.withExtensions(new JsonObject().put("alternatives", items))));
  }

  /** The flat event payload, and the answer: the appointment read back after the write, as GET shows it. */
  private record Booked(JsonObject event, JsonObject answer) {
  }

  private Future<Reply> book(Actor actor, String scope, BookingRequest booking, JsonObject check, String locale) {
    String key = booking.idempotencyKey();
    SupportedLocale lang = SupportedLocale.fromTag(locale).orElse(SupportedLocale.AR);
    Future<Booked> written = SessionContext.inTransaction(pool, actor, conn ->
        (key == null ? Future.<Void>succeededFuture() : store.claim(conn, scope, key, booking.requestHash()))
            .compose(claimed -> store.patient(conn, booking.patientId()))
            .map(patient -> patient.orElseThrow(() -> BookingFailures.patientNotFound(booking)))
            .compose(patient -> store.activeAppointments(conn, patient.id()).compose(active -> {
              if (active[1] >= active[0]) {
                return Future.failedFuture(BookingFailures.tooManyActive(active[0]));
              }
              return store.insert(conn, booking, check, actor.principal().userId())
                  .map(BookedEvent::of)
                  .compose(event -> outbox.write(conn, patient, event, booking.startsAt(), clock.instant())
                      .compose(sent -> AppointmentView.read(conn, UUID.fromString(event.getString("id")), lang))
                      .compose(answer -> (key == null ? Future.<Void>succeededFuture()
                          : store.complete(conn, scope, key, CREATED, answer))
                          .map(done -> new Booked(event, answer))));
            })));
    return written
        .recover(failure -> {
          Throwable problem = BookingFailures.translate(failure, booking);
          return problem instanceof Problem p ? refuse(p, booking, locale) : Future.failedFuture(problem);
        })
        .map(booked -> {
          vertx.eventBus().publish(SchedulingAddresses.APPOINTMENTS_BOOKED, booked.event());
          return Reply.of(booked.answer());
        });
  }
}
