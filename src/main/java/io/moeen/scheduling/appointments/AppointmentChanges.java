package io.moeen.scheduling.appointments;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.appointments.AppointmentAccess.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How every change to an existing appointment runs: lock it, check who acts and {@code If-Match},
 * let the step judge the transition and write (row, outbox) in the same transaction, then publish
 * the step's events after commit and answer with the appointment as it now is.
 */
final class AppointmentChanges {
  /** One lifecycle step on the locked appointment, inside the transaction; returns the new version. */
  interface Step {
    Future<Integer> apply(Change change);
  }

  /** What a step works with. */
  record Change(SqlConnection conn, Appointment appointment, Principal principal, Side side, Instant now,
                JsonObject body, AppointmentEvents.Batch events, SupportedLocale lang,
                AtomicReference<AppointmentRooms.Attempt> roomAttempt) {
    /** The room this change is about to write, checked free: explains a lost race after the rollback. */
    void writingRoom(UUID roomId, Instant from, Instant until) {
      roomAttempt.set(new AppointmentRooms.Attempt(roomId, from, until, appointment.id(), appointment.zone()));
    }

    /** Record a status change (and the specific event, if any) for after commit. */
    void statusChanged(AppointmentStatus to, int version, String specificEvent, Instant startsAt, Instant endsAt) {
      JsonObject body = AppointmentEvents.body(appointment, to, version, startsAt, endsAt, principal.userId());
      events.add(SchedulingAddresses.APPOINTMENTS_STATUS_CHANGED, body);
      if (specificEvent != null) {
        events.add(specificEvent, body.copy());
      }
    }

    void statusChanged(AppointmentStatus to, int version, String specificEvent) {
      statusChanged(to, version, specificEvent, appointment.startsAt(), appointment.endsAt());
    }

    String key(String event, int version) {
      return "appointment:" + appointment.id() + ":" + event + ":" + version;
    }
  }

  private final AppointmentStore store;
  private final AppointmentEvents events;

  AppointmentChanges(AppointmentStore store, AppointmentEvents events) {
    this.store = store;
    this.events = events;
  }

  Future<Reply> run(RequestEnvelope request, Step step) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    String ifMatch = request.param("If-Match");
    SupportedLocale lang = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
    AppointmentEvents.Batch batch = new AppointmentEvents.Batch();
    AtomicReference<AppointmentRooms.Attempt> attempt = new AtomicReference<>();
    Actor actor = new Actor(principal, request.requestId(), request.clientIp());
    return store.as(actor, conn -> store.lock(conn, id)
            .compose(appointment -> {
              Side side = AppointmentAccess.requireWrite(principal, appointment);
              requireVersion(ifMatch, appointment.version());
              return step.apply(new Change(conn, appointment, principal, side, Instant.now(),
                  request.bodyAsObject(), batch, lang, attempt));
            })
            .compose(version -> AppointmentStore.details(conn, id)))
        .recover(failure -> {
          AppointmentRooms.Attempt room = attempt.get();
          return room == null || !AppointmentRooms.isRoomRace(failure) ? Future.failedFuture(failure)
              : AppointmentRooms.explainRace(store.pool(), failure, room.roomId(), room.from(), room.until(),
                  room.except(), room.zone(), lang);
        })
        .onSuccess(committed -> events.publish(batch))
        .map(row -> Reply.of(AppointmentView.json(row, lang, null))
            .withHeader("ETag", "\"" + row.getInteger("version") + "\""));
  }

  /** Optimistic locking: {@code If-Match: "3"} (or {@code 3}, {@code W/"3"}, {@code *}) must name the current version. */
  static void requireVersion(String ifMatch, int version) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      tag = tag.startsWith("W/") ? tag.substring(2) : tag;
      tag = tag.replace("\"", "");
      if (tag.equals(Integer.toString(version))) {
        return;
      }
    }
    throw new Problem(ProblemKind.PRECONDITION_FAILED, "version_mismatch", Map.of("version", version));
  }
}
