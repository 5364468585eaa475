package io.moeen.dental.chart;

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

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a dentist did in a visit: the treatment performed, the diagnosis (an ICD-10 code and/or text) and
 * the teeth and surfaces involved, validated as the chart is. Written by the encounter's patient's dentist.
 */
public final class DentalRecords {
  private final DentalStore store;

  public DentalRecords(DentalStore store) {
    this.store = store;
  }

  public Future<JsonObject> add(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE);
    UUID encounterId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String treatment = text(body, "treatment");
    if (treatment == null) {
      throw Problem.invalid("field_required", "treatment", Map.of("field", "treatment"));
    }
    JsonArray teeth = teeth(body.getJsonArray("teeth", new JsonArray()));
    String code = text(body, "diagnosisCode");
    String diagnosis = text(body, "diagnosis");
    String note = text(body, "note");
    return store.as(DentalStore.actor(request, principal), conn -> DentalStore.first(conn, "encounter_patient", encounterId)
        .compose(row -> {
          UUID patientId = row.map(r -> r.getUUID("patient_id"))
              .orElseThrow(() -> Problem.notFound("encounter_not_found", Map.of("id", encounterId.toString())));
          return DentalAccess.recordWriter(conn, principal, patientId)
              .recover(e -> Future.failedFuture(e instanceof Problem p && p.kind() == ProblemKind.NOT_FOUND
                  ? Problem.notFound("encounter_not_found", Map.of("id", encounterId.toString())) : e))
              .compose(care -> DentalStore.first(conn, "insert_record", encounterId, patientId, treatment, code, diagnosis,
                  teeth, note))
              .compose(inserted -> DentalStore.first(conn, "record_json", inserted.orElseThrow().getUUID("id")))
              .map(found -> (JsonObject) found.orElseThrow().getValue("body"));
        }));
  }

  public Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> DentalStore.objects(conn, "records_of_patient", patientId))
        .compose(items -> DentalCharts.audit(conn, patientId, request, new JsonObject())
            .map(new JsonObject().put("items", new JsonArray(items)))));
  }

  /** [{tooth, surfaces}] with FDI numbers and each tooth's own surfaces; a tooth named once. */
  public static JsonArray teeth(JsonArray given) {
    JsonArray out = new JsonArray();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = "teeth[" + i + "]";
      if (!(given.getValue(i) instanceof JsonObject item) || !(item.getValue("tooth") instanceof Integer tooth)) {
        throw Problem.invalid("dental_field_invalid", field, Map.of("field", "teeth"));
      }
      if (!Fdi.exists(tooth)) {
        throw Problem.invalid("tooth_not_fdi", field + ".tooth", Map.of("tooth", tooth));
      }
      if (!seen.add(tooth)) {
        throw Problem.invalid("tooth_twice", field + ".tooth", Map.of("tooth", tooth));
      }
      out.add(new JsonObject().put("tooth", tooth)
          .put("surfaces", ToothState.surfaces(item.getValue("surfaces"), field + ".surfaces", tooth)));
    }
    return out;
  }

  private static String text(JsonObject body, String field) {
    String value = body.getValue(field) instanceof String s ? s : null;
    return value == null || value.isBlank() ? null : value.strip();
  }
}
