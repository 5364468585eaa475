package io.moeen.pharmacy.dispensing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

/**
 * The seam where prescriptions come in (docs/pharmacy.md, "Prescriptions"). Called inside the dispense's
 * transaction, after the items are read and before anything moves; a refusal fails the whole dispense.
 * Today only walk-in sales exist ({@link WalkInOnly}); when clinical prescriptions land, an implementation
 * that locks the prescription, checks it is active, not dispensed in full and for no drug the patient is
 * allergic to, and names the prescription line each dispense line fills, replaces it in PharmacyFeature.
 */
public interface PrescriptionGate {
  /** Passes, or fails with the problem that refuses the dispense. {@code items} by id, from {@code dispensing.sql#items}. */
  Future<Void> admit(SqlConnection conn, DispenseRequest request, Map<UUID, Row> items);
}
