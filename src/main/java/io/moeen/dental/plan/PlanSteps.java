package io.moeen.dental.plan;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.dental.DentalAccess;
import io.moeen.dental.DentalStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

/**
 * A step of a plan done or dropped, by a dentist caring for the patient. Completing a step (of an ongoing
 * plan) drafts its invoice line in the same transaction ({@code dental_bill_step}, changeset 051): once per
 * step, ever; completing it again answers the same step and invoice and drafts nothing.
 */
public final class PlanSteps {
  private final DentalStore store;

  public PlanSteps(DentalStore store) {
    this.store = store;
  }

  public Future<JsonObject> complete(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID stepId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> locked(conn, principal, stepId).compose(step -> {
      String status = step.getString("status");
      UUID planId = step.getUUID("plan_id");
      if ("completed".equals(status)) {
        return answer(conn, planId, stepId);
      }
      if ("cancelled".equals(status)) {
        throw new Problem(ProblemKind.CONFLICT, "dental_step_closed", Map.of("status", status));
      }
      if (!"ongoing".equals(step.getString("plan_status"))) {
        throw new Problem(ProblemKind.CONFLICT, "dental_plan_not_ongoing", Map.of("status", step.getString("plan_status")));
      }
      return DentalStore.run(conn, "step_complete", stepId)
          .compose(done -> DentalStore.run(conn, "bill_step", stepId))
          .compose(billed -> answer(conn, planId, stepId));
    }));
  }

  public Future<JsonObject> cancel(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID stepId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> locked(conn, principal, stepId).compose(step -> {
      String status = step.getString("status");
      UUID planId = step.getUUID("plan_id");
      if ("cancelled".equals(status)) {
        return answer(conn, planId, stepId);
      }
      if ("completed".equals(status)) {
        throw new Problem(ProblemKind.CONFLICT, "dental_step_closed", Map.of("status", status));
      }
      return DentalStore.run(conn, "step_cancel", stepId).compose(done -> answer(conn, planId, stepId));
    }));
  }

  /** The step and its plan locked, after access; 404 {@code dental_step_not_found} for a step the caller may not know of. */
  private static Future<Row> locked(SqlConnection conn, Principal principal, UUID stepId) {
    Problem hidden = Problem.notFound("dental_step_not_found", Map.of("id", stepId.toString()));
    return DentalStore.first(conn, "step_patient", stepId).compose(row -> {
      UUID patientId = row.map(r -> r.getUUID("patient_id")).orElse(null);
      if (patientId == null) {
        return Future.failedFuture(hidden);
      }
      return Future.succeededFuture(patientId).compose(id -> DentalAccess.recordWriter(conn, principal, id))
          .recover(e -> Future.failedFuture(e instanceof Problem p && p.kind() == ProblemKind.NOT_FOUND ? hidden : e))
          .compose(ok -> DentalStore.first(conn, "lock_step", stepId))
          .map(found -> found.orElseThrow(() -> hidden));
    });
  }

  /** {plan, step}: the step as the plan now shows it, and the plan with its derived progress. */
  private static Future<JsonObject> answer(SqlConnection conn, UUID planId, UUID stepId) {
    return DentalPlans.planJson(conn, planId).map(plan -> {
      JsonObject step = plan.getJsonArray("steps").stream().map(JsonObject.class::cast)
          .filter(s -> stepId.toString().equals(s.getString("id"))).findFirst().orElseThrow();
      return new JsonObject().put("step", step).put("plan", plan);
    });
  }
}
