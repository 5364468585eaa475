package io.moeen.pharmacy.dispensing;

import io.moeen.common.db.SessionContext;
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

/**
 * The one representation of a dispense (Dispense in the contract): its lines and the batches each took from;
 * and the event billing may consume ({@code pharmacy.dispensations.completed}, docs/pharmacy.md "Billing").
 */
final class DispenseView {
  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId zone;

  DispenseView(Pool pool, SqlStatements sql, ZoneId zone) {
    this.pool = pool;
    this.sql = sql;
    this.zone = zone;
  }

  /** A dispense as the contract shows it, and as billing's event carries it. */
  record Read(JsonObject body, JsonObject event) {
  }

  /** Read as the caller (its prescriptions' encounters are clinical rows, under their row-level security). */
  Future<Read> read(UUID id, String locale, SessionContext.Actor actor) {
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(sql.get("dispense_view")).execute(Tuple.of(id))
        .compose(head -> conn.preparedQuery(sql.get("dispense_picks")).execute(Tuple.of(id)).map(picks -> {
          Row d = head.iterator().next();
          Map<UUID, JsonObject> lines = new LinkedHashMap<>();
          Map<UUID, JsonObject> billed = new LinkedHashMap<>();
          for (Row p : picks) {
            UUID itemId = p.getUUID("item_id");
            JsonObject line = lines.computeIfAbsent(itemId, x -> new JsonObject()
                .put("itemId", itemId.toString()).put("itemCode", p.getString("code"))
                .put("itemName", BatchView.itemName(p, locale)).put("unit", p.getString("unit"))
                .put("prescriptionId", text(p.getUUID("prescription_id")))
                .put("allergyOverridden", p.getBoolean("allergy_overridden"))
                .put("quantity", BigDecimal.ZERO).put("batches", new JsonArray()));
            JsonObject bill = billed.computeIfAbsent(itemId, x -> Quantities.put(new JsonObject()
                .put("sourceRef", id + ":" + itemId).put("itemId", itemId.toString()).put("itemCode", p.getString("code"))
                .put("kind", p.getString("kind"))
                .put("descriptionAr", BatchView.itemName(p, "ar")).put("descriptionEn", BatchView.itemName(p, "en"))
                .put("unit", p.getString("unit")).put("prescriptionId", text(p.getUUID("prescription_id")))
                .put("encounterId", text(p.getUUID("encounter_id")))
                .put("quantity", BigDecimal.ZERO).put("cost", BigDecimal.ZERO), "unitPrice", p.getBigDecimal("sale_price")));
            BigDecimal q = p.getBigDecimal("quantity");
            line.put("quantity", Quantities.json(((BigDecimal) line.getValue("quantity")).add(q)));
            bill.put("quantity", Quantities.json(((BigDecimal) bill.getValue("quantity")).add(q)));
            bill.put("cost", ((BigDecimal) bill.getValue("cost")).add(q.multiply(p.getBigDecimal("unit_cost"))));
            line.getJsonArray("batches").add(Quantities.put(Quantities.put(new JsonObject()
                .put("batchId", p.getUUID("batch_id").toString())
                .put("lotNumber", p.getString("lot_number"))
                .put("expiryDate", p.getLocalDate("expiry_date").toString()), "quantity", q), "unitCost", p.getBigDecimal("unit_cost")));
          }
          String at = d.getOffsetDateTime("dispensed_at").atZoneSameInstant(zone).toOffsetDateTime().toString();
          JsonObject body = new JsonObject()
              .put("id", id.toString())
              .put("storeId", d.getUUID("store_id").toString())
              .put("storeName", BatchView.pick(locale, d.getString("store_name_ar"), d.getString("store_name_en")))
              .put("patientId", text(d.getUUID("patient_id")))
              .put("customerName", d.getString("customer_name"))
              .put("externalPrescription", d.getString("external_prescription"))
              .put("notes", d.getString("notes"))
              .put("collectorName", d.getString("collector_name"))
              .put("collectorIdNumber", d.getString("collector_id_number"))
              .put("dispensedBy", d.getUUID("dispensed_by").toString())
              .put("dispensedAt", at)
              .put("lines", new JsonArray(lines.values().stream().toList()));
          JsonArray eventLines = new JsonArray();
          billed.values().forEach(b -> eventLines.add(b.put("cost", ((BigDecimal) b.getValue("cost"))
              .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue())));
          JsonObject event = new JsonObject()
              .put("dispenseId", id.toString())
              .put("storeId", d.getUUID("store_id").toString())
              .put("locationId", d.getUUID("location_id").toString())
              .put("patientId", text(d.getUUID("patient_id")))
              .put("customerName", d.getString("customer_name"))
              .put("dispensedBy", d.getUUID("dispensed_by").toString())
              .put("dispensedAt", at)
              .put("lines", eventLines);
          return new Read(body, event);
        })));
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
