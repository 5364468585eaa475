package io.moeen.dental.plan;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.dental.DentalAccess;
import io.moeen.dental.DentalStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Treatment plans: a title, a description, dates, a branch and a status ({@code planned → ongoing →
 * completed | cancelled}), made of steps (a service on some teeth by an assigned dentist at a scheduled
 * time). Written by a dentist caring for the patient; read by the clinicians who care for them, the
 * dentist's assistants, the patient and family with {@code medical_records.read}. Progress and the
 * estimated cost are derived from the steps when the plan is read.
 */
public final class DentalPlans {
  static final Map<String, Set<String>> NEXT = Map.of(
      "planned", Set.of("ongoing", "cancelled"),
      "ongoing", Set.of("completed", "cancelled"),
      "completed", Set.of(),
      "cancelled", Set.of());

  private final DentalStore store;

  public DentalPlans(DentalStore store) {
    this.store = store;
  }

  public Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID patientId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String title = PlanInput.text(body.getValue("title"), "title", 200, true);
    String description = PlanInput.text(body.getValue("description"), "description", 4000, false);
    UUID locationId = PlanInput.uuid(body.getValue("locationId"), "locationId", true);
    LocalDate startsOn = PlanInput.date(body.getValue("startsOn"), "startsOn");
    LocalDate endsOn = PlanInput.date(body.getValue("endsOn"), "endsOn");
    if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
      throw Problem.invalid("dental_plan_dates_reversed", "endsOn", Map.of());
    }
    Object stepsValue = body.getValue("steps");
    if (stepsValue != null && !(stepsValue instanceof JsonArray)) {
      throw Problem.invalid("dental_field_invalid", "steps", Map.of("field", "steps"));
    }
    JsonArray given = stepsValue == null ? new JsonArray() : (JsonArray) stepsValue;
    if (given.size() > PlanInput.MAX_STEPS) {
      throw Problem.invalid("too_many_plan_steps", "steps", Map.of("max", PlanInput.MAX_STEPS));
    }
    List<PlanInput.Step> steps = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      steps.add(PlanInput.step(given.getValue(i), "steps[" + i + "]"));
    }
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.recordWriter(conn, principal, patientId)
        .compose(care -> exists(conn, "location_exists", locationId, "location_not_found", "locationId"))
        .compose(ok -> DentalStore.first(conn, "insert_plan", patientId, locationId, title, description, startsOn, endsOn))
        .compose(inserted -> {
          UUID planId = inserted.orElseThrow().getUUID("id");
          Future<Void> chain = Future.succeededFuture();
          for (int i = 0; i < steps.size(); i++) {
            PlanInput.Step step = steps.get(i);
            String field = "steps[" + i + "]";
            chain = chain.compose(done -> insertStep(conn, planId, patientId, step, field));
          }
          return chain.compose(done -> planJson(conn, planId));
        }));
  }

  static Future<Void> insertStep(SqlConnection conn, UUID planId, UUID patientId, PlanInput.Step step, String field) {
    return exists(conn, "service_exists", step.serviceId(), "service_not_found", field + ".serviceId")
        .compose(ok -> exists(conn, "doctor_exists", step.doctorId(), "doctor_not_found", field + ".doctorId"))
        .compose(ok -> DentalStore.run(conn, "insert_step", planId, patientId, step.serviceId(), step.teeth(), step.doctorId(),
            step.scheduledAt(), step.note()))
        .mapEmpty();
  }

  static Future<Void> exists(SqlConnection conn, String statement, UUID id, String code, String field) {
    return DentalStore.first(conn, statement, id).map(row -> {
      if (!row.map(r -> r.getBoolean("found")).orElse(false)) {
        throw Problem.invalid(code, field, Map.of("id", id.toString()));
      }
      return null;
    });
  }

  public Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> DentalStore.run(conn, "plans_of_patient", patientId))
        .compose(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getUUID("id")));
          Future<JsonArray> items = Future.succeededFuture(new JsonArray());
          for (UUID id : ids) {
            items = items.compose(all -> planJson(conn, id).map(all::add));
          }
          return items;
        })
        .compose(items -> audit(conn, patientId, patientId, request).map(new JsonObject().put("items", items))));
  }

  public Future<JsonObject> get(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID planId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> ofPlan(conn, planId,
        patientId -> DentalAccess.reader(conn, principal, patientId))
        .compose(patientId -> planJson(conn, planId).compose(plan -> audit(conn, planId, patientId, request).map(plan))));
  }

  /** More steps at the end of a plan that is not closed. */
  public Future<JsonObject> addSteps(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID planId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    if (!(body.getValue("steps") instanceof JsonArray given) || given.isEmpty()) {
      throw Problem.invalid("field_required", "steps", Map.of("field", "steps"));
    }
    if (given.size() > PlanInput.MAX_STEPS) {
      throw Problem.invalid("too_many_plan_steps", "steps", Map.of("max", PlanInput.MAX_STEPS));
    }
    List<PlanInput.Step> steps = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      steps.add(PlanInput.step(given.getValue(i), "steps[" + i + "]"));
    }
    return store.as(DentalStore.actor(request, principal), conn -> ofPlan(conn, planId,
        patientId -> DentalAccess.recordWriter(conn, principal, patientId))
        .compose(patientId -> lockOpen(conn, planId).compose(plan -> {
          Future<Void> chain = Future.succeededFuture();
          for (int i = 0; i < steps.size(); i++) {
            PlanInput.Step step = steps.get(i);
            String field = "steps[" + i + "]";
            chain = chain.compose(done -> insertStep(conn, planId, patientId, step, field));
          }
          return chain;
        }))
        .compose(done -> planJson(conn, planId)));
  }

  /** planned → ongoing → completed | cancelled (planned → cancelled too); completing needs every step done or cancelled. */
  public Future<JsonObject> changeStatus(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID planId = UUID.fromString(request.param("id"));
    String to = PlanInput.text(request.bodyAsObject().getValue("status"), "status", 20, true);
    if (!NEXT.containsKey(to)) {
      throw Problem.invalid("dental_plan_status_unknown", "status", Map.of("status", to));
    }
    return store.as(DentalStore.actor(request, principal), conn -> ofPlan(conn, planId,
        patientId -> DentalAccess.recordWriter(conn, principal, patientId))
        .compose(patientId -> DentalStore.first(conn, "lock_plan", planId))
        .compose(found -> {
          String from = found.orElseThrow(() -> notFound(planId)).getString("status");
          if (!NEXT.get(from).contains(to)) {
            throw new Problem(ProblemKind.CONFLICT, "dental_plan_transition", Map.of("from", from, "to", to), "status");
          }
          Future<Void> ready = !"completed".equals(to) ? Future.succeededFuture()
              : DentalStore.first(conn, "open_steps", planId).map(open -> {
                int count = open.orElseThrow().getInteger("open");
                if (count > 0) {
                  throw new Problem(ProblemKind.CONFLICT, "dental_plan_open_steps", Map.of("open", count), "status");
                }
                return null;
              });
          return ready.compose(ok -> DentalStore.first(conn, "plan_status", planId, from, to));
        })
        .compose(done -> planJson(conn, planId)));
  }

  /** The plan's row locked, when it is still open (planned or ongoing); 409 {@code dental_plan_closed} otherwise. */
  static Future<Row> lockOpen(SqlConnection conn, UUID planId) {
    return DentalStore.first(conn, "lock_plan", planId).map(found -> {
      Row plan = found.orElseThrow(() -> notFound(planId));
      String status = plan.getString("status");
      if (!"planned".equals(status) && !"ongoing".equals(status)) {
        throw new Problem(ProblemKind.CONFLICT, "dental_plan_closed", Map.of("status", status));
      }
      return plan;
    });
  }

  /**
   * The plan's patient, after {@code access} let the caller at them: an unknown plan, or one of a patient the caller
   * may not know of, is 404 {@code dental_plan_not_found}; a family member without the scope keeps their 403.
   */
  static Future<UUID> ofPlan(SqlConnection conn, UUID planId, Function<UUID, Future<?>> access) {
    return DentalStore.first(conn, "plan_patient", planId).compose(row -> {
      UUID patientId = row.map(r -> r.getUUID("patient_id")).orElse(null);
      if (patientId == null) {
        return Future.failedFuture(notFound(planId));
      }
      // the access check may refuse at once (a throw) or later (a failed future): both become the plan's 404
      return Future.succeededFuture(patientId).compose(access::apply)
          .recover(e -> Future.failedFuture(e instanceof Problem p && p.kind() == ProblemKind.NOT_FOUND ? notFound(planId) : e))
          .map(patientId);
    });
  }

  static Problem notFound(UUID planId) {
    return Problem.notFound("dental_plan_not_found", Map.of("id", planId.toString()));
  }

  public static Future<JsonObject> planJson(SqlConnection conn, UUID planId) {
    return DentalStore.first(conn, "plan_json", planId)
        .map(row -> (JsonObject) row.orElseThrow(() -> notFound(planId)).getValue("body"));
  }

  static Future<Void> audit(SqlConnection conn, UUID entity, UUID patientId, RequestEnvelope request) {
    return DentalStore.run(conn, "audit_read", "dental_plan", entity.toString(), patientId,
        new JsonObject().put("operation", request.operation())).mapEmpty();
  }
}
