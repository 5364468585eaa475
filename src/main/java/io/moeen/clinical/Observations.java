package io.moeen.clinical;

import io.moeen.clinical.ObservationCatalogue.Reading;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Vitals and lab results of an encounter, as coded observations. Every item is checked (code, unit,
 * physiological range) before anything is written, so one bad value leaves the encounter as it was.
 * A weight or height recorded where the other is known adds the derived BMI.
 */
final class Observations {
  /** One checked item: the reading, its reference range in the canonical unit, when it was taken. */
  record Item(Reading reading, Double referenceLow, Double referenceHigh, OffsetDateTime effectiveAt) {
    String flag() {
      return referenceLow == null && referenceHigh == null ? reading.flag()
          : ObservationCatalogue.flag(reading.canonical().doubleValue(), referenceLow, referenceHigh);
    }
  }

  private final ClinicalStore store;

  Observations(ClinicalStore store) {
    this.store = store;
  }

  static List<Item> parse(JsonArray items) {
    List<Item> parsed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      String at = "items." + i;
      ObservationCatalogue kind = ObservationCatalogue.of(item.getString("code"), at + ".code");
      Reading reading = kind.read(item.getDouble("value"), item.getString("unit"), at);
      Double low = item.getDouble("referenceLow");
      Double high = item.getDouble("referenceHigh");
      parsed.add(new Item(reading,
          low == null ? kind.referenceLow : Double.valueOf(kind.canonical(low, reading.unit())),
          high == null ? kind.referenceHigh : Double.valueOf(kind.canonical(high, reading.unit())),
          ClinicalInput.instant(item, "effectiveAt")));
    }
    return parsed;
  }

  Future<JsonObject> record(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID encounterId = ClinicalInput.id(request);
    List<Item> items = parse(request.bodyAsObject().getJsonArray("items", new JsonArray()));
    boolean bodySize = items.stream().anyMatch(item -> item.reading().kind() == ObservationCatalogue.BODY_WEIGHT
        || item.reading().kind() == ObservationCatalogue.BODY_HEIGHT);
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, encounterId, true)
        .compose(encounter -> {
          List<JsonObject> written = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Item item : items) {
            chain = chain.compose(done -> insert(conn, encounter.patientId(), encounterId, item, false).map(json -> {
              written.add(json);
              return null;
            }));
          }
          if (bodySize) {
            chain = chain.compose(done -> bmi(conn, encounter.patientId(), encounterId)).map(bmi -> {
              if (bmi != null) {
                written.add(bmi);
              }
              return null;
            });
          }
          return chain.map(done -> new JsonObject().put("items", new JsonArray(written)));
        }));
  }

  private static Future<JsonObject> insert(SqlConnection conn, UUID patientId, UUID encounterId, Item item, boolean derived) {
    Reading r = item.reading();
    ObservationCatalogue kind = r.kind();
    return ClinicalStore.object(conn, "insert_observation", patientId, encounterId, kind.category.code, kind.code, kind.loinc,
        r.value(), r.unit(), r.canonical(), kind.unit, decimal(item.referenceLow()), decimal(item.referenceHigh()), item.flag(),
        derived, item.effectiveAt());
  }

  /** The BMI of the encounter's latest weight and height, when both are known. */
  private static Future<JsonObject> bmi(SqlConnection conn, UUID patientId, UUID encounterId) {
    return ClinicalStore.first(conn, "latest_in_encounter", encounterId).compose(row -> {
      BigDecimal weight = row.map(r -> r.getBigDecimal("weight")).orElse(null);
      BigDecimal height = row.map(r -> r.getBigDecimal("height")).orElse(null);
      if (weight == null || height == null) {
        return Future.succeededFuture(null);
      }
      double value = ObservationCatalogue.bmi(weight.doubleValue(), height.doubleValue());
      ObservationCatalogue kind = ObservationCatalogue.BMI;
      Reading reading = kind.read(value, kind.unit, "items");
      return insert(conn, patientId, encounterId, new Item(reading, kind.referenceLow, kind.referenceHigh, null), true);
    });
  }

  private static BigDecimal decimal(Double value) {
    return value == null ? null : ObservationCatalogue.round(value);
  }
}
