package io.moeen.chatbot.actions;

import io.moeen.chatbot.engine.ChatActions.ActionFailure;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * "My appointments", cancel and reschedule. Only the contact's own: on WhatsApp (the number is
 * proven) every upcoming appointment of the patient linked to the number; on the web (a typed
 * number proves nothing) only the appointments booked in this very conversation.
 */
final class AppointmentActions {
  private static final Set<String> OPEN = Set.of("pending", "confirmed");

  private final BusCalls bus;
  private final ChatTexts texts;
  private final SchedulingActions scheduling;
  private final Clock clock;

  AppointmentActions(BusCalls bus, ChatTexts texts, SchedulingActions scheduling, Clock clock) {
    this.bus = bus;
    this.texts = texts;
    this.scheduling = scheduling;
    this.clock = clock;
  }

  Future<JsonObject> listMine(Conversation c, JsonObject scope, String requestId) {
    JsonArray booked = scope.getValue("bookedIds") instanceof JsonArray a ? a : new JsonArray();
    if (c.patientId == null || (!c.phoneVerified() && booked.isEmpty())) {
      return c.phoneVerified() || !booked.isEmpty() ? Future.succeededFuture(none())
          : Future.failedFuture(new ActionFailure("contact_not_verified", null));
    }
    JsonObject params = new JsonObject().put("patientId", c.patientId.toString())
        .put("from", clock.instant().toString()).put("limit", 50);
    return bus.operation(SchedulingAddresses.APPOINTMENTS_LIST, "listAppointments", params, null, true, c.locale, requestId).map(body -> {
      JsonArray options = new JsonArray();
      StringBuilder text = new StringBuilder();
      for (Object o : ((JsonObject) body).getJsonArray("items", new JsonArray())) {
        JsonObject a = (JsonObject) o;
        if (!OPEN.contains(a.getString("status")) || (!c.phoneVerified() && !booked.contains(a.getString("id")))) {
          continue;
        }
        String when = texts.time(a.getString("startsAt"), c.locale);
        String service = a.getJsonObject("service", new JsonObject()).getString("name", "");
        String doctor = a.getJsonObject("doctor", new JsonObject()).getString("name", "");
        if (options.size() < SchedulingActions.MAX_OPTIONS) {
          options.add(new JsonObject().put("id", "appointment" + (options.size() + 1)).put("title", when)
              .put("description", service + " – " + doctor)
              .put("value", new JsonObject().put("id", a.getString("id")).put("version", a.getInteger("version"))
                  .put("serviceId", a.getJsonObject("service").getString("id"))
                  .put("doctorId", a.getJsonObject("doctor").getString("id"))
                  .put("locationId", a.getJsonObject("location", new JsonObject()).getString("id"))));
        }
        text.append(text.isEmpty() ? "" : "\n").append("• ").append(when).append(" — ").append(service)
            .append(" – ").append(doctor);
      }
      return new JsonObject().put("appointments", options).put("appointmentCount", options.size())
          .put("appointmentsText", text.toString());
    }).recover(failure -> Future.failedFuture(failure instanceof ActionFailure ? failure
        : new ActionFailure(SchedulingActions.code(failure), null)));
  }

  private static JsonObject none() {
    return new JsonObject().put("appointments", new JsonArray()).put("appointmentCount", 0).put("appointmentsText", "");
  }

  Future<JsonObject> cancel(Conversation c, JsonObject scope, String requestId) {
    JsonObject appointment = scope.getJsonObject("appointment");
    JsonObject params = new JsonObject().put("id", appointment.getString("id"));
    JsonObject body = new JsonObject().put("reason", texts.say(c.locale, "chatbot.cancel_reason", Map.of()));
    return bus.operation(SchedulingAddresses.APPOINTMENTS_CANCEL, "cancelAppointment", params, body, true, c.locale, requestId)
        .map(done -> new JsonObject().put("appointmentTime",
            texts.time(((JsonObject) done).getString("startsAt"), c.locale)))
        .recover(failure -> Future.failedFuture(new ActionFailure(SchedulingActions.code(failure), null)));
  }

  Future<JsonObject> findSlots(Conversation c, JsonObject scope, String requestId) {
    JsonObject appointment = scope.getJsonObject("appointment");
    return scheduling.findSlots(appointment.getString("serviceId"), appointment.getString("doctorId"),
        scope.getString("date"), scope.getString("dayPart"), c.locale, requestId);
  }

  Future<JsonObject> reschedule(Conversation c, JsonObject scope, String requestId) {
    JsonObject appointment = scope.getJsonObject("appointment");
    JsonObject params = new JsonObject().put("id", appointment.getString("id"));
    JsonObject body = new JsonObject().put("startsAt", scope.getJsonObject("slot").getString("startsAt"));
    return bus.operation(SchedulingAddresses.APPOINTMENTS_RESCHEDULE, "rescheduleAppointment", params, body, true, c.locale, requestId)
        .map(done -> new JsonObject().put("appointmentTime",
            texts.time(((JsonObject) done).getString("startsAt"), c.locale)))
        .recover(failure -> Future.failedFuture(new ActionFailure(SchedulingActions.code(failure), null)));
  }
}
