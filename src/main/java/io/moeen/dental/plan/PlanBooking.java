package io.moeen.dental.plan;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.dental.DentalAccess;
import io.moeen.dental.DentalStore;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Booking a plan's steps as appointments through scheduling's own booking address
 * ({@value SchedulingAddresses#APPOINTMENTS_CREATE}), so every booking rule (availability, the grid, notice,
 * overlaps, the patient's other visits) applies unchanged. The dentist's right to plan for the patient is
 * checked here first; the booking itself is made as the plan-booking account of changeset 051, one step after
 * another in the plan's order, each under the idempotency key {@code dental-step:<id>} (a retry gets the same
 * appointment). A step that cannot be booked is reported with scheduling's reason (localized), the others are
 * booked: nothing is dropped silently.
 */
public final class PlanBooking {
  /** The plan-booking account (db/changes/051-dental-plans-images.sql). */
  public static final UUID BOOKING_USER = UUID.fromString("00000000-0000-4022-8000-000000000500");
  static final JsonObject PRINCIPAL = new JsonObject()
      .put("userId", BOOKING_USER.toString())
      .put("roles", new JsonArray().add("dental_plan_booking"))
      .put("permissions", new JsonArray(List.of("appointments.read.any", "appointments.write.any", "patients.read.any")))
      .put("patientId", null)
      .put("family", new JsonArray());
  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(15_000);

  private final DentalStore store;
  private final Vertx vertx;
  private final Messages messages;
  private final SupportedLocale fallback;

  public PlanBooking(DentalStore store, Vertx vertx, Messages messages, SupportedLocale fallback) {
    this.store = store;
    this.vertx = vertx;
    this.messages = messages;
    this.fallback = fallback;
  }

  private record ToBook(UUID stepId, UUID serviceId, UUID doctorId, OffsetDateTime at) {
  }

  private record Plan(UUID patientId, UUID locationId, String title, List<ToBook> steps) {
  }

  public Future<JsonObject> book(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID planId = UUID.fromString(request.param("id"));
    JsonObject body = request.body() instanceof JsonObject given ? given : new JsonObject();
    Object named = body.getValue("stepIds");
    if (named != null && !(named instanceof JsonArray)) {
      throw Problem.invalid("dental_field_invalid", "stepIds", Map.of("field", "stepIds"));
    }
    UUID[] stepIds = null;
    if (named != null) {
      JsonArray ids = (JsonArray) named;
      stepIds = new UUID[ids.size()];
      for (int i = 0; i < ids.size(); i++) {
        stepIds[i] = PlanInput.uuid(ids.getValue(i), "stepIds[" + i + "]", true);
      }
    }
    UUID[] only = stepIds;
    SupportedLocale locale = SupportedLocale.fromTag(request.locale() == null ? "" : request.locale()).orElse(fallback);
    return store.as(DentalStore.actor(request, principal), conn -> DentalPlans.ofPlan(conn, planId,
            patientId -> DentalAccess.recordWriter(conn, principal, patientId))
        .compose(patientId -> DentalPlans.lockOpen(conn, planId))
        .compose(plan -> DentalStore.run(conn, "steps_to_book", planId, only).map(rows -> {
          List<ToBook> steps = new ArrayList<>();
          for (Row r : rows) {
            steps.add(new ToBook(r.getUUID("id"), r.getUUID("service_id"), r.getUUID("doctor_id"), r.getOffsetDateTime("scheduled_at")));
          }
          return new Plan(plan.getUUID("patient_id"), plan.getUUID("location_id"), plan.getString("title"), steps);
        })))
        .compose(plan -> {
          JsonArray booked = new JsonArray();
          JsonArray refused = new JsonArray();
          Future<Void> chain = Future.succeededFuture();
          for (ToBook step : plan.steps()) {
            chain = chain.compose(done -> bookOne(request, plan, step, locale)
                .compose(appointment -> store.as(DentalStore.actor(request, principal),
                        conn -> DentalStore.run(conn, "step_booked", step.stepId(), UUID.fromString(appointment.getString("id"))))
                    .map(ok -> booked.add(new JsonObject().put("stepId", step.stepId().toString())
                        .put("appointmentId", appointment.getString("id")).put("startsAt", appointment.getString("startsAt")))))
                .recover(failure -> Future.succeededFuture(refused.add(refusal(step, failure, locale))))
                .mapEmpty());
          }
          return chain.compose(done -> store.as(DentalStore.actor(request, principal), conn -> DentalPlans.planJson(conn, planId)))
              .map(answer -> new JsonObject().put("planId", planId.toString()).put("booked", booked).put("refused", refused)
                  .put("plan", answer));
        });
  }

  private Future<JsonObject> bookOne(RequestEnvelope request, Plan plan, ToBook step, SupportedLocale locale) {
    if (step.at() == null) {
      return Future.failedFuture(Problem.invalid("dental_step_not_scheduled", "scheduledAt", Map.of()));
    }
    JsonObject appointment = new JsonObject().put("patientId", plan.patientId().toString())
        .put("serviceId", step.serviceId().toString()).put("doctorId", step.doctorId().toString())
        .put("locationId", plan.locationId().toString()).put("startsAt", step.at().toString())
        .put("type", "follow_up").put("source", "reception").put("notes", plan.title());
    JsonObject params = new JsonObject().put("Idempotency-Key", "dental-step:" + step.stepId());
    RequestEnvelope envelope = new RequestEnvelope("createAppointment", params, appointment, PRINCIPAL.copy(), locale.tag(),
        request.requestId(), new JsonObject().put("ip", request.clientIp()).put("userAgent", "moeen-dental-plans"));
    return vertx.eventBus().<JsonObject>request(SchedulingAddresses.APPOINTMENTS_CREATE, envelope.toJson(), DELIVERY)
        .map(message -> (JsonObject) Reply.fromJson(message.body()).body())
        .recover(failure -> Future.failedFuture(BusFailures.toProblem(failure, new Problem(ProblemKind.UNAVAILABLE, "unavailable"))));
  }

  /** {stepId, code, title, detail, alternatives?}: scheduling's reason for this step, in the reader's language. */
  private JsonObject refusal(ToBook step, Throwable failure, SupportedLocale locale) {
    Problem problem = failure instanceof Problem p ? p : new Problem(ProblemKind.UNAVAILABLE, "unavailable");
    Map<String, Object> args = problem.args().getMap();
    JsonObject out = new JsonObject().put("stepId", step.stepId().toString()).put("code", problem.code())
        .put("title", text(locale, "error." + problem.code() + ".title", args))
        .put("detail", text(locale, "error." + problem.code() + ".detail", args));
    JsonArray alternatives = problem.extensions() == null ? null : problem.extensions().getJsonArray("alternatives");
    if (alternatives != null) {
      out.put("alternatives", alternatives);
    }
    return out;
  }

  private String text(SupportedLocale locale, String key, Map<String, Object> args) {
    return messages.has(locale, key) ? messages.format(locale, key, args) : null;
  }
}
