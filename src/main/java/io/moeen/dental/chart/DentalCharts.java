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
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The dental chart of a patient: every change is a new version (who, when, in which encounter) holding the
 * teeth it changed; the chart at an instant is each tooth's latest state by then; the difference between
 * two instants is listed tooth by tooth. Reads are audited.
 */
public final class DentalCharts {
  static final int MAX_TEETH = 52;
  private final DentalStore store;
  private final ZoneId zone;
  private final Clock clock;

  public DentalCharts(DentalStore store, ZoneId zone, Clock clock) {
    this.store = store;
    this.zone = zone;
    this.clock = clock;
  }

  public Future<JsonObject> chart(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    OffsetDateTime at = ChartTimes.at(request.param("at"), "at", zone, clock);
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> chartAt(conn, patientId, at))
        .compose(chart -> audit(conn, patientId, request, new JsonObject().put("at", at.toString())).map(chart)));
  }

  /** The chart at {@code at}: {patientId, at, version, teeth:[…]}, for the handlers and the SVG. */
  public static Future<JsonObject> chartAt(SqlConnection conn, UUID patientId, OffsetDateTime at) {
    return DentalStore.first(conn, "version_at", patientId, at)
        .compose(version -> DentalStore.objects(conn, "chart_at", patientId, at).map(teeth -> {
          JsonObject chart = new JsonObject().put("patientId", patientId.toString()).put("at", at.toString())
              .put("version", version.map(r -> r.getInteger("version")).orElse(0))
              .put("teeth", new JsonArray(teeth));
          version.map(r -> r.getOffsetDateTime("recorded_at")).ifPresent(t -> chart.put("versionRecordedAt", t.toString()));
          return chart;
        }));
  }

  /** A new version: the teeth given, validated, replace their previous state; the others stay as they were. */
  public Future<JsonObject> change(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE, DentalAccess.ASSIST);
    UUID patientId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    JsonArray teeth = body.getJsonArray("teeth", new JsonArray());
    if (teeth.isEmpty()) {
      throw Problem.invalid("field_required", "teeth", Map.of("field", "teeth"));
    }
    if (teeth.size() > MAX_TEETH) {
      throw Problem.invalid("too_many_teeth", "teeth", Map.of("max", MAX_TEETH));
    }
    String encounterText = body.getString("encounterId");
    UUID encounterId = encounterText == null ? null : UUID.fromString(encounterText);
    Integer baseVersion = body.getInteger("baseVersion");
    String comment = body.getString("comment") == null || body.getString("comment").isBlank() ? null : body.getString("comment").strip();
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.chartWriter(conn, principal, patientId)
        .compose(care -> {
          JsonArray rows = validated(teeth, care.adult());
          return checkEncounter(conn, encounterId, patientId)
              .compose(ok -> DentalStore.run(conn, "lock_chart", patientId.toString()))
              .compose(locked -> DentalStore.first(conn, "current_version", patientId))
              .compose(current -> {
                int version = current.map(r -> r.getInteger("version")).orElse(0);
                if (baseVersion != null && baseVersion != version) {
                  throw new Problem(ProblemKind.CONFLICT, "dental_chart_changed", Map.of("current", version), "baseVersion");
                }
                return DentalStore.first(conn, "insert_version", patientId, version + 1, encounterId, care.adult(), comment);
              })
              .compose(inserted -> {
                var row = inserted.orElseThrow();
                UUID versionId = row.getUUID("id");
                return DentalStore.run(conn, "insert_teeth", versionId, patientId, rows)
                    .compose(done -> chartAt(conn, patientId, row.getOffsetDateTime("recorded_at")));
              });
        }));
  }

  /** Each item validated; a tooth named twice in one change is refused. */
  static JsonArray validated(JsonArray teeth, boolean adult) {
    JsonArray rows = new JsonArray();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < teeth.size(); i++) {
      String field = "teeth[" + i + "]";
      if (!(teeth.getValue(i) instanceof JsonObject item)) {
        throw Problem.invalid("dental_field_invalid", field, Map.of("field", "teeth"));
      }
      JsonObject state = ToothState.validate(item, field, adult);
      int tooth = item.getInteger("tooth");
      if (!seen.add(tooth)) {
        throw Problem.invalid("tooth_twice", field + ".tooth", Map.of("tooth", tooth));
      }
      rows.add(new JsonObject().put("tooth", tooth).put("state", state));
    }
    return rows;
  }

  static Future<Void> checkEncounter(SqlConnection conn, UUID encounterId, UUID patientId) {
    if (encounterId == null) {
      return Future.succeededFuture();
    }
    return DentalStore.first(conn, "encounter_patient", encounterId).map(row -> {
      UUID owner = row.map(r -> r.getUUID("patient_id")).orElse(null);
      if (!patientId.equals(owner)) {
        throw Problem.invalid("encounter_not_of_patient", "encounterId", Map.of());
      }
      return null;
    });
  }

  public Future<JsonObject> history(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> DentalStore.objects(conn, "history", patientId, 200))
        .compose(items -> audit(conn, patientId, request, new JsonObject())
            .map(new JsonObject().put("patientId", patientId.toString()).put("items", new JsonArray(items)))));
  }

  /** Tooth by tooth, what differs between the chart at {@code from} and at {@code to}. */
  public Future<JsonObject> diff(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    OffsetDateTime to = ChartTimes.at(request.param("to"), "to", zone, clock);
    OffsetDateTime from = request.param("from") == null ? OffsetDateTime.parse("1900-01-01T00:00:00Z")
        : ChartTimes.at(request.param("from"), "from", zone, clock);
    if (from.isAfter(to)) {
      throw Problem.invalid("chart_dates_reversed", "from", Map.of());
    }
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> chartAt(conn, patientId, from))
        .compose(before -> chartAt(conn, patientId, to).map(after -> compare(patientId, before, after)))
        .compose(result -> audit(conn, patientId, request, new JsonObject().put("from", from.toString()).put("to", to.toString()))
            .map(result)));
  }

  static JsonObject compare(UUID patientId, JsonObject before, JsonObject after) {
    Map<Integer, JsonObject> was = byTooth(before);
    Map<Integer, JsonObject> now = byTooth(after);
    TreeMap<Integer, Boolean> teeth = new TreeMap<>();
    was.keySet().forEach(t -> teeth.put(t, true));
    now.keySet().forEach(t -> teeth.put(t, true));
    JsonArray changes = new JsonArray();
    for (Integer tooth : teeth.keySet()) {
      JsonObject a = was.get(tooth);
      JsonObject b = now.get(tooth);
      if (a == null || b == null || !a.equals(b)) {
        JsonObject change = new JsonObject().put("tooth", tooth);
        if (a != null) {
          change.put("before", a);
        }
        if (b != null) {
          change.put("after", b);
        }
        changes.add(change);
      }
    }
    return new JsonObject().put("patientId", patientId.toString())
        .put("from", before.getString("at")).put("fromVersion", before.getInteger("version"))
        .put("to", after.getString("at")).put("toVersion", after.getInteger("version"))
        .put("changes", changes);
  }

  /** Each tooth's state alone (without the version that set it), to compare. */
  private static Map<Integer, JsonObject> byTooth(JsonObject chart) {
    Map<Integer, JsonObject> teeth = new TreeMap<>();
    for (Object o : chart.getJsonArray("teeth")) {
      JsonObject tooth = ((JsonObject) o).copy();
      int number = tooth.getInteger("tooth");
      tooth.remove("tooth");
      tooth.remove("version");
      tooth.remove("recordedAt");
      teeth.put(number, tooth);
    }
    return teeth;
  }

  static Future<Void> audit(SqlConnection conn, UUID patientId, RequestEnvelope request, JsonObject what) {
    return DentalStore.run(conn, "audit_read", "dental_chart", patientId.toString(), patientId,
        what.put("operation", request.operation())).mapEmpty();
  }
}
