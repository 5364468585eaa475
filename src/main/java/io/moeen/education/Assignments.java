package io.moeen.education;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

import static io.moeen.education.EducationAccess.MANAGE;

/**
 * Materials given to patients with the specialist's comment: once per patient and material (the database's
 * constraint decides, so two doctors at the same instant get one 201 and one 409), an in-app message to the
 * patient and a WhatsApp one when they agreed, both through the notifications outbox in the same transaction.
 * The patient's side reads theirs and marks them read; doctors and the admin see who read what.
 */
final class Assignments {
  private final EducationStore store;

  Assignments(EducationStore store) {
    this.store = store;
  }

  Future<JsonObject> assign(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String material = MaterialInput.text(body, "materialId");
    if (material == null) {
      throw Problem.invalid("field_required", "materialId", Map.of("field", "materialId"));
    }
    UUID materialId = MaterialInput.uuid(material, "materialId");
    String comment = MaterialInput.text(body, "comment");
    if (comment != null && comment.length() > 2000) {
      throw Problem.invalid("education_text_too_long", "comment", Map.of("field", "comment", "max", 2000));
    }
    UUID id = UUID.randomUUID();
    return store.as(EducationStore.actor(request, principal), conn -> EducationAccess.assigner(conn, principal, patientId)
        .compose(ok -> Materials.material(conn, materialId))
        .compose(row -> {
          if (row.getValue("archived_at") != null) {
            throw new Problem(ProblemKind.CONFLICT, "education_material_archived", Map.of());
          }
          return EducationStore.first(conn, "assign", id, materialId, patientId, comment);
        })
        .compose(done -> EducationStore.first(conn, "assignment", id, patientId))
        .map(row -> (JsonObject) row.orElseThrow().getValue("body")));
  }

  Future<JsonObject> ofPatient(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    return store.as(EducationStore.actor(request, principal), conn -> EducationAccess.reader(conn, principal, patientId)
        .compose(ok -> EducationStore.objects(conn, "patient_assignments", patientId))
        .map(items -> new JsonObject().put("items", new JsonArray(items))));
  }

  /** The first reading is kept (when, and by whom: the patient or a family member); again changes nothing. */
  Future<JsonObject> markRead(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    UUID id = UUID.fromString(request.param("assignmentId"));
    EducationAccess.ownReader(principal, patientId);
    return store.as(EducationStore.actor(request, principal), conn -> EducationStore.run(conn, "mark_read", id, patientId)
        .compose(done -> EducationStore.first(conn, "assignment", id, patientId))
        .map(row -> (JsonObject) row.orElseThrow(() -> Problem.notFound("education_assignment_not_found",
            Map.of("id", id.toString()))).getValue("body")));
  }

  /** Who read what: the caller's own assignments (every one for the admin), by material and read or not. */
  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    String material = request.param("materialId");
    UUID materialId = material == null ? null : MaterialInput.uuid(material, "materialId");
    String status = request.param("status");
    if (status != null && !status.equals("read") && !status.equals("unread")) {
      throw Problem.invalid("validation_failed", "status", Map.of("field", "status", "reasonKey", "validation.enum"));
    }
    return store.as(EducationStore.actor(request, principal), conn ->
        EducationStore.objects(conn, "assignments", principal.has(MANAGE), materialId, status)
            .map(items -> new JsonObject().put("items", new JsonArray(items))));
  }
}
