package io.moeen.pharmacy;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts, adjustments, write-offs, returns, transfers and counts through the verticles, on the demo
 * clinic's stock: what each writes, that the balances stay the sum of the moves, and that bad input is
 * refused with its code and moves nothing.
 */
class StockMovesTest {
  static FeatureHarness app;
  static JsonObject keeper;
  static JsonObject pharmacist;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-moves");
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static BigDecimal moves() {
    return one(app, "SELECT count(*) FROM inventory_moves");
  }

  static BigDecimal batchQuantity(UUID batch) {
    return one(app, "SELECT quantity FROM inventory_batches WHERE id = '" + batch + "'");
  }

  static BigDecimal onHand(UUID store, UUID item) {
    return one(app, "SELECT on_hand FROM inventory_stock_levels WHERE store_id = '" + store + "' AND item_id = '" + item + "'");
  }

  @Test
  @DisplayName("a receipt makes a batch and raises the store's balance; the same lot again is the same batch at the average cost")
  void receiving_twice_the_same_lot_is_one_batch_at_the_average_cost() {
    UUID item = newItem(app, "RCV-1", true);
    UUID batch = receive(app, PHARMACY, item, "R1", today().plusYears(1), 10, 2);
    UUID again = receive(app, PHARMACY, item, "R1", today().plusYears(1), 30, 4);
    assertThat(again).isEqualTo(batch);
    assertThat(batchQuantity(batch)).isEqualByComparingTo("40");
    assertThat(one(app, "SELECT unit_cost FROM inventory_batches WHERE id = '" + batch + "'")).isEqualByComparingTo("3.5");
    assertThat(onHand(PHARMACY, item)).isEqualByComparingTo("40");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE batch_id = '" + batch + "' AND kind = 'receive'"))
        .isEqualByComparingTo("2");
  }

  @Test
  @DisplayName("a transfer is a move out and a move in with one transfer id; the lot lands in the other store")
  void a_transfer_moves_out_and_in_together() {
    UUID item = newItem(app, "TRF-1", true);
    UUID batch = receive(app, PHARMACY, item, "T1", today().plusYears(1), 50, 1.25);
    JsonObject change = app.as(keeper).body(new JsonObject().put("fromStoreId", PHARMACY.toString())
        .put("toStoreId", DENTAL_STORE.toString()).put("batchId", batch.toString()).put("itemId", item.toString())
        .put("quantity", 20)).sendForObject(PharmacyAddresses.STOCK_TRANSFER);
    assertThat(change.getJsonArray("moves")).hasSize(2);
    UUID target = UUID.fromString(change.getJsonArray("batches").getJsonObject(1).getString("id"));
    assertThat(batchQuantity(batch)).isEqualByComparingTo("30");
    assertThat(batchQuantity(target)).isEqualByComparingTo("20");
    assertThat(onHand(DENTAL_STORE, item)).isEqualByComparingTo("20");
    assertThat(one(app, "SELECT count(DISTINCT transfer_id) FROM inventory_moves WHERE item_id = '" + item
        + "' AND kind IN ('transfer_out', 'transfer_in')")).isEqualByComparingTo("1");
    assertThat(one(app, "SELECT unit_cost FROM inventory_batches WHERE id = '" + target + "'")).isEqualByComparingTo("1.25");
  }

  @Test
  @DisplayName("an adjustment writes the difference between counted and recorded; a write-off takes stock out with its reason")
  void adjust_and_write_off() {
    UUID item = newItem(app, "ADJ-1", true);
    UUID batch = receive(app, PHARMACY, item, "A1", today().plusYears(1), 50, 1);
    JsonObject adjusted = app.as(keeper).body(new JsonObject().put("batchId", batch.toString()).put("itemId", item.toString())
        .put("countedQuantity", 47).put("reason", "lost")).sendForObject(PharmacyAddresses.STOCK_ADJUST);
    assertThat(adjusted.getJsonArray("moves").getJsonObject(0).getValue("quantity").toString()).isEqualTo("-3");
    app.as(keeper).body(new JsonObject().put("batchId", batch.toString()).put("itemId", item.toString())
        .put("quantity", 7).put("reason", "damaged")).send(PharmacyAddresses.STOCK_WRITE_OFF);
    assertThat(batchQuantity(batch)).isEqualByComparingTo("40");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE batch_id = '" + batch + "' AND reason = 'damaged'"))
        .isEqualByComparingTo("1");
  }

