package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.scheduling.appointments.AppointmentChanges.Change;
import io.vertx.core.Future;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Putting an appointment in a room, changing it or clearing it: {@code PUT /v1/appointments/{id}/room}, and a
 * {@code roomId} given at check-in. The clinic's side only (staff, the appointment's own doctor), and only while
 * the appointment holds a room ({@link #HOLDING}: not cancelled, no-show or completed; 409
 * {@code room_not_changeable} otherwise). The room's rules are {@link AppointmentRooms}'.
 */
final class RoomSteps {
  /** The statuses in which an appointment holds its room (changeset 063's exclusion constraint says the same). */
  static final Set<AppointmentStatus> HOLDING = EnumSet.complementOf(
      EnumSet.of(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW, AppointmentStatus.COMPLETED));

  private final AppointmentStore store;
  private final StatusSteps steps;

  RoomSteps(AppointmentStore store, StatusSteps steps) {
    this.store = store;
    this.steps = steps;
  }

  /** {@code {roomId}}: that room, or none with {@code null}. */
  Future<Integer> setRoom(Change c) {
    AppointmentAccess.requireClinic(c.side());
    requireHolding(c.appointment());
    if (!c.body().containsKey("roomId")) {
      throw Problem.invalid("room_id_required", "roomId", Map.of());
    }
    String roomId = c.body().getString("roomId");
    return roomId == null ? store.setRoom(c.conn(), c.appointment().id(), null) : place(c, UUID.fromString(roomId));
  }

  /** Check-in, first putting the patient in the room the body names, if it names one. */
  Future<Integer> checkIn(Change c) {
    String roomId = c.body().getString("roomId");
    if (roomId == null) {
      return steps.checkIn(c);
    }
    AppointmentAccess.requireClinic(c.side());
    // the status table and the day rule first: a refused check-in changes no room
    c.appointment().status().after(AppointmentStatus.Step.CHECK_IN, null);
    TimeRules.requireAppointmentDay(c.appointment(), c.now());
    return place(c, UUID.fromString(roomId)).compose(version -> steps.checkIn(c));
  }

  private Future<Integer> place(Change c, UUID roomId) {
    Appointment a = c.appointment();
    if (roomId.equals(a.roomId())) {
      return Future.succeededFuture(a.version());
    }
    return AppointmentRooms.usable(c.conn(), roomId, a.locationId())
        .compose(room -> AppointmentRooms.requireFree(c.conn(), room, a.startsAt(), a.endsAt(), a.id(), a.zone(), c.lang()))
        .compose(free -> {
          c.writingRoom(roomId, a.startsAt(), a.endsAt());
          return store.setRoom(c.conn(), a.id(), roomId);
        });
  }

  private static void requireHolding(Appointment a) {
    if (!HOLDING.contains(a.status())) {
      throw new Problem(ProblemKind.CONFLICT, "room_not_changeable", Map.of("status", a.status().code()));
    }
  }
}
