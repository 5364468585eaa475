package io.moeen.billing.invoices;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's "dispensed items billed": a dispense to a patient becomes lines on their draft invoice, once,
 * whoever hears the pharmacy's event and however often; a walk-in sale does not.
 */
class DispensedItemsBilledTest {
  static final UUID PHARMACY = UUID.fromString("00000000-0000-4020-8000-000000000001");
  static final UUID MOHAMMED_ENCOUNTER = UUID.fromString("00000000-0000-4018-8000-000000000004");
  static final UUID DR_KHALID = UUID.fromString("00000000-0000-4000-8000-000000000004");
  static final UUID ATORVASTATIN = UUID.fromString("00000000-0000-4020-8000-000000000109");

  static RunningApp app;
  static String pharmacist;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dispensed-billed");
    pharmacist = app.loginAs(DemoAccounts.PHARMACIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> dispense(String key, JsonObject body) {
    return app.send(app.client().post("/v1/pharmacy/dispenses").putHeader("Authorization", "Bearer " + pharmacist)
        .putHeader("Idempotency-Key", key), "en", "application/json", body.encode());
  }

  /** As the owner sees them (no row-level security): the invoice lines billing made of this dispense. */
  static List<Map<String, Object>> lines(String dispenseId) {
    return owner("""
        SELECT l.invoice_id, l.line_no, l.quantity, l.unit_price, l.vat_category, l.vat_rate, l.description_en,
               i.status, i.patient_id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE l.source_kind = 'pharmacy' AND l.source_ref LIKE '%s:%%' ORDER BY l.line_no""".formatted(dispenseId));
  }

  static List<Map<String, Object>> owner(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, Object>> eventually(String dispenseId, int atLeast) {
    List<Map<String, Object>> rows = lines(dispenseId);
    for (int i = 0; i < 100 && rows.size() < atLeast; i++) {
      pause(100);
      rows = lines(dispenseId);
    }
    return rows;
  }

  static long emptyDrafts() {
    return ((Number) owner("""
        SELECT count(*) AS n FROM invoices i WHERE i.status = 'draft'
        AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)""").get(0).get("n")).longValue();
  }

  static UUID prescription(int quantity) {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO prescriptions (id, patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency, quantity,
                                   refills, status)
        VALUES ('%s', '%s', '%s', '%s', 'Atorvastatin 20 mg tablet', '1', 'oral', 'daily', %d, 0, 'active')
        """.formatted(id, DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, DR_KHALID, quantity));
    return id;
  }

  static JsonObject against(UUID item, int quantity, UUID prescription) {
    JsonObject line = new JsonObject().put("itemId", item.toString()).put("quantity", quantity);
    if (prescription != null) {
      line.put("prescriptionId", prescription.toString());
    }
    return new JsonObject().put("storeId", PHARMACY.toString())
        .put("patientId", DemoAccounts.MOHAMMED_PATIENT_ID.toString()).put("lines", new JsonArray().add(line));
  }

  /** A medicine sold without a prescription, priced, in stock in the demo pharmacy. */
  static UUID overTheCounter() {
    return (UUID) owner("""
        SELECT i.id FROM inventory_items i
        WHERE i.kind = 'medicine' AND NOT i.is_prescription_only AND NOT i.is_controlled AND i.sale_price IS NOT NULL
          AND i.whole_units AND i.id <> '00000000-0000-4020-8000-000000000109'
          AND (SELECT sum(b.quantity) FROM inventory_batches b
               WHERE b.item_id = i.id AND b.store_id = '00000000-0000-4020-8000-000000000001'
                 AND b.expiry_date > current_date) >= 5
        ORDER BY i.code LIMIT 1""").get(0).get("id");
  }

  @Test
  void a_dispense_to_a_patient_lands_on_their_draft_once_and_the_next_joins_it() {
    app.asOwner("UPDATE inventory_items SET sale_price = 1.25 WHERE id = '" + ATORVASTATIN + "'");
    String key = UUID.randomUUID().toString();
    JsonObject body = against(ATORVASTATIN, 10, prescription(30));
    HttpResponse<Buffer> first = dispense(key, body);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    String dispenseId = first.bodyAsJsonObject().getString("id");

    List<Map<String, Object>> billed = eventually(dispenseId, 1);
    assertThat(billed).hasSize(1);
    Map<String, Object> line = billed.get(0);
    assertThat(line.get("status")).isEqualTo("draft");
    assertThat(line.get("patient_id")).isEqualTo(DemoAccounts.MOHAMMED_PATIENT_ID);
    assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo("10");
    assertThat((BigDecimal) line.get("unit_price")).isEqualByComparingTo("1.25");
    assertThat(line.get("vat_category")).isEqualTo("S");
    assertThat((BigDecimal) line.get("vat_rate")).isEqualByComparingTo("15");
    assertThat((String) line.get("description_en")).isEqualTo("Atorvastatin 20 mg (Lipitor)");

    // the same request again under its key: the same dispense, nothing billed twice
    HttpResponse<Buffer> replay = dispense(key, body);
    assertThat(replay.bodyAsJsonObject().getString("id")).isEqualTo(dispenseId);
    pause(1000);
    assertThat(lines(dispenseId)).hasSize(1);

    // another dispense the same day joins the same draft, on the next line
    UUID otc = overTheCounter();
    HttpResponse<Buffer> second = dispense(UUID.randomUUID().toString(), against(otc, 2, null));
    assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(201);
    List<Map<String, Object>> next = eventually(second.bodyAsJsonObject().getString("id"), 1);
    assertThat(next).hasSize(1);
    assertThat(next.get(0).get("invoice_id")).isEqualTo(line.get("invoice_id"));
    assertThat((Integer) next.get(0).get("line_no")).isGreaterThan((Integer) line.get("line_no"));
  }

  @Test
  void a_walk_in_sale_is_not_invoiced() {
    UUID otc = overTheCounter();
    JsonObject walkIn = new JsonObject().put("storeId", PHARMACY.toString()).put("customerName", "زائر")
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", otc.toString()).put("quantity", 1)));
    HttpResponse<Buffer> sold = dispense(UUID.randomUUID().toString(), walkIn);
    assertThat(sold.statusCode()).as(sold.bodyAsString()).isEqualTo(201);
    pause(1000);
    assertThat(lines(sold.bodyAsJsonObject().getString("id"))).isEmpty();
  }

  @Test
  void every_node_hearing_the_event_at_once_still_bills_it_once_and_leaves_no_new_empty_draft() throws Exception {
    HttpResponse<Buffer> sold = dispense(UUID.randomUUID().toString(), against(overTheCounter(), 1, null));
    assertThat(sold.statusCode()).as(sold.bodyAsString()).isEqualTo(201);
    String dispenseId = sold.bodyAsJsonObject().getString("id");
    assertThat(eventually(dispenseId, 1)).hasSize(1);
    // as if no billing verticle had heard it yet: then eight hear it at the same moment
    app.asOwner("DELETE FROM invoice_lines WHERE source_kind = 'pharmacy' AND source_ref LIKE '" + dispenseId + ":%'");
    app.asOwner("DELETE FROM billing_dispenses_seen WHERE dispense_id = '" + dispenseId + "'");
    long emptyBefore = emptyDrafts();
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(app.pool().preparedQuery("SELECT billing_add_dispensed($1)").execute(Tuple.of(UUID.fromString(dispenseId)))
          .map(rows -> (Object) rows).toCompletionStage().toCompletableFuture());
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    assertThat(lines(dispenseId)).hasSize(1);
    assertThat(emptyDrafts()).isLessThanOrEqualTo(emptyBefore);
  }

  @Test
  void a_dispense_no_billing_verticle_heard_is_billed_by_the_catch_up_and_a_removed_line_stays_removed() {
    HttpResponse<Buffer> sold = dispense(UUID.randomUUID().toString(), against(overTheCounter(), 1, null));
    String dispenseId = sold.bodyAsJsonObject().getString("id");
    assertThat(eventually(dispenseId, 1)).hasSize(1);
    app.asOwner("DELETE FROM invoice_lines WHERE source_kind = 'pharmacy' AND source_ref LIKE '" + dispenseId + ":%'");
    // reception removed the line: a catch-up does not put it back
    app.pool().query("SELECT billing_catch_up_dispensed()").execute().await();
    assertThat(lines(dispenseId)).isEmpty();
    // never heard (the node was down when it was published): the catch-up bills it
    app.asOwner("DELETE FROM billing_dispenses_seen WHERE dispense_id = '" + dispenseId + "'");
    app.pool().query("SELECT billing_catch_up_dispensed()").execute().await();
    assertThat(lines(dispenseId)).hasSize(1);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