  @Test
  @DisplayName("a return against a dispense takes back no more than it took from that batch")
  void returns_are_bounded_by_the_dispense() {
    UUID item = newItem(app, "RET-1", true);
    UUID batch = receive(app, PHARMACY, item, "B1", today().plusYears(1), 10, 1);
    JsonObject dispensed = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "Walk-in", item, 4))
        .sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    JsonObject back = new JsonObject().put("batchId", batch.toString()).put("itemId", item.toString())
        .put("dispenseId", dispensed.getString("id")).put("reason", "patient_return");
    app.as(pharmacist).body(back.copy().put("quantity", 3)).send(PharmacyAddresses.STOCK_RETURN);
    Problem tooMuch = app.as(pharmacist).body(back.copy().put("quantity", 2)).refusal(PharmacyAddresses.STOCK_RETURN);
    assertThat(tooMuch.code()).isEqualTo("return_exceeds_dispensed");
    assertThat(batchQuantity(batch)).isEqualByComparingTo("9");
  }

  @Test
  @DisplayName("a count posts each difference as one adjust move and closes; a posted count cannot be posted again")
  void a_count_posts_its_differences() {
    JsonObject count = app.as(keeper).body(new JsonObject().put("storeId", DENTAL_STORE.toString()))
        .sendForObject(PharmacyAddresses.COUNTS_OPEN);
    String id = count.getString("id");
    JsonArray lines = count.getJsonArray("lines");
    assertThat(lines).isNotEmpty();
    assertThat(app.as(keeper).body(new JsonObject().put("storeId", DENTAL_STORE.toString()))
        .refusal(PharmacyAddresses.COUNTS_OPEN).code()).isEqualTo("count_already_open");
    JsonObject first = lines.getJsonObject(0);
    UUID batch = UUID.fromString(first.getString("batchId"));
    BigDecimal recorded = new BigDecimal(first.getValue("recordedQuantity").toString());
    app.as(keeper).param("id", id).body(new JsonObject().put("lines", new JsonArray()
        .add(new JsonObject().put("batchId", batch.toString()).put("countedQuantity", recorded.intValue() - 2))))
        .send(PharmacyAddresses.COUNTS_RECORD);
    JsonObject posted = app.as(keeper).param("id", id).sendForObject(PharmacyAddresses.COUNTS_POST);
    assertThat(posted.getString("status")).isEqualTo("posted");
    assertThat(batchQuantity(batch)).isEqualByComparingTo(recorded.subtract(BigDecimal.valueOf(2)));
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE count_id = '" + id + "'")).isEqualByComparingTo("1");
    assertThat(app.as(keeper).param("id", id).refusal(PharmacyAddresses.COUNTS_POST).code()).isEqualTo("count_not_open");
  }

  @Test
  @DisplayName("moves are append-only: the service's role can neither change nor delete one")
  void moves_cannot_be_changed() {
    Throwable update = org.assertj.core.api.Assertions.catchThrowable(() ->
        app.pool().query("UPDATE inventory_moves SET quantity = 1").execute().await());
    Throwable delete = org.assertj.core.api.Assertions.catchThrowable(() ->
        app.pool().query("DELETE FROM inventory_moves").execute().await());
    assertThat(update).hasMessageContaining("permission denied");
    assertThat(delete).hasMessageContaining("permission denied");
  }

  @Test
  @DisplayName("every batch holds the sum of its moves and every store the sum of its batches, recomputed from scratch")
  void balances_are_the_sum_of_the_moves() {
    assertThat(one(app, """
        SELECT count(*) FROM inventory_batches b
        WHERE b.quantity <> coalesce((SELECT sum(m.quantity) FROM inventory_moves m WHERE m.batch_id = b.id), 0)""")).isZero();
    assertThat(one(app, """
        SELECT count(*) FROM inventory_stock_levels l
        WHERE l.on_hand <> coalesce((SELECT sum(b.quantity) FROM inventory_batches b
                                     WHERE b.store_id = l.store_id AND b.item_id = l.item_id), 0)""")).isZero();
    assertThat(one(app, "SELECT count(*) FROM inventory_batches")).isGreaterThan(BigDecimal.valueOf(60));
  }

  @Nested
  @DisplayName("bad input is refused with its code and moves nothing")
  class BadInput {
    UUID item = newItem(app, "BAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), true);
    UUID batch = receive(app, PHARMACY, item, "BAD", today().plusYears(1), 10, 1);

    Problem refused(String address, JsonObject principal, JsonObject body) {
      BigDecimal before = moves();
      Problem problem = app.as(principal).param("Idempotency-Key", UUID.randomUUID().toString()).body(body).refusal(address);
      assertThat(moves()).as("moves after " + problem.code()).isEqualByComparingTo(before);
      assertThat(batchQuantity(batch)).isEqualByComparingTo("10");
      return problem;
    }

    JsonObject receipt() {
      return new JsonObject().put("storeId", PHARMACY.toString()).put("itemId", item.toString()).put("lotNumber", "X")
          .put("expiryDate", today().plusYears(1).toString()).put("quantity", 5).put("unitCost", 1).put("purchaseReference", "P");
    }

    @Test
    void a_negative_or_fractional_quantity_of_whole_units() {
      assertThat(refused(PharmacyAddresses.STOCK_RECEIVE, keeper, receipt().put("quantity", -5)).code()).isEqualTo("invalid_quantity");
      Problem half = refused(PharmacyAddresses.STOCK_RECEIVE, keeper, receipt().put("quantity", 2.5));
      assertThat(half.code()).isEqualTo("fractional_quantity");
      assertThat(half.field()).isEqualTo("quantity");
      assertThat(refused(PharmacyAddresses.DISPENSES_CREATE, pharmacist, dispense(PHARMACY, "W", item, 0.5)).code())
          .isEqualTo("fractional_quantity");
    }

    @Test
    void an_expiry_in_the_past_or_today_when_receiving() {
      Problem past = refused(PharmacyAddresses.STOCK_RECEIVE, keeper, receipt().put("expiryDate", today().minusDays(3).toString()));
      assertThat(past.code()).isEqualTo("expiry_in_past");
      assertThat(refused(PharmacyAddresses.STOCK_RECEIVE, keeper, receipt().put("expiryDate", today().toString())).code())
          .isEqualTo("expiry_in_past");
    }

    @Test
    void a_transfer_to_the_same_store() {
      Problem same = refused(PharmacyAddresses.STOCK_TRANSFER, keeper, new JsonObject().put("fromStoreId", PHARMACY.toString())
          .put("toStoreId", PHARMACY.toString()).put("batchId", batch.toString()).put("itemId", item.toString()).put("quantity", 1));
      assertThat(same.code()).isEqualTo("transfer_same_store");
      assertThat(same.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
    }

    @Test
    void dispensing_or_writing_off_more_than_on_hand() {
      Problem more = refused(PharmacyAddresses.DISPENSES_CREATE, pharmacist, dispense(PHARMACY, "W", item, 11));
      assertThat(more.code()).isEqualTo("insufficient_stock");
      assertThat(more.kind()).isEqualTo(ProblemKind.CONFLICT);
      assertThat(more.args().getString("available")).isEqualTo("10");
      assertThat(refused(PharmacyAddresses.STOCK_WRITE_OFF, keeper, new JsonObject().put("batchId", batch.toString())
          .put("itemId", item.toString()).put("quantity", 11).put("reason", "expired")).code()).isEqualTo("insufficient_stock");
    }

    @Test
    void a_batch_of_another_item() {
      assertThat(refused(PharmacyAddresses.STOCK_WRITE_OFF, keeper, new JsonObject().put("batchId", batch.toString())
          .put("itemId", PARACETAMOL.toString()).put("quantity", 1).put("reason", "damaged")).code())
          .isEqualTo("batch_of_another_item");
    }

    @Test
    void a_multi_line_dispense_with_one_line_short_moves_none_of_its_lines() {
      JsonObject body = dispense(PHARMACY, "W", item, 2);
      body.getJsonArray("lines").add(new JsonObject().put("itemId", CETIRIZINE.toString()).put("quantity", 100000));
      BigDecimal cetirizine = onHand(PHARMACY, CETIRIZINE);
      assertThat(refused(PharmacyAddresses.DISPENSES_CREATE, pharmacist, body).code()).isEqualTo("insufficient_stock");
      assertThat(onHand(PHARMACY, CETIRIZINE)).isEqualByComparingTo(cetirizine);
      assertThat(one(app, "SELECT count(*) FROM inventory_dispense_lines WHERE item_id = '" + item + "'")).isZero();
    }
  }
}
