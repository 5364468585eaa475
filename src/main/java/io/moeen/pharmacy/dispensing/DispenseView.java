package io.moeen.pharmacy.dispensing;

import io.moeen.common.db.SqlStatements;
import io.moeen.pharmacy.BatchView;
import io.moeen.pharmacy.Quantities;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The one representation of a dispense (Dispense in the contract): its lines and the batches each took from. */
final class DispenseView {
  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId zone;

  DispenseView(Pool pool, SqlStatements sql, ZoneId zone) {
    this.pool = pool;
    this.sql = sql;
    this.zone = zone;
  }

  Future<JsonObject> read(UUID id, String locale) {
    return pool.preparedQuery(sql.get("dispense_view")).execute(Tuple.of(id))
        .compose(head -> pool.preparedQuery(sql.get("dispense_picks")).execute(Tuple.of(id)).map(picks -> {
          Row d = head.iterator().next();
          Map<UUID, JsonObject> lines = new LinkedHashMap<>();
          for (Row p : picks) {
            JsonObject line = lines.computeIfAbsent(p.getUUID("item_id"), itemId -> new JsonObject()
                .put("itemId", itemId.toString()).put("itemCode", p.getString("code"))
                .put("itemName", BatchView.itemName(p, locale)).put("unit", p.getString("unit"))
                .put("quantity", BigDecimal.ZERO).put("batches", new JsonArray()));
            BigDecimal q = p.getBigDecimal("quantity");
            line.put("quantity", Quantities.json(((BigDecimal) line.getValue("quantity")).add(q)));
            line.getJsonArray("batches").add(Quantities.put(Quantities.put(new JsonObject()
                .put("batchId", p.getUUID("batch_id").toString())
                .put("lotNumber", p.getString("lot_number"))
                .put("expiryDate", p.getLocalDate("expiry_date").toString()), "quantity", q), "unitCost", p.getBigDecimal("unit_cost")));
          }
          return new JsonObject()
              .put("id", id.toString())
              .put("storeId", d.getUUID("store_id").toString())
              .put("storeName", BatchView.pick(locale, d.getString("store_name_ar"), d.getString("store_name_en")))
              .put("patientId", d.getUUID("patient_id") == null ? null : d.getUUID("patient_id").toString())
              .put("customerName", d.getString("customer_name"))
              .put("prescriptionId", d.getUUID("prescription_id") == null ? null : d.getUUID("prescription_id").toString())
              .put("externalPrescription", d.getString("external_prescription"))
              .put("notes", d.getString("notes"))
              .put("dispensedBy", d.getUUID("dispensed_by").toString())
              .put("dispensedAt", d.getOffsetDateTime("dispensed_at").atZoneSameInstant(zone).toOffsetDateTime().toString())
              .put("lines", new JsonArray(lines.values().stream().toList()));
        }));
  }
}
