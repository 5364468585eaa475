package io.moeen.pharmacy.dispensing;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.pharmacy.BatchView;
import io.moeen.pharmacy.Quantities;
import io.moeen.pharmacy.StockActors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The pharmacist's queue of clinical prescriptions to dispense: active, not yet dispensed in full, oldest
 * first, with what is left, the patient's allergies and the catalogue items that fill each (with what is
 * available). Read as the caller, under the prescriptions' row-level security.
 */
final class PrescriptionQueue {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 200;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  PrescriptionQueue(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  Future<JsonObject> list(RequestEnvelope r) {
    int limit = r.param("limit") == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(r.param("limit"))));
    Tuple params = Tuple.of(uuid(r.param("patientId")), uuid(r.param("storeId")), StockActors.today(clock, zone), limit,
        r.locale());
    return SessionContext.inTransaction(pool, StockActors.of(r), conn ->
        conn.preparedQuery(Dispensing.SQL.get("prescription_queue")).execute(params)).map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            items.add(json(row, r.locale()));
          }
          return new JsonObject().put("items", items);
        });
  }

  private JsonObject json(Row row, String locale) {
    Integer quantity = row.getInteger("quantity");
    int refills = row.getInteger("refills");
    BigDecimal dispensed = row.getBigDecimal("dispensed");
    JsonObject json = new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("patientId", row.getUUID("patient_id").toString())
        .put("patientName", BatchView.pick(locale, row.getString("patient_name_ar"), row.getString("patient_name_en")))
        .put("encounterId", row.getUUID("encounter_id").toString())
        .put("prescriberId", row.getUUID("prescriber_id").toString())
        .put("prescriberName", BatchView.pick(locale, row.getString("prescriber_name_ar"), row.getString("prescriber_name_en")))
        .put("drug", row.getString("drug_name"))
        .put("dose", row.getString("dose"))
        .put("route", row.getString("route"))
        .put("frequency", row.getString("frequency"))
        .put("durationDays", row.getInteger("duration_days"))
        .put("quantity", quantity)
        .put("refills", refills)
        .put("instructions", row.getString("instructions"))
        .put("prescribedAt", row.getOffsetDateTime("created_at").atZoneSameInstant(zone).toOffsetDateTime().toString())
        .put("fills", row.getInteger("fills"))
        .put("fillsAllowed", 1 + refills)
        .put("lastDispensedAt", row.getOffsetDateTime("last_dispensed_at") == null ? null
            : row.getOffsetDateTime("last_dispensed_at").atZoneSameInstant(zone).toOffsetDateTime().toString())
        .put("items", row.getJsonArray("items"))
        .put("allergies", row.getJsonArray("allergies"));
    Quantities.put(json, "dispensed", dispensed);
    if (quantity != null) {
      BigDecimal authorised = BigDecimal.valueOf((long) quantity * (1 + refills));
      Quantities.put(json, "remaining", authorised.subtract(dispensed));
    } else {
      json.putNull("remaining");
    }
    return json;
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
