package io.moeen.pharmacy;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.SqlRefusal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

/** What the database's refusals on stock tables mean to a client (common.db.ConstraintProblems). */
public final class StockProblems {
  /** The last word on a quantity below zero, whatever path tried it (a race the Java checks lost). */
  public static final ConstraintProblems TABLE = ConstraintProblems.table()
      .on(SqlRefusal.CHECK, "inventory_batches_quantity_not_negative",
          () -> new Problem(ProblemKind.CONFLICT, "insufficient_stock", Map.of("available", "0")))
      .on(SqlRefusal.CHECK, "inventory_stock_levels_not_negative",
          () -> new Problem(ProblemKind.CONFLICT, "insufficient_stock", Map.of("available", "0")))
      .on(SqlRefusal.CHECK, "inventory_prescription_fills_within",
          () -> new Problem(ProblemKind.CONFLICT, "prescription_dispensed_in_full"))
      .on(SqlRefusal.CHECK, "inventory_moves_store_open",
          () -> storeClosed("storeId"))
      .on(SqlRefusal.CHECK, "inventory_items_medicine_only",
          () -> Problem.invalid("supply_not_a_medicine", "controlled", Map.of()))
      .on(SqlRefusal.UNIQUE, "inventory_items_code_key",
          () -> new Problem(ProblemKind.CONFLICT, "code_taken", Map.of(), "code"))
      .on(SqlRefusal.UNIQUE, "inventory_counts_one_open",
          () -> new Problem(ProblemKind.CONFLICT, "count_already_open"))
      .on(SqlRefusal.FOREIGN_KEY, "inventory_dispenses_patient_id_fkey",
          () -> Problem.invalid("unknown_patient", "patientId", Map.of()))
      .on(SqlRefusal.FOREIGN_KEY, "inventory_items_supplier",
          () -> Problem.invalid("unknown_supplier", "supplierId", Map.of()))
      .on(SqlRefusal.FOREIGN_KEY, "inventory_moves_supplier",
          () -> Problem.invalid("unknown_supplier", "supplierId", Map.of()))
      .on(SqlRefusal.UNIQUE, "inventory_suppliers_name",
          () -> new Problem(ProblemKind.CONFLICT, "supplier_exists", Map.of(), "nameEn"))
      .on(SqlRefusal.CHECK, "inventory_suppliers_vat_number",
          () -> Problem.invalid("invalid_vat_number", "vatNumber", Map.of("value", "")))
      .on(SqlRefusal.FOREIGN_KEY, "inventory_stores_location_id_fkey",
          () -> Problem.invalid("unknown_location", "locationId", Map.of()));

  private StockProblems() {
  }

  /** 409 {@code store_closed}: a closed store takes no moves and no counts. */
  public static Problem storeClosed(String field) {
    return new Problem(ProblemKind.CONFLICT, "store_closed", Map.of(), field);
  }
}
