package io.moeen.scheduling.appointments;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/** Existing appointments: reading, listing, the calendar file, and every step of the status table. */
public final class AppointmentsVerticle extends ServiceVerticle {
  private final Pool pool;
  private final Messages messages;

  public AppointmentsVerticle(Pool pool, Messages messages) {
    this.pool = pool;
    this.messages = messages;
  }

  @Override
  public Future<?> start() {
    AppointmentStore store = new AppointmentStore(pool);
    AppointmentChanges changes = new AppointmentChanges(store, new AppointmentEvents(vertx));
    StatusSteps steps = new StatusSteps(store);
    AppointmentMove move = new AppointmentMove(store, new SlotCheck(vertx));
    PatientRequests requests = new PatientRequests(store, move);
    DirectReschedule reschedule = new DirectReschedule(store, move);
    RoomSteps rooms = new RoomSteps(store, steps);
    DefaultRooms defaults = new DefaultRooms(pool);
    // ical4j's first use loads a good many classes: on a worker, once; a render then stays on the event loop
    Future<CalendarFile> calendar = vertx.executeBlocking(() -> new CalendarFile(messages));

    serve(SchedulingAddresses.APPOINTMENTS_GET, request -> read(store, request).map(row -> Reply.of(
            AppointmentView.json(row, language(request), AppointmentQuery.zone(request)))
        .withHeader("ETag", "\"" + row.getInteger("version") + "\"")));
    serve(SchedulingAddresses.APPOINTMENTS_LIST, request -> list(store, request).map(Reply::of));
    serve(SchedulingAddresses.APPOINTMENTS_GET_CALENDAR, request -> calendar.compose(file -> read(store, request).map(row -> new Reply(
        file.render(row, language(request), Instant.now()), java.util.Map.of(
            "Content-Type", CalendarFile.MEDIA_TYPE,
            "Content-Disposition", "attachment; filename=\"appointment-" + row.getUUID("id") + ".ics\"")))));
    serve(SchedulingAddresses.APPOINTMENTS_CONFIRM, request -> changes.run(request, steps::confirm));
    serve(SchedulingAddresses.APPOINTMENTS_CHECK_IN, request -> changes.run(request, rooms::checkIn));
    serve(SchedulingAddresses.APPOINTMENTS_SET_ROOM, request -> changes.run(request, rooms::setRoom));
    serve(SchedulingAddresses.DEFAULT_ROOMS_SET, anyOf("schedule.manage"), defaults::set);
    serve(SchedulingAddresses.APPOINTMENTS_COMPLETE, request -> changes.run(request, steps::complete));
    serve(SchedulingAddresses.APPOINTMENTS_NO_SHOW, request -> changes.run(request, steps::noShow));
    serve(SchedulingAddresses.APPOINTMENTS_CANCEL, request -> changes.run(request, steps::cancel));
    serve(SchedulingAddresses.APPOINTMENTS_REQUEST_RESCHEDULE, request -> changes.run(request, requests::requestReschedule));
    serve(SchedulingAddresses.APPOINTMENTS_REQUEST_CANCEL, request -> changes.run(request, requests::requestCancel));
    serve(SchedulingAddresses.APPOINTMENTS_APPROVE_REQUEST, request -> changes.run(request, requests::approve));
    serve(SchedulingAddresses.APPOINTMENTS_REJECT_REQUEST, request -> changes.run(request, requests::reject));
    serve(SchedulingAddresses.APPOINTMENTS_RESCHEDULE, request -> changes.run(request, reschedule::reschedule));
    return store.verify().compose(verified -> calendar).compose(ready -> registered());
  }

  private static Future<Row> read(AppointmentStore store, RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    AppointmentQuery.zone(request);
    return store.as(actor(request, principal), conn -> AppointmentStore.details(conn, id))
        .map(row -> {
          AppointmentAccess.requireRead(principal, id, row.getUUID("patient_id"), row.getUUID("doctor_user_id"));
          return row;
        });
  }

  private static Future<JsonObject> list(AppointmentStore store, RequestEnvelope request) {
    Principal principal = Access.principal(request);
    AppointmentQuery query = AppointmentQuery.from(request);
    AppointmentQuery.Scope scope = AppointmentQuery.Scope.of(principal);
    SupportedLocale lang = language(request);
    return store.as(actor(request, principal), conn -> store.list(conn, query, scope))
        .map(rows -> {
          JsonArray items = new JsonArray();
          AppointmentQuery.Cursor next = null;
          for (Row row : rows) {
            if (items.size() == query.limit()) {
              break;
            }
            items.add(AppointmentView.json(row, lang, query.zone()));
            next = new AppointmentQuery.Cursor(row.getOffsetDateTime("starts_at").toInstant(), row.getUUID("id"));
          }
          return new JsonObject().put("items", items)
              .put("nextCursor", rows.size() > query.limit() ? next.encode() : null);
        });
  }

  private static SupportedLocale language(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
  }

  private static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }
}
