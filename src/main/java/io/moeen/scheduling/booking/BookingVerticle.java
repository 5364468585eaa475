package io.moeen.scheduling.booking;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentRooms;
import io.moeen.scheduling.appointments.AppointmentRooms.Attempt;
import io.moeen.scheduling.appointments.AppointmentView;
import io.moeen.scheduling.slots.SlotVerdicts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Booking ({@value SchedulingAddresses#APPOINTMENTS_CREATE}): access, then one transaction that checks the slot
 * ({@link SlotVerdicts}, on the same connection) and writes the appointment, its outbox rows and the idempotency
 * record; the database's exclusion constraints have the last word. The answer is the appointment read back in that transaction, the same
 * {@code Appointment} every other operation answers. After commit,
 * {@value SchedulingAddresses#APPOINTMENTS_BOOKED} is published.
 */
public final class BookingVerticle extends ServiceVerticle {
  private static final int CREATED = 201;

  private final Pool pool;
  private final Clock clock;
  private final BookingStore store = new BookingStore();

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
        : book(actor, scope, booking, request.locale())
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

  /**
   * One transaction on one connection, in three round trips after BEGIN: the session settings, the
   * idempotency claim, the slot check and the patient's facts sent together; then the appointment, its
   * outbox rows and its read-back in one statement; then (with a key) the stored answer. A refused
   * slot becomes its problem; a taken one offers the next three.
   */
  private Future<Reply> book(Actor actor, String scope, BookingRequest booking, String locale) {
    String key = booking.idempotencyKey();
    SupportedLocale lang = SupportedLocale.fromTag(locale).orElse(SupportedLocale.AR);
    Instant now = clock.instant();
    AtomicReference<AppointmentRooms.Attempt> visit = new AtomicReference<>();
    Future<Booked> written = pool.withTransaction(conn -> {
      Future<Void> acting = SessionContext.actAs(conn, actor);
      Future<Void> claimed = key == null ? Future.succeededFuture() : store.claim(conn, scope, key, booking.requestHash());
      Future<JsonObject> check = SlotVerdicts.check(conn, booking.slotQuestion(), now);
      Future<BookingStore.Facts> facts = store.facts(conn, booking.patientId());
      Future<AppointmentRooms.Room> room = booking.roomId() == null ? Future.succeededFuture()
          : AppointmentRooms.usable(conn, booking.roomId(), booking.locationId());
      return Future.all(acting, claimed, check, facts, room).compose(sent -> {
        if (!check.result().getBoolean("bookable")) {
          return Future.failedFuture(BookingFailures.refusal(check.result().getString("reason"), booking));
        }
        BookingStore.Patient patient = facts.result().patient().orElseThrow(() -> BookingFailures.patientNotFound(booking));
        if (facts.result().active() >= facts.result().maxActive()) {
          return Future.failedFuture(BookingFailures.tooManyActive(facts.result().maxActive()));
        }
        UUID id = UUID.randomUUID();
        String startsAt = booking.startsAt().atZone(ZoneId.of(check.result().getString("timeZone"))).toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Instant endsAt = Instant.parse(check.result().getString("endsAt"));
        ZoneId zone = ZoneId.of(check.result().getString("timeZone"));
        visit.set(new AppointmentRooms.Attempt(booking.roomId(), booking.startsAt(), endsAt, null, zone));
        Future<Void> roomFree = room.result() == null ? Future.succeededFuture()
            : AppointmentRooms.requireFree(conn, room.result(), booking.startsAt(), endsAt, null, zone, lang);
        return roomFree.compose(free -> store.book(conn, id, booking, check.result(), actor.principal().userId(),
                BookingOutbox.rows(patient, id, booking, startsAt, now)))
            .compose(row -> {
              Booked booked = new Booked(BookedEvent.of(row), AppointmentView.of(row, lang));
              return (key == null ? Future.<Void>succeededFuture()
                  : store.complete(conn, scope, key, CREATED, booked.answer())).map(done -> booked);
            });
      });
    });
    return written
        .recover(failure -> {
          if (AppointmentRooms.isRoomRace(failure) && visit.get() != null) {
            // the doctor's default room went to a concurrent booking meanwhile: book without a room;
            // a room staff named is taken: say by when
            Attempt a = visit.get();
            return booking.roomId() == null ? bookAgain(actor, scope, booking.withoutDefaultRoom(), locale)
                : AppointmentRooms.explainRace(pool, failure, a.roomId(), a.from(), a.until(), null, a.zone(), lang);
          }
          Throwable problem = BookingFailures.translate(failure, booking);
          return problem instanceof Problem p ? refuse(p, booking, locale) : Future.failedFuture(problem);
        })
        .map(booked -> {
          if (booked.event() != null) {
            vertx.eventBus().publish(SchedulingAddresses.APPOINTMENTS_BOOKED, booked.event());
          }
          return Reply.of(booked.answer());
        });
  }

  /** The booking once more (its event published there); answered as it answered. */
  private Future<Booked> bookAgain(Actor actor, String scope, BookingRequest booking, String locale) {
    return book(actor, scope, booking, locale).map(reply -> new Booked(null, (JsonObject) reply.body()));
  }
}
